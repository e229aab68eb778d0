"""The transparency dashboard with real enforcement figures, in a real browser: both languages fit a
360 px phone (the full table scrolls in its own box) and pass an axe-core scan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from builders import account, post, verdict
from hifazat.core.guidelines import default_catalogue
from hifazat.services.clock import utcnow
from hifazat.storage.unit import Database
from hifazat.web.screenshots import live_server
from safety_centre_app import build_app

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
REMOVED = [
    ("regulated.scams", "ur"),
    ("safety.harassment", "roman-ur"),
    ("safety.hate", "en"),
    ("integrity.spam", "mixed"),
]


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose database holds removals in the current quarter, in four languages."""
    app = build_app(tmp_path_factory.mktemp("dashboard-site"))
    db = Database(app.state.runtime.engine)
    catalogue, now = default_catalogue(), utcnow()
    for n, (policy, language) in enumerate(REMOVED):
        made = verdict("remove", policy, 0.97, language)
        author = account(db, f"poster{n}")  # one each: strikes restrict posting
        post(db, catalogue, author, f"gone-{n}", kind="video", text="removed words", made=made, now=now)
    with live_server(app) as url:
        yield url


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_dashboard_fits_a_phone_and_passes_axe(browser: Browser, dashboard_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=lang, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{dashboard_url}/transparency?lang={lang}")
    assert page.locator("table.figures tbody tr").count() == len(REMOVED)
    assert page.locator("svg.chart__svg").count() == 3
    assert page.evaluate("document.querySelector('.table-scroll').scrollWidth") > 360  # wider than the phone
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll at 360 px"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    blocking = [v["id"] for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    context.close()
    assert blocking == []
