"""A PNG of every public page in English and Urdu, and the helpers the browser tests share.

`take_screenshots(app, out)` serves `app` on a free loopback port and drives Debian's Chromium
through Playwright (a development dependency; Playwright's own browser download is never used).
The command line is `python bench/screenshots.py --out screenshots --width 360`, which builds
the full app on a throw-away database (the web layer may not import the API's app factory).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.guidelines import default_catalogue
from hifazat.services.public_reports import ReportDraft, submit_report
from hifazat.web.content import guides, packaged_updates
from hifazat.web.i18n import LANGS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
"""How Hifazat launches Chromium: headless, offline, nothing downloaded or synced."""


def public_pages() -> list[tuple[str, str]]:
    """(name, path) of every public page, including one of each kind of detail page."""
    pages = [("home", "/"), ("guides", "/guides")]
    pages += [(f"guide-{g.slug}", f"/guides/{g.slug}") for g in guides()]
    pages += [("updates", "/updates")]
    pages += [(f"update-{u.slug}", f"/updates/{u.slug}") for u in packaged_updates()[:1]]
    pages += [("guidelines", "/guidelines"), ("guidelines-changes", "/guidelines/changes")]
    pages += [(f"guidelines-{area}", f"/guidelines/{area}") for area in default_catalogue().areas]
    pages += [
        ("resources", "/resources"),
        ("transparency", "/transparency"),
        ("report", "/report"),
        ("report-status", "/report/status"),
        ("not-found", "/this-page-does-not-exist"),
    ]
    return pages


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI, *, port: int | None = None) -> Iterator[str]:
    """Serve `app` with uvicorn in a background thread; yields the base URL."""
    import uvicorn

    chosen = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=chosen, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="hifazat-live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the test server did not start on port {chosen}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{chosen}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def add_sample_reports(sessions: sessionmaker[Session]) -> int:
    """A few public reports, so the transparency charts have something to draw; returns how many."""
    catalogue = default_catalogue()
    samples = [
        ("regulated.scams", "en"),
        ("regulated.scams", "ur"),
        ("regulated.scams", "ur"),
        ("safety.harassment", "ur"),
        ("integrity.misinformation", "en"),
    ]
    added = 0
    for policy_id, lang in samples:
        if policy_id in catalogue.policies:
            draft = ReportDraft(policy_id=policy_id, location="@sample_account", language=lang)
            submit_report(
                sessions, draft, known_policies=catalogue.policies, guideline_version=catalogue.version
            )
            added += 1
    return added


def take_screenshots(app: FastAPI, out: Path, *, width: int = 360, height: int = 800) -> list[Path]:
    """Serve `app` and write `<out>/<lang>-<page>.png` for every public page; returns the files."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for lang in LANGS:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=1, locale=lang
                )
                page = context.new_page()
                page.goto(f"{base}/?lang={lang}")
                for name, path in public_pages():
                    page.goto(base + path, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    target = out / f"{lang}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                context.close()
        finally:
            browser.close()
    return written
