"""Atom feeds per language, and bar-chart geometry mirrored for right-to-left."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from hifazat.web.charts import WIDTH, bar_chart

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Welcome to the Safety Centre"), ("ur", "سیفٹی سینٹر میں خوش آمدید")]
)
def test_atom_feed_per_language(client: TestClient, lang: str, title: str) -> None:
    response = client.get(f"/updates/feed/{lang}.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 3
    titles = [entry.findtext(f"{ATOM}title") or "" for entry in entries]
    assert any(t.startswith(title) for t in titles)
    for entry in entries:
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated")
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.get("type") == "html" and "<p>" in (content.text or "")


def test_unknown_feed_is_404(client: TestClient) -> None:
    assert client.get("/updates/feed/fr.atom").status_code == 404
    assert client.get("/updates/feed/en.rss").status_code == 404


def test_bars_grow_from_the_reading_start() -> None:
    items = [("Scams", 10), ("Harassment", 5)]
    ltr = bar_chart("c", "Chart", items, rtl=False)
    rtl = bar_chart("c", "Chart", items, rtl=True)
    assert ltr.bars[0].bar_x == 0 and ltr.bars[0].label_x == 0
    assert rtl.bars[0].bar_x + rtl.bars[0].bar_width == WIDTH and rtl.bars[0].label_x == WIDTH
    assert ltr.bars[1].bar_width == pytest.approx(ltr.bars[0].bar_width / 2)
    assert rtl.bars[1].value_x < rtl.bars[1].bar_x  # the number sits past the end of the bar
    assert ltr.bars[1].value_x > ltr.bars[1].bar_width


def test_empty_chart() -> None:
    chart = bar_chart("c", "Chart", [], rtl=True)
    assert chart.empty and chart.height >= 1


def test_transparency_empty_state(client: TestClient) -> None:
    html = client.get("/transparency", params={"lang": "ur", "quarter": "2026Q1"}).text
    assert "اس سہ ماہی میں نہ کوئی مواد ہٹایا گیا" in html
    assert 'href="/transparency.csv?quarter=2026Q1"' in html
