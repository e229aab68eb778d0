"""Builders of the small trained artefacts the core ships (models, maps), from `../shared/datasets`."""
