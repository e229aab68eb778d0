"""Detectors: small registered objects with one job, `detect(item) -> list[Signal]`."""
