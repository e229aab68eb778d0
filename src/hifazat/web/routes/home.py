"""Home page and the safety updates (the article system's public side, with Atom feeds)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.responses import HTMLResponse, Response

from hifazat.services.safety_centre import published_article, published_articles
from hifazat.web.content import guides, render_markdown
from hifazat.web.feeds import atom_feed
from hifazat.web.i18n import parse_lang, translations
from hifazat.web.rendering import PageDep

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(page: PageDep) -> HTMLResponse:
    """Latest safety updates, the guides and the quick ways to get help."""
    updates = published_articles(page.state.sessions, limit=3)
    return page.render("pages/home.html", updates=updates, guides=guides())


@router.get("/updates", response_class=HTMLResponse)
def updates(page: PageDep) -> HTMLResponse:
    """Every published safety update, newest first."""
    articles = published_articles(page.state.sessions, limit=100)
    return page.render("pages/updates.html", articles=articles)


@router.get("/updates/feed/{name}", response_class=Response)
def feed(name: str, page: PageDep) -> Response:
    """Atom feed of the updates in one language: `/updates/feed/en.atom`, `/updates/feed/ur.atom`."""
    lang = parse_lang(name.removesuffix(".atom")) if name.endswith(".atom") else None
    if lang is None:
        raise HTTPException(404)
    base = str(page.request.base_url).rstrip("/")
    gettext = translations(lang).gettext
    body = atom_feed(
        published_articles(page.state.sessions, limit=50),
        lang=lang,
        base_url=base,
        title=gettext("Hifazat Safety Centre: safety updates"),
        subtitle=gettext("News and advice to help you stay safe online."),
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/updates/{slug}", response_class=HTMLResponse)
def update(slug: str, page: PageDep) -> HTMLResponse:
    """One published safety update."""
    article = published_article(page.state.sessions, slug=slug)
    body = render_markdown(article.text.body(page.lang))
    return page.render("pages/update.html", article=article, body=body)
