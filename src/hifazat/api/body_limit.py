"""Refuse request bodies over the configured size before anything reads them.

A plain ASGI middleware: Starlette's `@app.middleware("http")` wraps every request in extra tasks and
streams, which cost more than the check itself on a small request."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from hifazat.api.errors import envelope


class BodyLimit:
    """413 with the JSON error envelope when `Content-Length` declares more than `limit` bytes."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = _content_length(scope)
            if declared is not None and declared > self.limit:
                await _too_large(send, declared, self.limit)
                return
        await self.app(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


async def _too_large(send: Send, declared: int, limit: int) -> None:
    body = json.dumps(
        envelope(
            "too_large",
            f"request body is {declared} bytes; the limit is {limit} bytes",
            message_ur=f"درخواست کا حجم {declared} بائٹ ہے جبکہ حد {limit} بائٹ ہے۔ اسے چھوٹا کر کے دوبارہ بھیجیں۔",
        )
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
