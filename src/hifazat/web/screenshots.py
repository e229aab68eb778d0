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
from typing import Any

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
    pages += [  # the Safety Ambassadors programme
        ("ambassadors", "/ambassadors"),
        ("ambassadors-apply", "/ambassadors/apply"),
        ("ambassadors-events", "/ambassadors/events"),
        ("ambassadors-library", "/ambassadors/library"),
        ("ambassadors-recognition", "/ambassadors/recognition"),
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


CONSOLE_PAGES: tuple[tuple[str, str, str], ...] = (
    # (who signs in, name, path); "task" is the task the moderator holds (claimed when none is held)
    ("moderator", "console-queues", "/console"),
    ("moderator", "console-queue-ur", "/console/queue/ur"),
    ("moderator", "console-task", "task"),
    ("moderator", "console-appeals", "/console/appeals"),
    ("moderator", "console-history", "/console/accounts/ayesha"),
    ("admin", "console-audit", "/console/audit"),
)
"""The moderator console, photographed signed in as the demo accounts (`hifazat.services.demo`)."""


def console_screenshots(
    browser: Any, base: str, out: Path, *, lang: str, width: int, height: int
) -> list[Path]:
    """`<out>/<lang>-console-*.png`, signed in with the demo password; none when there are no demo accounts."""
    from hifazat.services.demo import DEMO_PASSWORD

    written: list[Path] = []
    for handle in dict.fromkeys(who for who, _, _ in CONSOLE_PAGES):
        context = browser.new_context(viewport={"width": width, "height": height}, locale=lang)
        page = context.new_page()
        page.goto(f"{base}/console/sign-in?lang={lang}")
        if not written:
            page.screenshot(path=str(out / f"{lang}-console-sign-in.png"), full_page=True)
            written.append(out / f"{lang}-console-sign-in.png")
        page.fill("#handle", handle)
        page.fill("#password", DEMO_PASSWORD)
        page.press("#password", "Enter")
        page.wait_for_load_state()
        if "/console/sign-in" in page.url:
            context.close()
            return written
        for who, name, path in CONSOLE_PAGES:
            if who != handle:
                continue
            if path == "task":
                page.goto(f"{base}/console")
                held = page.locator("#mine-title ~ div a[href^='/console/tasks/']")
                if held.count() == 0:
                    page.locator("form[action='/console/claim'] button").last.click()
                    page.wait_for_load_state()
                else:
                    held.first.click()
            else:
                page.goto(base + path, wait_until="load")
            page.evaluate("document.fonts.ready")
            target = out / f"{lang}-{name}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        context.close()
    return written


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
                written += console_screenshots(browser, base, out, lang=lang, width=width, height=height)
        finally:
            browser.close()
    return written
