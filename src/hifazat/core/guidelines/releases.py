"""The guideline releases packaged with Hifazat (`catalogue/<version>/`) and how to name one."""

from __future__ import annotations

import functools
from pathlib import Path

from hifazat.core.errors import NotFoundError
from hifazat.core.guidelines.loader import VERSION, load_catalogue, version_key
from hifazat.core.guidelines.model import Catalogue, suggest

PACKAGED_DIR = Path(__file__).parent / "catalogue"
"""Where the packaged releases live, one folder per version."""

LATEST = "latest"
"""A version argument that names the newest packaged release."""


@functools.cache
def packaged_versions() -> list[str]:
    """Versions of the packaged releases, oldest first (`2026.1`, `2026.2`, ...)."""
    found = [p.name for p in PACKAGED_DIR.iterdir() if p.is_dir() and VERSION.fullmatch(p.name)]
    return sorted(found, key=version_key)


@functools.cache
def load_version(version: str) -> Catalogue:
    """A packaged release by version (`latest` for the newest); NotFoundError for unknown versions."""
    versions = packaged_versions()
    if version == LATEST:
        return default_catalogue()
    if version not in versions:
        raise NotFoundError(
            f"no packaged guidelines version {version!r}",
            hint=suggest(version, tuple(versions), fallback="packaged versions: " + ", ".join(versions)),
        )
    catalogue = load_catalogue(PACKAGED_DIR / version)
    if catalogue.version != version:
        raise NotFoundError(
            f"packaged folder {version} holds guidelines version {catalogue.version}",
            hint="the folder name and the 'version' in its catalogue.yaml must agree",
        )
    return catalogue


@functools.cache
def default_catalogue() -> Catalogue:
    """The newest packaged release: what the engine enforces unless told otherwise."""
    versions = packaged_versions()
    if not versions:
        raise NotFoundError(f"no guideline releases packaged under {PACKAGED_DIR}", hint="reinstall Hifazat")
    return load_version(versions[-1])


def previous_version(version: str) -> str | None:
    """The packaged version just before `version`, or None for the first."""
    older = [v for v in packaged_versions() if version_key(v) < version_key(version)]
    return older[-1] if older else None


def resolve_catalogue(ref: str) -> Catalogue:
    """A release named by a packaged version (`2026.1`, `latest`) or by a folder path.

    Used by the CLI, where OLD and NEW in `guidelines diff OLD NEW` may be either.
    """
    if ref == LATEST or ref in packaged_versions():
        return load_version(ref)
    path = Path(ref)
    if path.exists():
        return load_catalogue(path)
    raise NotFoundError(
        f"{ref!r} is neither a packaged guidelines version nor a folder",
        hint=suggest(
            ref, tuple(packaged_versions()), fallback="packaged versions: " + ", ".join(packaged_versions())
        ),
    )
