"""Atom feeds (RFC 4287) of the published safety updates, one per language."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from hifazat.services.safety_centre import PublishedArticle
from hifazat.web.content import render_markdown
from hifazat.web.i18n import Lang

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(
    articles: list[PublishedArticle], *, lang: Lang, base_url: str, title: str, subtitle: str
) -> bytes:
    """The feed document for `articles` in `lang`; `base_url` is the site root without a slash."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base_url}/updates/feed/{lang}.atom"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = subtitle
    newest = max((a.updated_at for a in articles), default=datetime(2026, 1, 1, tzinfo=UTC))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base_url}/updates/feed/{lang}.atom"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base_url}/updates?lang={lang}"})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Hifazat Safety Centre"
    for article in articles:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        link = f"{base_url}/updates/{article.slug}?lang={lang}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base_url}/updates/{article.slug}#{lang}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = article.text.title(lang)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": link})
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(article.published_at)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(article.updated_at)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = article.text.summary(lang)
        content = ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "html"})
        content.text = str(render_markdown(article.text.body(lang)).html)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document
