"""A PNG of every public Safety Centre page in English and Urdu (`make screenshots`).

    python bench/screenshots.py [--out screenshots] [--width 360] [--height 800]

Builds the full app on a throw-away SQLite database with a few sample reports, serves it on a
free loopback port and photographs each page with Debian's Chromium (`/usr/bin/chromium`)
through Playwright. Files are named `<lang>-<page>.png`, e.g. `ur-guide-parents.png`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hifazat.api.app import create_app
from hifazat.services.demo import seed_demo
from hifazat.settings import Settings
from hifazat.web.screenshots import CHROMIUM, add_sample_reports, take_screenshots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot every Safety Centre page in English and Urdu.")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for the PNG files")
    parser.add_argument("--width", type=int, default=360, help="viewport width in CSS pixels (default 360)")
    parser.add_argument("--height", type=int, default=800, help="viewport height in CSS pixels")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Debian's chromium package", file=sys.stderr)
        return 1
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("the Python package 'playwright' is missing: pip install -e '.[dev]'", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as data:
        app = create_app(Settings(data_dir=Path(data), environment="development"))
        add_sample_reports(app.state.runtime.sessions)
        seed_demo(app.state.runtime.engine)  # demo accounts sign in to photograph the moderator console
        files = take_screenshots(app, args.out, width=args.width, height=args.height)
    print(f"wrote {len(files)} screenshots to {args.out}/ in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
