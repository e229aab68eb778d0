"""The Safety Centre in a real browser (Debian Chromium): every page in both languages at 360 px,
right-to-left Urdu drawn with the served Nastaliq font, an axe-core scan, and the report form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from hifazat.web.screenshots import public_pages

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = public_pages()
PHONE: ViewportSize = {"width": 360, "height": 740}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module", params=["en", "ur"])
def lang(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture(scope="module")
def phone(browser: Browser, base_url: str, lang: str) -> Iterator[BrowserContext]:
    """A 360 px phone whose language choice is made once, then remembered by the cookie.

    `bypass_csp` only lets the test inject axe-core; the CSP header itself is tested in tests/web.
    """
    context = browser.new_context(viewport=PHONE, locale=lang, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base_url}/?lang={lang}")
    page.close()
    yield context
    context.close()


def _scan(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    violations: list[dict[str, Any]] = result["violations"]
    return [v for v in violations if v.get("impact") in BLOCKING]


def test_every_page_in_both_languages(phone: BrowserContext, base_url: str, lang: str) -> None:
    """Loads, says its language and direction, fits 360 px, has no console errors and passes axe."""
    page = phone.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    problems: dict[str, Any] = {}
    for name, path in PAGES:
        errors.clear()
        response = page.goto(base_url + path)
        assert response is not None
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path}: {overflow}px of horizontal scroll at 360 px"
        real_errors = [e for e in errors if not (name == "not-found" and "404" in e)]
        assert real_errors == [], f"{path}: {real_errors}"
        blocking = _scan(page)
        if blocking:
            problems[path] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in blocking]
    page.close()
    assert problems == {}, f"serious or critical accessibility violations ({lang}): {problems}"


def test_urdu_is_drawn_with_the_served_nastaliq_font(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="ur")
    page = context.new_page()
    fonts: list[tuple[str, int]] = []
    page.on("response", lambda r: fonts.append((r.url, r.status)) if "/fonts/" in r.url else None)
    page.goto(f"{base_url}/guides/parents?lang=ur")
    page.evaluate("document.fonts.ready")
    assert (f"{base_url}/fonts/nastaliq-regular.ttf", 200) in fonts  # from our own server, no CDN
    assert all(url.startswith(base_url) for url, _ in fonts)
    loaded = page.evaluate(
        """() => [...document.fonts].filter(f => f.family.includes('Hifazat Nastaliq'))
                 .map(f => f.status)"""
    )
    assert "loaded" in loaded
    assert page.evaluate("document.fonts.check('16px \"Hifazat Nastaliq\"', 'حفاظت')")
    # Which fonts Chromium really used for the heading's glyphs: all from the web font, none missing.
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": "main h1"})
    used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    assert used, "no font reported for the heading"
    assert all(font["isCustomFont"] for font in used), used
    assert {font["familyName"] for font in used} == {"Noto Nastaliq Urdu"}
    context.close()


def test_report_form_end_to_end_in_urdu(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="ur")
    page = context.new_page()
    page.goto(f"{base_url}/report?lang=ur")
    page.select_option("#reason", "regulated.scams")
    page.fill("#location", "@jeeto_inaam_official")
    page.fill("#details", "کہتا ہے انعام نکلا ہے، پہلے 2000 روپے فیس بھیجیں")
    page.fill("#contact", "0300-1234567")
    page.press("#contact", "Enter")  # submit with the keyboard
    expect(page.locator("h1")).to_have_text("رپورٹ کرنے کا شکریہ")
    reference = page.locator(".reference strong").inner_text()
    assert re.fullmatch(r"HZ-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
    page.get_by_role("link", name="اس رپورٹ کی صورتِ حال دیکھیں").click()
    expect(page.locator(".confirmation")).to_contain_text("موصول ہو گئی")
    expect(page.locator(".confirmation")).to_contain_text(reference)
    context.close()


def test_form_problems_are_announced_and_linked(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="en")
    page = context.new_page()
    page.goto(f"{base_url}/report?lang=en")
    page.get_by_role("button", name="Send report").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Choose what the problem is.")
    summary.get_by_role("link", name=re.compile("Tell us where you saw it")).click()
    assert page.evaluate("location.hash") == "#location"
    expect(page.locator("#location")).to_have_attribute("aria-invalid", "true")
    context.close()


def test_language_switch_is_remembered(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(f"{base_url}/guides")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    page.locator("a.lang-switch").click()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.url.endswith("/guides?lang=ur")
    page.get_by_role("link", name="ہیلپ لائنز").first.click()  # plain link, no ?lang
    assert page.evaluate("document.documentElement.lang") == "ur"
    context.close()


def test_keyboard_user_can_skip_to_content(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="ur")
    page = context.new_page()
    page.goto(f"{base_url}/?lang=ur")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    context.close()


def test_pages_work_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/guidelines/changes?lang=en")
    page.get_by_role("button", name="Compare").click()
    assert "/guidelines/changes?since=" in page.url
    page.goto(f"{base_url}/report/status?lang=en")
    page.fill("#ref", "HZ-2222-2222")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_role("alert")).to_contain_text("We have no report with the reference HZ-2222-2222.")
    context.close()


def test_the_accessibility_scan_can_fail(browser: Browser) -> None:
    """A control: axe-core must report a known critical problem, or the scans above prove nothing."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>'
    )
    assert "image-alt" in {violation["id"] for violation in _scan(page)}
    context.close()
