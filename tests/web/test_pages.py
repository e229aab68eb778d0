"""Every public page, in English and Urdu: status, lang/dir, translated text, language switch, CSP."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hifazat.web.screenshots import public_pages

PAGES = public_pages()
NOT_FOUND = {"not-found"}

# (lang, text that must appear, text that must not) — the navigation in each language
NAV_TEXT = {
    "en": (["Guides", "Community Guidelines", "Helplines", "Transparency"], ["رہنما", "شفافیت"]),
    "ur": (["رہنما", "کمیونٹی گائیڈ لائنز", "ہیلپ لائنز", "شفافیت"], [">Guides<", ">Transparency<"]),
}


@pytest.mark.parametrize("lang", ["en", "ur"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_renders_in_each_language(client: TestClient, name: str, path: str, lang: str) -> None:
    response = client.get(path, params={"lang": lang})
    assert response.status_code == (404 if name in NOT_FOUND else 200)
    html = response.text
    direction = "rtl" if lang == "ur" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    present, absent = NAV_TEXT[lang]
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html
    other = "en" if lang == "ur" else "ur"
    assert f'hreflang="{other}"' in html and f"lang={other}" in html  # the language switch
    assert "script-src" not in html and "<script" not in html  # no JavaScript anywhere
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("headers", "cookies", "query", "expected"),
    [
        ({}, {}, "", "en"),  # nothing said: the default locale
        ({"accept-language": "ur-PK,ur;q=0.9,en;q=0.5"}, {}, "", "ur"),  # the browser prefers Urdu
        ({"accept-language": "en;q=0.4, ur;q=0.8"}, {}, "", "ur"),  # q-values decide, not order
        ({"accept-language": "fr, de"}, {}, "", "en"),  # nothing supported: default
        ({"accept-language": "ur"}, {"hz_lang": "en"}, "", "en"),  # the remembered choice beats the browser
        ({}, {"hz_lang": "ur"}, "?lang=en", "en"),  # ?lang beats the cookie
        ({}, {}, "?lang=<script>", "en"),  # nonsense is ignored
    ],
)
def test_language_is_chosen_in_order(
    client: TestClient, headers: dict[str, str], cookies: dict[str, str], query: str, expected: str
) -> None:
    client.cookies.clear()
    for key, value in cookies.items():
        client.cookies.set(key, value)
    html = client.get("/" + query, headers=headers).text
    assert f'<html lang="{expected}"' in html


def test_choosing_a_language_is_remembered(client: TestClient) -> None:
    first = client.get("/guides", params={"lang": "ur"})
    cookie = first.headers["set-cookie"]
    assert "hz_lang=ur" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    again = client.get("/resources")  # no ?lang: the cookie decides
    assert '<html lang="ur" dir="rtl">' in again.text
    assert "set-cookie" not in again.headers  # nothing new to remember


def test_language_switch_keeps_the_page(client: TestClient) -> None:
    html = client.get("/guides/parents", params={"lang": "en"}).text
    assert 'href="/guides/parents?lang=ur"' in html
    assert re.search(r'<a class="lang-switch"[^>]*lang="ur">اردو</a>', html)


def test_guide_has_a_table_of_contents(client: TestClient) -> None:
    html = client.get("/guides/parents", params={"lang": "ur"}).text
    assert "فیملی پیئرنگ، قدم بہ قدم" in html
    assert 'href="#section-2"' in html and 'id="section-2"' in html


def test_guidelines_are_rendered_from_the_catalogue(client: TestClient) -> None:
    from hifazat.core.guidelines import default_catalogue

    catalogue = default_catalogue()
    policy = catalogue.policies["safety.threats"]
    html = client.get("/guidelines/safety", params={"lang": "ur"}).text
    assert policy.title.ur in html and policy.summary.ur in html
    assert 'href="/report?reason=safety.threats"' in html
    assert "PECA 2016 s.24" in html  # the law reference
    overview = client.get("/guidelines", params={"lang": "en"}).text
    for area in catalogue.areas.values():
        assert area.title.en.replace("&", "&amp;") in overview


def test_guideline_changes_page_compares_releases(client: TestClient) -> None:
    from hifazat.core.guidelines import packaged_versions

    versions = packaged_versions()
    html = client.get("/guidelines/changes", params={"lang": "en"}).text
    assert "Release notes" in html
    for version in versions:
        assert f'<option value="{version}"' in html
    if len(versions) == 1:
        assert "only one release so far" in html
    bogus = client.get("/guidelines/changes", params={"since": "1999.9", "until": "<b>"})
    assert bogus.status_code == 200 and "<b>" not in bogus.text


def test_resources_show_only_confirmed_numbers(client: TestClient) -> None:
    html = client.get("/resources", params={"lang": "en"}).text
    assert "0800-39393" in html  # DRF: confirmed by several sources
    assert 'href="tel:080039393"' in html
    assert "1799" not in html  # NCCIA: one secondary source only, so not published yet
    assert "0311-7786264" not in html  # Umang: conflicting sources
    assert "still confirming the numbers" in html  # mental-health group explains why it is empty
    assert "Last checked" in html and "https://www.dawn.com/news/1299175" in html


def test_home_lists_the_latest_updates(client: TestClient) -> None:
    html = client.get("/", params={"lang": "ur"}).text
    assert "تازہ ترین حفاظتی اپ ڈیٹس" in html
    assert 'href="/updates/safety-centre-launch"' in html


def test_unknown_update_and_guide_are_localised_404s(client: TestClient) -> None:
    for path in ("/updates/no-such-thing", "/guides/no-such-guide", "/guidelines/no-area"):
        response = client.get(path, params={"lang": "ur"})
        assert response.status_code == 404
        assert "یہ صفحہ نہیں مل سکا" in response.text


def test_api_errors_stay_json(client: TestClient) -> None:
    response = client.get("/v1/definitely-not-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "content-security-policy" not in response.headers


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_guidelines_never_show_an_unconfirmed_number(client: TestClient, lang: str) -> None:
    from hifazat.core.guidelines import default_catalogue
    from hifazat.core.resources import default_directory

    unconfirmed = {
        contact.value for entry in default_directory().needing_verification() for contact in entry.contacts
    }
    for area_id in default_catalogue().areas:
        html = client.get(f"/guidelines/{area_id}", params={"lang": lang}).text
        assert [number for number in unconfirmed if number in html] == [], area_id
    health = client.get("/guidelines/health", params={"lang": "en"}).text
    assert "1122" in health  # the confirmed emergency line is still shown with the support message
