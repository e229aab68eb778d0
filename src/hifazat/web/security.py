"""Web security: CSRF tokens, response headers and cookie attributes (rate limits live in the database:
`hifazat.services.rate_limits`).

CSRF uses a signed double submit: a random id lives in an HttpOnly, SameSite=Strict cookie and
every form carries `<issued-at>.<HMAC(secret_key, id, issued-at)>`. A POST is accepted only when
the cookie is present, the signature matches that cookie and the token is fresh.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "hz_csrf"
CSRF_FIELD = "csrf_token"
CSRF_MAX_AGE = 4 * 3600
"""Seconds a form stays valid after it was served."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
"""No scripts at all: every public page works without JavaScript."""
CONSOLE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "default-src 'none'", "default-src 'none'; script-src 'self'"
)
"""The moderator console (paths under /console) may load its own small keyboard-shortcut script."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
API_PREFIXES = ("/v1", "/healthz", "/docs", "/redoc", "/openapi.json")
"""Paths served by the JSON API (FastAPI's own /docs page needs its own scripts)."""


def is_api_path(path: str) -> bool:
    """True for paths the JSON API answers; everything else belongs to the web pages."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in API_PREFIXES)


class CsrfSigner:
    """Issues and checks CSRF tokens bound to the browser's CSRF cookie."""

    def __init__(self, secret_key: str, *, max_age: int = CSRF_MAX_AGE) -> None:
        self._key = hashlib.sha256(("hifazat-csrf|" + secret_key).encode()).digest()
        self._max_age = max_age

    @staticmethod
    def new_cookie_value() -> str:
        """A fresh random id for the CSRF cookie."""
        return secrets.token_urlsafe(32)

    def _mac(self, cookie: str, issued: int) -> str:
        return hmac.new(self._key, f"{cookie}|{issued}".encode(), hashlib.sha256).hexdigest()

    def token(self, cookie: str, *, now: float | None = None) -> str:
        """The token to put in a form served to the browser holding `cookie`."""
        issued = int(now if now is not None else time.time())
        return f"{issued}.{self._mac(cookie, issued)}"

    def valid(self, cookie: str | None, token: str | None, *, now: float | None = None) -> bool:
        """True when `token` was issued by us for `cookie` within the last `max_age` seconds."""
        if not cookie or not token or "." not in token:
            return False
        issued_text, _, mac = token.partition(".")
        if not issued_text.isdigit():
            return False
        issued = int(issued_text)
        moment = now if now is not None else time.time()
        if issued > moment + 60 or moment - issued > self._max_age:
            return False
        return hmac.compare_digest(mac, self._mac(cookie, issued))


def cookie_is_secure(request: Request) -> bool:
    """Send cookies with `Secure` whenever the page was served over HTTPS."""
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


class SecurityHeaders:
    """Middleware: the CSP and hardening headers on every web page; caching rules for HTML.

    Plain ASGI: it only edits the response's start message, so API requests (which it leaves alone)
    pay nothing for it — Starlette's `@app.middleware("http")` would wrap each of them in extra tasks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or is_api_path(path):
            await self.app(scope, receive, send)
            return
        console = path == "/console" or path.startswith("/console/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if headers.get("content-type", "").startswith(("text/html", "image/svg")):
                    headers["Content-Security-Policy"] = (
                        CONSOLE_CONTENT_SECURITY_POLICY if console else CONTENT_SECURITY_POLICY
                    )
                    headers.setdefault("Cache-Control", "private, no-cache")
                    headers["Vary"] = "Cookie, Accept-Language"
            await send(message)

        await self.app(scope, receive, send_with_headers)
