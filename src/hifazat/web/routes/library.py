"""The guides: new users, parents (Family Pairing), privacy, scams, misinformation, bullying, wellbeing."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.responses import HTMLResponse

from hifazat.web.content import guide, guides
from hifazat.web.rendering import PageDep

router = APIRouter(include_in_schema=False)


@router.get("/guides", response_class=HTMLResponse)
def guide_list(page: PageDep) -> HTMLResponse:
    """Every guide, in reading order."""
    return page.render("pages/guides.html", guides=guides())


@router.get("/guides/{slug}", response_class=HTMLResponse)
def guide_page(slug: str, page: PageDep) -> HTMLResponse:
    """One guide in the reader's language, with its table of contents."""
    found = guide(slug)
    if found is None:
        raise HTTPException(404)
    others = [g for g in guides() if g.slug != slug]
    return page.render("pages/guide.html", guide=found, text=found.page(page.lang), others=others)
