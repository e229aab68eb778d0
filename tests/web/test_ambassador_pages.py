"""The Safety Ambassadors pages in English and Urdu: public pages with hostile input escaped, applying
through the web (sign-in, CSRF, bad input in Urdu, rate limit), the dashboard, the admin page deciding an
application, and the library counting views."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ambassador_kit import draft, track_record
from console_kit import database, sign_in, token_from, with_password
from hifazat.core.guidelines import default_catalogue
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
from hifazat.storage.unit import Database
from safety_centre_app import build_app

HOSTILE = '<script>alert("x")</script>'
URDU_BIO = "میں بچوں کو آن لائن حفاظت سکھاتی ہوں"


def _seed(db: Database) -> None:
    admin = with_password(db, "boss", "admin")
    amb = with_password(db, "amb", "user", "ur")
    with db.write() as stores:
        stores.accounts  # noqa: B018  (the accounts exist; display names are set below)
        application = apply(stores=stores, applicant=amb, draft=draft())
        decide(stores=stores, reviewer=admin, application_id=application.id, approve=True)
        edit_profile(stores=stores, ambassador=stores.accounts.get("amb"), bio_en=HOSTILE, bio_ur=URDU_BIO)
        save_campaign(
            stores=stores,
            actor=admin,
            draft=CampaignDraft(
                "safer",
                "Safer " + HOSTILE,
                "محفوظ " + HOSTILE,
                "s",
                "خلاصہ",
                utcnow().date(),
                utcnow().date(),
            ),
        )
        save_material(
            stores=stores,
            actor=admin,
            draft=MaterialDraft(
                "scams",
                "Scams",
                "دھوکا",
                "sum",
                "خلاصہ",
                "parents",
                "ur",
                body=HOSTILE + "\n\nدوسرا پیراگراف",
            ),
        )
        when = utcnow().replace(tzinfo=None) + timedelta(days=3)
        event = EventDraft(
            "Panel " + HOSTILE,
            "پینل",
            "s",
            "خلاصہ",
            when,
            60,
            50,
            city="Karachi",
            venue=HOSTILE,
            campaign="safer",
            speakers=("@amb", HOSTILE),
            materials=("scams",),
        )
        save_event(stores=stores, actor=admin, draft=event)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = build_app(tmp_path_factory.mktemp("ambassadors"))
    _seed(database(app))
    return app


@pytest.fixture
def browser(site: FastAPI) -> Iterator[TestClient]:
    with TestClient(site, raise_server_exceptions=False) as client:
        yield client


PAGES = [
    "/ambassadors",
    "/ambassadors/people/amb",
    "/ambassadors/recognition",
    "/ambassadors/events",
    "/ambassadors/events/1",
    "/ambassadors/campaigns/safer",
    "/ambassadors/library",
    "/ambassadors/library/scams",
    "/ambassadors/apply",
]


@pytest.mark.parametrize("lang", ["en", "ur"])
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_in_both_languages_escape_hostile_input(
    browser: TestClient, path: str, lang: str
) -> None:
    response = browser.get(path, params={"lang": lang})
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ur" else "ltr"}">' in html
    assert "<script" not in html  # hostile text is escaped, and no page has scripts of its own
    assert ("سیفٹی ایمبیسیڈر پروگرام" in html) == (lang == "ur")  # the programme menu in the page's language
    assert 'href="/static/ambassadors.css"' in html


def test_hostile_text_is_shown_escaped(browser: TestClient) -> None:
    html = browser.get("/ambassadors/events/1", params={"lang": "en"}).text
    assert "Panel &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    profile = browser.get("/ambassadors/people/amb", params={"lang": "ur"}).text
    assert URDU_BIO in profile and "ابھی فیصلے کافی نہیں" in profile  # Urdu bio; not enough decisions yet


def test_event_is_shown_in_pakistan_time(browser: TestClient) -> None:
    assert "(Pakistan time)" in browser.get("/ambassadors/events/1", params={"lang": "en"}).text
    assert "(پاکستانی وقت)" in browser.get("/ambassadors/events/1", params={"lang": "ur"}).text


def test_unknown_things_are_404(browser: TestClient) -> None:
    for path in (
        "/ambassadors/people/boss",
        "/ambassadors/events/99",
        "/ambassadors/library/none",
        "/ambassadors/campaigns/none",
    ):
        assert browser.get(path).status_code == 404, path


def test_signed_in_pages_need_the_right_account(browser: TestClient) -> None:
    for path in ("/ambassadors/me", "/ambassadors/application", "/ambassadors/admin"):
        response = browser.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith(
            "/console/sign-in?next="
        )
    with_password(database(browser.app), "plain_user")  # type: ignore[arg-type]
    assert sign_in(browser, "plain_user").status_code == 303
    assert browser.get("/ambassadors/me").status_code == 403
    assert browser.get("/ambassadors/admin").status_code == 403


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    app = build_app(tmp_path)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _form(client: TestClient, path: str, lang: str = "en") -> str:
    return token_from(client.get(path, params={"lang": lang}).text)


def test_applying_through_the_web(fresh: TestClient) -> None:
    db = database(fresh.app)  # type: ignore[arg-type]
    with_password(db, "hira", "user", "ur")
    with_password(db, "boss", "admin")
    sign_in(fresh, "hira")
    token = _form(fresh, "/ambassadors/apply", "ur")
    good = {
        "csrf_token": token,
        "motivation": "میں اسکول کے بچوں کو سکھانا چاہتی ہوں کہ آن لائن دھوکے سے کیسے بچیں اور بدتمیزی کی رپورٹ کیسے کریں۔",
        "languages": ["ur", "pa"],
        "followers_tiktok": "12,500",
        "region": "punjab",
        "agrees_to_code": "yes",
    }
    forged = fresh.post("/ambassadors/apply", data=dict(good, csrf_token="1.forged"), follow_redirects=False)
    assert forged.status_code == 403
    bad = fresh.post("/ambassadors/apply", data=dict(good, motivation="کم", region="", agrees_to_code=""))
    assert bad.status_code == 422
    assert "کم از کم 50 حروف" in bad.text and "اپنا علاقہ منتخب کریں۔" in bad.text
    assert "ضابطۂ اخلاق سے اتفاق ضروری ہے" in bad.text
    hidden = fresh.post("/ambassadors/apply", data=dict(good, motivation=good["motivation"] + "\u202e<b>"))
    assert hidden.status_code == 422 and "قبول نہیں کیے جا سکتے" in hidden.text  # an RTL override is refused
    assert "&lt;b&gt;" in hidden.text and "<b>" not in hidden.text  # and what was typed comes back escaped
    sent = fresh.post("/ambassadors/apply", data=good, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == "/ambassadors/application"
    status = fresh.get("/ambassadors/application", params={"lang": "ur"}).text
    assert "فیصلے کی منتظر" in status
    with db.read() as stores:
        application = stores.ambassadors.latest_application("hira")
    assert application is not None and application.reach == 12_500 and application.languages == ("ur", "pa")
    # the admin approves it on the admin page
    fresh.cookies.clear()
    sign_in(fresh, "boss")
    admin_page = fresh.get("/ambassadors/admin").text
    assert "hira" in admin_page
    decided = fresh.post(
        f"/ambassadors/admin/applications/{application.id}",
        data={"csrf_token": token_from(admin_page), "decision": "approve", "reason": ""},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    with db.read() as stores:
        assert stores.accounts.get("hira").role == "ambassador"
    # and the new ambassador sees the dashboard
    fresh.cookies.clear()
    sign_in(fresh, "hira")
    board = fresh.get("/ambassadors/me", params={"lang": "ur"})
    assert board.status_code == 200 and "آپ کی نشاندہی کی درستی" in board.text


def test_declining_without_a_reason_is_shown_not_saved(fresh: TestClient) -> None:
    db = database(fresh.app)  # type: ignore[arg-type]
    person = with_password(db, "hira")
    with_password(db, "senior", "senior_moderator")
    with db.write() as stores:
        application = apply(stores=stores, applicant=person, draft=draft())
    sign_in(fresh, "senior")
    page = fresh.get("/ambassadors/admin").text
    assert "New campaign" not in page  # senior moderators decide applications; only admins edit the programme
    refused = fresh.post(
        f"/ambassadors/admin/applications/{application.id}",
        data={"csrf_token": token_from(page), "decision": "decline", "reason": ""},
    )
    assert refused.status_code == 422 and "That change was not saved" in refused.text


def test_the_application_form_is_rate_limited(fresh: TestClient) -> None:
    with_password(database(fresh.app), "hira")  # type: ignore[arg-type]
    sign_in(fresh, "hira")
    token = _form(fresh, "/ambassadors/apply")
    codes = [fresh.post("/ambassadors/apply", data={"csrf_token": token}).status_code for _ in range(6)]
    assert codes == [422] * 5 + [429]


def test_material_views_are_counted_once_per_visitor(fresh: TestClient) -> None:
    db = database(fresh.app)  # type: ignore[arg-type]
    admin = with_password(db, "boss", "admin")
    with db.write() as stores:
        save_material(
            stores=stores,
            actor=admin,
            draft=MaterialDraft(
                "lesson-one", "M", "م", "s", "خ", "teens", "en", link="https://example.org/lesson-one"
            ),
        )
    for agent in ("phone-a", "phone-a", "phone-b"):
        assert fresh.get("/ambassadors/library/lesson-one", headers={"user-agent": agent}).status_code == 200
    sign_in(fresh, "boss")
    assert "Reach: 2 visitors" in fresh.get("/ambassadors/library", params={"lang": "en"}).text


def test_dashboard_shows_flags_with_outcomes_in_urdu(fresh: TestClient) -> None:
    db = database(fresh.app)  # type: ignore[arg-type]
    admin = with_password(db, "boss", "admin")
    moderator = with_password(db, "mod", "moderator")
    with_password(db, "hira", "user", "ur")
    with db.write() as stores:
        application = apply(stores=stores, applicant=stores.accounts.get("hira"), draft=draft())
        decide(stores=stores, reviewer=admin, application_id=application.id, approve=True)
        hira = stores.accounts.get("hira")
    track_record(db, default_catalogue(), hira, moderator, ["remove", "no_violation"])
    sign_in(fresh, "hira")
    html = fresh.get("/ambassadors/me", params={"lang": "ur"}).text
    assert default_catalogue().policies["safety.harassment"].title.get("ur") in html
    assert "درست: کارروائی کی گئی" in html and "درست نہیں: کوئی خلاف ورزی نہیں ملی" in html
    assert "ابھی فیصلے کافی نہیں (درکار 5 فیصلہ شدہ نشاندہیوں میں سے 2)" in html


def test_admin_edits_an_event_and_sees_problems(fresh: TestClient) -> None:
    db = database(fresh.app)  # type: ignore[arg-type]
    _seed(db)
    with_password(db, "senior", "senior_moderator")
    sign_in(fresh, "senior")
    assert fresh.get("/ambassadors/admin/events/1").status_code == 403  # only admins edit the programme
    fresh.cookies.clear()
    sign_in(fresh, "boss")
    form = fresh.get("/ambassadors/admin/events/1", params={"lang": "ur"})
    assert form.status_code == 200 and "تقریب میں ترمیم کریں" in form.text
    assert 'value="@amb, &lt;script&gt;' in form.text  # speakers come back as @handles and escaped names
    fields = {
        "csrf_token": token_from(form.text),
        "title_en": "Panel, edited",
        "title_ur": "پینل",
        "summary_en": "s",
        "summary_ur": "خلاصہ",
        "starts_at": "2030-03-01T18:30",
        "minutes": "5",
        "capacity": "50",
        "city": "Lahore",
        "venue": "Alhamra",
        "campaign": "safer",
        "speakers": "@amb",
        "materials": "scams",
    }
    refused = fresh.post("/ambassadors/admin/events/1", data=fields)
    assert (
        refused.status_code == 422
        and "15 minutes" in refused.text
        and 'value="Panel, edited"' in refused.text
    )
    saved = fresh.post("/ambassadors/admin/events/1", data=dict(fields, minutes="60"), follow_redirects=False)
    assert saved.status_code == 303
    with db.read() as stores:
        event = stores.programme.event(1)
    assert (
        event.title_en == "Panel, edited" and event.city == "Lahore" and event.starts_at.hour == 13
    )  # 18:30 PKT
    assert fresh.get("/ambassadors/admin/events/99").status_code == 404
    assert fresh.get("/ambassadors/admin/campaigns/safer").status_code == 200
    assert fresh.get("/ambassadors/admin/materials/scams").status_code == 200
