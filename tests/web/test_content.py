"""The written content: every guide complete in both languages, links that work, Markdown made safe."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hifazat.web.content import guides, packaged_updates, render_markdown

REQUIRED_GUIDES = {"new-users", "parents", "privacy", "scams", "misinformation", "bullying", "wellbeing"}
ARABIC_LETTERS = re.compile("[يكه]")
LINK = re.compile(r'href="(/[^"#?]*)')


def test_every_required_guide_exists_in_both_languages() -> None:
    assert {guide.slug for guide in guides()} == REQUIRED_GUIDES
    for guide in guides():
        en, ur = guide.page("en"), guide.page("ur")
        assert len(en.body.headings) == len(ur.body.headings) >= 5, guide.slug  # same sections
        assert len(str(en.body.html).split()) > 600, guide.slug  # written in full
        assert len(str(ur.body.html).split()) > 600, guide.slug


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_internal_links_in_content_lead_somewhere(client: TestClient, lang: str) -> None:
    targets: set[str] = set()
    for guide in guides():
        targets |= set(LINK.findall(str(guide.page(lang).body.html)))
    for update in packaged_updates():
        targets |= set(LINK.findall(str(render_markdown(update.text.body(lang)).html)))
    assert "/guides/scams" in targets
    for path in sorted(targets):
        assert client.get(path).status_code == 200, path


def test_urdu_content_uses_urdu_letters() -> None:
    for guide in guides():
        page = guide.page("ur")
        for text in (page.title, page.summary, str(page.body.html)):
            assert not ARABIC_LETTERS.search(text), guide.slug


def test_family_pairing_is_explained_step_by_step() -> None:
    parents = next(guide for guide in guides() if guide.slug == "parents")
    for lang, heading in (("en", "Family Pairing, step by step"), ("ur", "فیملی پیئرنگ، قدم بہ قدم")):
        html = str(parents.page(lang).body.html)
        assert heading in html
        assert html.count("<li>") >= 15


def test_scams_guide_covers_the_pakistani_patterns() -> None:
    scams = next(guide for guide in guides() if guide.slug == "scams")
    html = str(scams.page("en").body.html)
    for marker in ("8171", "PIN chor", "PTA", "WhatsApp", "ep.gov.pk", "SECP"):
        assert marker in html


@pytest.mark.parametrize(
    ("markdown", "forbidden", "expected"),
    [
        ("<script>alert(1)</script>", "<script>", "&lt;script&gt;"),  # raw HTML is escaped
        ("[x](javascript:alert(1))", 'href="javascript', "[x](javascript:alert(1))"),  # unsafe scheme refused
        ("<img src=x onerror=alert(1)>", "<img", "&lt;img"),  # no raw images
        ("[site](https://example.pk)", "", 'rel="noopener noreferrer"'),  # external links get rel
    ],
)
def test_markdown_is_made_safe(markdown: str, forbidden: str, expected: str) -> None:
    html = str(render_markdown(markdown).html)
    if forbidden:
        assert forbidden not in html
    assert expected in html
