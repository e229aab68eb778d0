"""The Nastaliq font, served by Hifazat itself (never from a CDN).

Noto Nastaliq Urdu is released under the SIL Open Font License 1.1, which allows bundling and
redistribution with software (see `static/fonts/README.md`). Hifazat looks for it first in
`static/fonts/` inside the package (copied there by `python -m hifazat.web.fonts`, e.g. when
building an image), then where Debian's `fonts-noto-core` package installs it.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

FONT_FILES = {
    "nastaliq-regular.ttf": "NotoNastaliqUrdu-Regular.ttf",
    "nastaliq-bold.ttf": "NotoNastaliqUrdu-Bold.ttf",
}
"""Public name (in /fonts/...) → file name of the upstream font."""
PACKAGED_DIR = Path(__file__).parent / "static" / "fonts"
SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto"),
    Path("/usr/local/share/fonts"),
)


@dataclass(frozen=True, slots=True)
class FontFiles:
    """Where each served font file was found (missing ones are left out)."""

    paths: dict[str, Path]

    @classmethod
    def discover(cls, *, packaged: Path = PACKAGED_DIR, system: tuple[Path, ...] = SYSTEM_DIRS) -> FontFiles:
        """Look in the package first, then in the system font folders."""
        found: dict[str, Path] = {}
        for public, upstream in FONT_FILES.items():
            for folder in (packaged, *system):
                candidate = folder / upstream
                if candidate.is_file():
                    found[public] = candidate
                    break
        return cls(paths=found)

    def path(self, public_name: str) -> Path | None:
        """The file behind `/fonts/<public_name>`, or None."""
        return self.paths.get(public_name)


def copy_into_package(target: Path = PACKAGED_DIR) -> list[Path]:
    """Copy the system's Noto Nastaliq files into the package so it no longer needs the system copy."""
    found = FontFiles.discover(packaged=Path("/nonexistent"))
    target.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    for public, source in found.paths.items():
        destination = target / FONT_FILES[public]
        shutil.copyfile(source, destination)
        copied.append(destination)
    return copied


def main() -> int:
    """`python -m hifazat.web.fonts`: copy the fonts into the package, or explain what is missing."""
    copied = copy_into_package()
    if not copied:
        print(
            "Noto Nastaliq Urdu not found; install the Debian package fonts-noto-core "
            "(apt-get install fonts-noto-core) and run this again.",
            file=sys.stderr,
        )
        return 1
    for path in copied:
        print(f"copied {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
