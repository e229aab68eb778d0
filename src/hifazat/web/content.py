"""The Safety Centre's written content: guides and the packaged safety updates, in en and ur.

Files live in `content/guides/<slug>.<lang>.md` and `content/updates/<slug>.<lang>.md`, each
with a YAML front matter (`title`, `summary`, plus `order` for guides and `published` for
updates). Markdown is rendered with raw HTML switched off, so text can never inject markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

from hifazat.core.errors import Located, ValidationFailedError
from hifazat.services.safety_centre import ArticleText, PackagedArticle
from hifazat.web.i18n import LANGS, Lang

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@dataclass(frozen=True, slots=True)
class Heading:
    """A second-level heading of a rendered page, for its table of contents."""

    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class Rendered:
    """Markdown turned into safe HTML, with its section headings."""

    html: Markup
    headings: tuple[Heading, ...]


def render_markdown(text: str) -> Rendered:
    """Render Markdown to HTML (raw HTML escaped, unsafe link schemes refused); h2s get anchors."""
    md = _markdown()
    tokens = md.parse(text)
    headings: list[Heading] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            anchor = f"section-{len(headings) + 1}"
            token.attrSet("id", anchor)
            inline = tokens[index + 1]
            headings.append(Heading(anchor=anchor, text=inline.content))
        if token.type == "inline" and token.children:
            for child in token.children:
                href = child.attrGet("href") if child.type == "link_open" else None
                if isinstance(href, str) and href.startswith(("http://", "https://")):
                    child.attrSet("rel", "noopener noreferrer")
    html = md.renderer.render(tokens, md.options, {})
    return Rendered(html=Markup(html), headings=tuple(headings))


@dataclass(frozen=True, slots=True)
class GuidePage:
    """One guide in one language."""

    title: str
    summary: str
    body: Rendered


@dataclass(frozen=True, slots=True)
class Guide:
    """A guide with its text in every language."""

    slug: str
    order: int
    updated: date
    pages: dict[str, GuidePage]

    def page(self, lang: str) -> GuidePage:
        """The guide in `lang`."""
        return self.pages[lang]


def _split(source: Traversable | Path, problems: list[Located]) -> tuple[dict[str, Any], str]:
    text = source.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        problems.append(Located(source.name, 1, "missing '---' front matter"))
        return {}, ""
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        problems.append(Located(source.name, 2, f"front matter is not valid YAML: {exc}"))
        return {}, ""
    if not isinstance(meta, dict):
        problems.append(Located(source.name, 2, "front matter must be a mapping"))
        return {}, ""
    for key in ("title", "summary"):
        if not str(meta.get(key, "")).strip():
            problems.append(Located(source.name, 2, f"front matter needs {key!r}"))
    if not match.group(2).strip():
        problems.append(Located(source.name, 4, "the body is empty"))
    return meta, match.group(2)


def _pairs(folder: str) -> dict[str, dict[str, Traversable]]:
    root = resources.files("hifazat.web").joinpath("content", folder)
    found: dict[str, dict[str, Traversable]] = {}
    for entry in root.iterdir():
        name = entry.name
        if not name.endswith(".md"):
            continue
        slug, _, lang = name.removesuffix(".md").rpartition(".")
        found.setdefault(slug, {})[lang] = entry
    return found


def _check_languages(slug: str, files: dict[str, Traversable], problems: list[Located]) -> None:
    for lang in LANGS:
        if lang not in files:
            problems.append(Located(f"{slug}.{lang}.md", 1, f"missing the {lang} text of {slug!r}"))


@cache
def guides() -> tuple[Guide, ...]:
    """Every packaged guide, in reading order. ValidationFailedError lists every problem."""
    problems: list[Located] = []
    loaded: list[Guide] = []
    for slug, files in sorted(_pairs("guides").items()):
        _check_languages(slug, files, problems)
        pages: dict[str, GuidePage] = {}
        meta: dict[str, Any] = {}
        for lang in LANGS:
            if lang not in files:
                continue
            meta_lang, body = _split(files[lang], problems)
            meta = meta or meta_lang
            pages[lang] = GuidePage(
                title=str(meta_lang.get("title", "")),
                summary=str(meta_lang.get("summary", "")),
                body=render_markdown(body),
            )
        if len(pages) == len(LANGS):
            updated = meta.get("updated")
            loaded.append(
                Guide(
                    slug=slug,
                    order=int(meta.get("order", 99)),
                    updated=updated if isinstance(updated, date) else date(2026, 1, 1),
                    pages=pages,
                )
            )
    if problems:
        raise ValidationFailedError("Safety Centre guides have problems", problems)
    return tuple(sorted(loaded, key=lambda guide: (guide.order, guide.slug)))


def guide(slug: str) -> Guide | None:
    """The guide with this slug, or None."""
    return next((found for found in guides() if found.slug == slug), None)


@cache
def packaged_updates() -> tuple[PackagedArticle, ...]:
    """The safety updates shipped with Hifazat, imported into the article system at start-up."""
    problems: list[Located] = []
    articles: list[PackagedArticle] = []
    for slug, files in sorted(_pairs("updates").items()):
        _check_languages(slug, files, problems)
        if any(lang not in files for lang in LANGS):
            continue
        texts: dict[Lang, tuple[dict[str, Any], str]] = {
            lang: _split(files[lang], problems) for lang in LANGS
        }
        published = texts["en"][0].get("published")
        if not isinstance(published, date):
            problems.append(Located(f"{slug}.en.md", 2, "front matter needs 'published: YYYY-MM-DD'"))
            continue
        moment = datetime(published.year, published.month, published.day, 9, 0, tzinfo=UTC)
        text = ArticleText(
            title_en=str(texts["en"][0].get("title", "")),
            title_ur=str(texts["ur"][0].get("title", "")),
            summary_en=str(texts["en"][0].get("summary", "")),
            summary_ur=str(texts["ur"][0].get("summary", "")),
            body_en=texts["en"][1].strip(),
            body_ur=texts["ur"][1].strip(),
        )
        articles.append(PackagedArticle(slug=slug, text=text, published=moment))
    if problems:
        raise ValidationFailedError("packaged safety updates have problems", problems)
    return tuple(articles)


def read_article(en_file: Path, ur_file: Path) -> ArticleText:
    """An editor's article from two Markdown files (front matter: `title`, `summary`), for the CLI."""
    problems: list[Located] = []
    texts: dict[str, tuple[dict[str, Any], str]] = {}
    for lang, path in (("en", en_file), ("ur", ur_file)):
        if not path.is_file():
            problems.append(Located(str(path), 1, f"no such file (the {lang} text)"))
            continue
        texts[lang] = _split(path, problems)
    if problems:
        raise ValidationFailedError("the article files have problems", problems)
    return ArticleText(
        title_en=str(texts["en"][0]["title"]),
        title_ur=str(texts["ur"][0]["title"]),
        summary_en=str(texts["en"][0]["summary"]),
        summary_ur=str(texts["ur"][0]["summary"]),
        body_en=texts["en"][1].strip(),
        body_ur=texts["ur"][1].strip(),
    )
