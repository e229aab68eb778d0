"""The Safety Ambassadors pages in a real browser (Debian Chromium) at 360 px: every page in English and
Urdu (right to left, no horizontal scroll, no serious or critical axe violations), public and signed-in,
and a person applying to become an ambassador through the browser, in Urdu."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from ambassador_kit import draft
from console_kit import PASSWORD, database, with_password
from hifazat.services.ambassador_profiles import edit_profile
from hifazat.services.ambassador_programme import (
    CampaignDraft,
    EventDraft,
    MaterialDraft,
    save_campaign,
    save_event,
    save_material,
)
from hifazat.services.ambassadors import apply, decide
from hifazat.services.clock import utcnow
from hifazat.web.screenshots import live_server
from safety_centre_app import build_app

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE: ViewportSize = {"width": 360, "height": 740}
BLOCKING = {"serious", "critical"}
PUBLIC = [
    "/ambassadors",
    "/ambassadors/apply",
    "/ambassadors/people/sana",
    "/ambassadors/recognition",
    "/ambassadors/events",
    "/ambassadors/events/1",
    "/ambassadors/events/2",
    "/ambassadors/campaigns/safer-together",
    "/ambassadors/library",
    "/ambassadors/library/spot-a-scam",
]
SIGNED_IN = [  # (who, path)
    ("sana", "/ambassadors/me"),
    ("sana", "/ambassadors/application"),
    ("boss", "/ambassadors/admin"),
    ("boss", "/ambassadors/admin/events/1"),
    ("hira", "/ambassadors/apply"),
]


def seed_site(app: FastAPI) -> None:
    """An ambassador, a campaign with a past and an upcoming event, and a material (also used to look at
    the pages by hand)."""
    db = database(app)
    admin = with_password(db, "boss", "admin")
    sana = with_password(db, "sana", "user", "ur")
    with_password(db, "hira", "user", "ur")
    with db.write() as stores:
        application = apply(stores=stores, applicant=sana, draft=draft())
        decide(stores=stores, reviewer=admin, application_id=application.id, approve=True)
        edit_profile(
            stores=stores,
            ambassador=stores.accounts.get("sana"),
            bio_en="I teach parents in Karachi to spot scams.",
            bio_ur="میں کراچی کے والدین کو دھوکے پہچاننا سکھاتی ہوں۔",
        )
        today = utcnow().date()
        save_campaign(
            stores=stores,
            actor=admin,
            draft=CampaignDraft(
                "safer-together", "#SaferTogether", "#سیفرٹوگیدر", "Safety sessions.", "حفاظتی نشستیں۔",
                today - timedelta(days=30), today + timedelta(days=30),
            ),
        )  # fmt: skip
        save_material(
            stores=stores,
            actor=admin,
            draft=MaterialDraft(
                "spot-a-scam", "Spot a scam", "دھوکا پہچانیں", "Five signs.", "پانچ نشانیاں۔", "parents", "ur",
                body="او ٹی پی کوڈ کسی کو نہ بتائیں۔\n\nشک ہو تو نمبر بلاک کریں۔",
            ),
        )  # fmt: skip
        now = utcnow().replace(tzinfo=None)
        for days, city in ((-5, "Karachi"), (9, "")):
            save_event(
                stores=stores,
                actor=admin,
                draft=EventDraft(
                    "Creators' panel on staying safe online", "آن لائن حفاظت پر تخلیق کاروں کا پینل",
                    "Scams and harassment.", "دھوکا دہی اور ہراسانی۔", now + timedelta(days=days), 90, 100,
                    city=city, venue="Arts Council" if city else "",
                    online_url="" if city else "https://example.org/live", campaign="safer-together",
                    speakers=("@sana", "Dr Farah Qureshi"), materials=("spot-a-scam",),
                ),
            )  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeded app served on a free loopback port."""
    app = build_app(tmp_path_factory.mktemp("ambassadors-browser"))
    seed_site(app)
    with live_server(app) as url:
        yield url


def _context(browser: Browser, base: str, lang: str, who: str | None = None) -> BrowserContext:
    """A 360 px phone in `lang` (remembered by the cookie), signed in as `who` when given.

    `bypass_csp` only lets the test inject axe-core; the CSP header itself is tested in tests/web."""
    context = browser.new_context(viewport=PHONE, locale=lang, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}/ambassadors?lang={lang}")
    if who is not None:
        page.goto(f"{base}/console/sign-in?next=/ambassadors")
        page.fill("#handle", who)
        page.fill("#password", PASSWORD)
        page.press("#password", "Enter")
        page.wait_for_url(f"{base}/ambassadors")
    page.close()
    return context


def _check(page: Page, base: str, path: str, lang: str) -> list[Any]:
    response = page.goto(base + path)
    assert response is not None and response.status == 200, path
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path}: {overflow}px of horizontal scroll at 360 px"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        (path, v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
        if v.get("impact") in BLOCKING
    ]


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_every_ambassador_page_on_a_phone(browser: Browser, site: str, lang: str) -> None:
    problems: list[Any] = []
    context = _context(browser, site, lang)
    page = context.new_page()
    for path in PUBLIC:
        problems += _check(page, site, path, lang)
    context.close()
    for who in dict.fromkeys(w for w, _ in SIGNED_IN):
        context = _context(browser, site, lang, who)
        page = context.new_page()
        for _, path in (pair for pair in SIGNED_IN if pair[0] == who):
            problems += _check(page, site, path, lang)
        context.close()
    assert problems == [], f"serious or critical accessibility violations ({lang}): {problems}"


def test_applying_in_urdu_through_the_browser(browser: Browser, site: str) -> None:
    context = _context(browser, site, "ur", "hira")
    page = context.new_page()
    page.goto(f"{site}/ambassadors")
    page.get_by_role("link", name="ایمبیسیڈر بننے کے لیے درخواست دیں").first.click()
    page.get_by_role("button", name="درخواست بھیجیں").click()  # empty: every problem is listed
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("کم از کم 50 حروف")
    expect(summary).to_contain_text("ضابطۂ اخلاق سے اتفاق ضروری ہے")
    page.fill(
        "#motivation",
        "میں لاہور کے اسکولوں میں بچوں کو سکھانا چاہتی ہوں کہ آن لائن دھوکے اور بدتمیزی سے کیسے بچیں۔",
    )
    page.get_by_label("اردو", exact=True).check()
    page.get_by_label("پنجابی").check()
    page.fill("#followers_tiktok", "12500")
    page.select_option("#region", "punjab")
    page.get_by_label("میں ایمبیسیڈر کے ضابطۂ اخلاق سے متفق ہوں").check()
    page.get_by_role("button", name="درخواست بھیجیں").click()
    page.wait_for_url(f"{site}/ambassadors/application")
    expect(page.locator("h1")).to_have_text("آپ کی درخواست")
    expect(page.locator(".facts")).to_contain_text("فیصلے کی منتظر")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    context.close()
