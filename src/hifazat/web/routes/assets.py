"""The self-hosted Nastaliq font (see `hifazat.web.fonts`)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import FileResponse

from hifazat.web.rendering import web_state

router = APIRouter(include_in_schema=False)


@router.get("/fonts/{name}")
def font(name: str, request: Request) -> FileResponse:
    """A font file served from the package or the system font folder; 404 when not installed."""
    path = web_state(request).fonts.path(name)
    if path is None:
        raise HTTPException(404)
    return FileResponse(
        path,
        media_type="font/ttf",
        headers={"Cache-Control": "public, max-age=604800"},
    )
