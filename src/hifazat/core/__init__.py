"""The pure core: text, guidelines, detectors and decisions. No I/O beyond its own artefacts."""
