"""The moderator console in a real browser (Debian Chromium): every console page in both languages at
360 px (right to left in Urdu, no horizontal scroll, axe-core clean), the moderator flow with the
keyboard alone, and the wellbeing controls."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from console_kit import PASSWORD, database, people, reported_item
from hifazat.web.screenshots import live_server
from safety_centre_app import build_app

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE: ViewportSize = {"width": 360, "height": 740}
BLOCKING = {"serious", "critical"}


@dataclass(frozen=True)
class Site:
    url: str
    tasks: dict[str, int]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app with staff, English items to review, an Urdu item and a zero-tolerance (blurred) item."""
    app = build_app(tmp_path_factory.mktemp("console-browser"))
    db = database(app)
    who = people(db)
    tasks: dict[str, int] = {}
    for n in range(4):
        tasks[f"en{n}"] = reported_item(
            db,
            author=who["author_ur"],
            reporter=who["reporter"],
            content_id=f"en-{n}",
            text=f"you are an idiot number {n}, nobody likes you",
            policy="safety.harassment",
            evidence=("idiot",),
        )
    tasks["ur"] = reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="ur-1",
        text="تم بہت بیوقوف ہو، سب تم پر ہنستے ہیں",
        policy="safety.harassment",
        evidence=("بیوقوف",),
        language="ur",
    )
    tasks["severe"] = reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="ur-threat",
        text="main tumhein dekh lunga, maar dunga",
        policy="safety.threats",
        evidence=("maar dunga",),
        language="ur",
    )
    with live_server(app) as url:
        yield Site(url, tasks)


def sign_in(page: Page, site: Site, handle: str, lang: str) -> None:
    page.goto(f"{site.url}/console/sign-in?lang={lang}")
    page.fill("#handle", handle)
    page.fill("#password", PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_url(f"{site.url}/console")


def _scan(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [v for v in result["violations"] if v.get("impact") in BLOCKING]


@pytest.fixture(params=["en", "ur"])
def lang(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


def _check(page: Page, name: str, lang: str, errors: list[str], problems: dict[str, Any]) -> None:
    assert page.evaluate("document.documentElement.lang") == lang, name
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr"), name
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name}: {overflow}px of horizontal scroll at 360 px"
    assert errors == [], f"{name}: {errors}"
    blocking = _scan(page)
    if blocking:
        problems[name] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in blocking]


def test_console_pages_in_both_languages(browser: Browser, site: Site, lang: str) -> None:
    """Each page loads with the right language and direction, fits 360 px, logs no errors, passes axe.

    `bypass_csp` only lets the test inject axe-core; the CSP header itself is tested in tests/web."""
    problems: dict[str, Any] = {}
    errors: list[str] = []
    for handle, paths in (
        (
            "mod_en",
            [
                ("queues", "/console"),
                ("queue-ur", "/console/queue/ur"),
                ("task", f"/console/tasks/{site.tasks['ur']}"),
                ("severe-task", f"/console/tasks/{site.tasks['severe']}"),
                ("appeals", "/console/appeals"),
                ("history", "/console/accounts/author_ur"),
            ],
        ),
        ("boss", [("audit", "/console/audit")]),
    ):
        context = browser.new_context(viewport=PHONE, locale=lang, bypass_csp=True)
        page = context.new_page()
        errors.clear()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{site.url}/console/sign-in?lang={lang}")
        _check(page, "sign-in", lang, errors, problems)
        sign_in(page, site, handle, lang)
        for name, path in paths:
            errors.clear()
            response = page.goto(site.url + path)
            assert response is not None and response.status == 200, path
            _check(page, name, lang, errors, problems)
        context.close()
    assert problems == {}, f"serious or critical accessibility violations ({lang}): {problems}"


def test_moderator_flow_with_the_keyboard_alone(browser: Browser, site: Site) -> None:
    """Sign in, claim and decide without touching the mouse: Tab, typing, Enter and one-key shortcuts."""
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="en")
    page = context.new_page()
    page.goto(f"{site.url}/console/queue/en")
    assert "/console/sign-in?next=/console/queue/en" in page.url
    expect(page.locator("#handle")).to_be_focused()  # autofocus: start typing at once
    page.keyboard.type("mod_two")
    page.keyboard.press("Tab")
    expect(page.locator("#password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/console/queue/en")
    page.keyboard.press("c")  # claim next
    page.wait_for_url("**/console/tasks/*?done=claimed")
    expect(page.locator(".console-flash--ok")).to_contain_text("The task is yours")
    task_url = page.url.split("?")[0]
    page.keyboard.press("r")  # remove
    page.wait_for_url(f"{task_url}?done=decided")
    expect(page.locator(".console-flash--ok")).to_contain_text("Decision recorded")
    expect(page.locator("#decision-title")).to_be_visible()
    page.keyboard.press("c")  # and straight on to the next task
    page.wait_for_url("**/console/tasks/*?done=claimed")
    assert page.url.split("?")[0] != task_url
    context.close()


def test_typing_a_rationale_never_triggers_a_shortcut(browser: Browser, site: Site) -> None:
    context = browser.new_context(viewport=PHONE, locale="en")
    page = context.new_page()
    sign_in(page, site, "senior", "en")
    page.keyboard.press("c")
    page.wait_for_url("**/console/tasks/*?done=claimed")
    page.keyboard.press("e")  # jumps to the escalation note
    expect(page.locator("#escalate-note")).to_be_focused()
    page.keyboard.type("need a second look at the slang")  # contains r, n, l, v, a: none may decide
    assert "done=claimed" in page.url
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(page.locator("#escalate-note")).not_to_be_focused()
    context.close()


def test_severe_content_is_blurred_until_revealed_and_greyscale_is_remembered(
    browser: Browser, site: Site
) -> None:
    context = browser.new_context(viewport=PHONE, locale="ur")
    page = context.new_page()
    sign_in(page, site, "mod_en", "ur")
    page.goto(f"{site.url}/console/tasks/{site.tasks['severe']}")
    body = page.locator(".sensitive__body")
    assert "blur" in body.evaluate("e => getComputedStyle(e).filter")
    page.locator(".sensitive__toggle").focus()
    page.keyboard.press("Space")  # reveal with the keyboard
    assert body.evaluate("e => getComputedStyle(e).filter") == "none"
    expect(page.locator(".evidence-text mark")).to_have_text("maar dunga")
    page.locator(".console-wellbeing button").click()
    page.wait_for_url(f"{site.url}/console/tasks/{site.tasks['severe']}")
    assert "grayscale" in page.locator("main").evaluate("e => getComputedStyle(e).filter")
    page.goto(f"{site.url}/console")
    assert "grayscale" in page.locator("main").evaluate("e => getComputedStyle(e).filter")
    context.close()


def test_console_works_without_javascript(browser: Browser, site: Site) -> None:
    context = browser.new_context(viewport=PHONE, locale="en", java_script_enabled=False)
    page = context.new_page()
    sign_in(page, site, "mod_two", "en")
    page.get_by_role("button", name="Claim next task").first.click()
    page.wait_for_url("**/console/tasks/*?done=claimed")
    page.fill("#decide-rationale", "not a violation: friendly teasing")
    page.get_by_role("button", name="No violation").click()
    expect(page.locator(".console-flash--ok")).to_contain_text("Decision recorded")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".console-sign-in")).to_contain_text("You have signed out.")
    context.close()


def test_sla_timers_count_down_in_the_open_page(browser: Browser, site: Site) -> None:
    """The time left is drawn by the server and then counted down by console.js, in the page's language."""
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="ur")
    page = context.new_page()
    sign_in(page, site, "mod_en", "ur")
    page.clock.install()  # from here on the page's timers run on a clock the test moves
    page.goto(f"{site.url}/console/queue/en?lang=ur")
    timer = page.locator("[data-sla-left]").first
    drawn = timer.inner_text()
    left = int(timer.get_attribute("data-sla-left") or "0")
    page.clock.run_for(3 * 3600 * 1000)  # three hours later, without reloading
    minutes = abs(left - 3 * 3600) // 60
    hours, rest = divmod(minutes, 60)
    later = timer.inner_text()
    assert later != drawn
    assert f"{hours}" in later and f"{rest}" in later
    overdue = left - 3 * 3600 < 0
    assert ("sla--overdue" in (timer.get_attribute("class") or "")) == overdue
    template = timer.get_attribute("data-sla-overdue" if overdue else "data-sla-due") or ""
    assert later == template.replace("{h}", str(hours)).replace("{m}", str(rest))
    assert "{h}" not in later and any("\u0600" <= c <= "\u06ff" for c in later)  # Urdu text, filled in
    context.close()
