"""Who is signed in to the web pages: the session cookie, and FastAPI dependencies over it.

    from hifazat.web.sessions import OptionalAccount, require_account

    @router.get("/ambassadors/me")
    def mine(page: PageDep, account: Annotated[Account, Depends(require_account("ambassador"))]): ...

`require_account(*roles)` sends a browser that is not signed in to `/console/sign-in?next=<this page>`
(303) and shows a "not for your account" page (403) to an account of another role; with no roles any
signed-in account passes. `OptionalAccount` is the account or None. The cookie holds a random token;
the database holds only its hash (`hifazat.services.sign_in`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from starlette.responses import RedirectResponse, Response

from hifazat.services.rate_limits import SharedRateLimiter
from hifazat.services.sign_in import SignedIn, session_for
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import WebSession, WebSessionStore
from hifazat.web.rendering import Page
from hifazat.web.security import cookie_is_secure

SESSION_COOKIE = "hz_session"
SIGN_IN_PATH = "/console/sign-in"
DEFAULT_NEXT = "/console"
ADDRESS_ATTEMPTS = (30, 600.0)
"""Sign-in attempts per client address: 30 in 10 minutes (many people share one mobile-network address)."""
HANDLE_ATTEMPTS = (8, 900.0)
"""Sign-in attempts per handle: 8 in 15 minutes, whatever address they come from."""


@dataclass(frozen=True)
class SignInGuard:
    """The rate limits on the sign-in form, counted in the database: every worker and host sees every
    attempt, so running more workers does not multiply the attempts an attacker gets."""

    by_address: SharedRateLimiter
    by_handle: SharedRateLimiter


class SignInRequired(Exception):
    """Raised by `require_account` when nobody is signed in; answered with a redirect to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class NotPermitted(Exception):
    """Raised by `require_account` when the signed-in account's role may not open the page (403)."""

    def __init__(self, account: Account) -> None:
        super().__init__(account.role)
        self.account = account


def safe_next(value: str | None, default: str = DEFAULT_NEXT) -> str:
    """`value` when it is a path on this site (`/…`, not `//…`, no scheme, no control characters)."""
    if not value or len(value) > 1000 or not value.startswith("/") or value.startswith(("//", "/\\")):
        return default
    if any(ord(c) < 33 or ord(c) == 127 or c == "\\" for c in value):
        return default
    return value


def sign_in_url(next_path: str) -> str:
    """The sign-in page that comes back to `next_path` afterwards."""
    return f"{SIGN_IN_PATH}?next={quote(safe_next(next_path), safe='/')}"


def web_database(request: Request) -> Database:
    """The app's units of work (shared with the API: one `Database` per app)."""
    state = request.app.state
    found: Database | None = getattr(state, "enforcement_db", None)
    if found is None:
        found = Database(state.runtime.engine)
        state.enforcement_db = found
    return found


def sign_in_guard(request: Request) -> SignInGuard:
    """The sign-in rate limits of this app (made on first use)."""
    state = request.app.state
    found: SignInGuard | None = getattr(state, "web_sign_in_guard", None)
    if found is None:
        runtime = state.runtime
        found = SignInGuard(
            by_address=SharedRateLimiter(
                runtime.sessions,
                scope="sign-in-address",
                limit=ADDRESS_ATTEMPTS[0],
                window_seconds=ADDRESS_ATTEMPTS[1],
                secret=runtime.settings.secret_key,
            ),
            by_handle=SharedRateLimiter(
                runtime.sessions,
                scope="sign-in-handle",
                limit=HANDLE_ATTEMPTS[0],
                window_seconds=HANDLE_ATTEMPTS[1],
                secret=runtime.settings.secret_key,
            ),
        )
        state.web_sign_in_guard = found
    return found


def current_session(request: Request) -> WebSession | None:
    """The live session behind the request's cookie (looked up once per request)."""
    if hasattr(request.state, "web_session"):
        cached: WebSession | None = request.state.web_session
        return cached
    token = request.cookies.get(SESSION_COOKIE, "")
    found: WebSession | None = None
    if token:
        with web_database(request).read() as stores:
            found = session_for(sessions=WebSessionStore(stores.session), token=token)
    request.state.web_session = found
    return found


def optional_account(request: Request) -> Account | None:
    """Dependency: the signed-in account, or None."""
    found = current_session(request)
    return None if found is None else found.account


OptionalAccount = Annotated[Account | None, Depends(optional_account)]


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + ("?" + query if query else "")


def require_account(*roles: str) -> Callable[[Request], Account]:
    """A dependency admitting a signed-in account of one of `roles` (any role when none are named)."""

    def check(request: Request) -> Account:
        account = optional_account(request)
        if account is None:
            raise SignInRequired(_here(request) if request.method == "GET" else DEFAULT_NEXT)
        if roles and account.role not in roles:
            raise NotPermitted(account)
        return account

    check.__name__ = "require_" + ("_or_".join(roles) or "account")
    return check


def start_session(request: Request, response: Response, signed: SignedIn) -> None:
    """Put a new session's token in the browser: HttpOnly, SameSite=Strict, Secure over HTTPS."""
    # No Max-Age: the cookie ends with the browser, and the server enforces the session's expiry.
    response.set_cookie(
        SESSION_COOKIE,
        signed.token,
        httponly=True,
        samesite="strict",
        secure=cookie_is_secure(request),
        path="/",
    )


def end_session(request: Request, response: Response) -> None:
    """Remove the session cookie from the browser."""
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=cookie_is_secure(request)
    )


def install_sessions(app: FastAPI) -> None:
    """Answer `SignInRequired` with a redirect to the sign-in page and `NotPermitted` with a 403 page."""

    async def _sign_in(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SignInRequired)
        response = RedirectResponse(sign_in_url(exc.next_path), status_code=303)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def _not_permitted(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotPermitted)
        return Page(request).render("pages/console/not_permitted.html", status=403, account=exc.account)

    app.add_exception_handler(SignInRequired, _sign_in)
    app.add_exception_handler(NotPermitted, _not_permitted)
