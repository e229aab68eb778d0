"""Browser fixtures: the app served by uvicorn on a free loopback port, and Debian's Chromium.

Playwright drives `/usr/bin/chromium` (never a browser of its own: `playwright install` is never
run). When Chromium or the `playwright` package is missing, the tests fail under CI and are
skipped elsewhere, with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hifazat.web.screenshots import CHROMIUM, CHROMIUM_ARGS, live_server
from safety_centre_app import build_app

try:
    from playwright.sync_api import Browser, Playwright, sync_playwright
except ImportError:  # pragma: no cover - reported by the fixture below
    sync_playwright = None  # type: ignore[assignment]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Safety Centre served on 127.0.0.1:<free port> with a fresh database."""
    app = build_app(tmp_path_factory.mktemp("browser-site"))
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    if sync_playwright is None:
        _unavailable("the Python package 'playwright' is not installed (pip install -e '.[dev]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing: run .ci/system-deps.sh as root (apt-get install chromium)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    """Headless Debian Chromium with networking extras switched off."""
    chromium = playwright_session.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
