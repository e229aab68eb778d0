"""Signing in and out of the web pages (`/console/sign-in`, `/console/sign-out`).

Every account role that signs in to the web uses this page (the console needs a moderator role; the
ambassador pages use the same session). The form is CSRF protected and rate limited per client address
and per handle; a wrong handle and a wrong password get the same answer.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.services.demo import DEMO_PASSWORD
from hifazat.services.sign_in import sign_in, sign_out
from hifazat.storage.web_sessions import PasswordStore, WebSessionStore
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.security import CSRF_FIELD
from hifazat.web.sessions import (
    SESSION_COOKIE,
    SIGN_IN_PATH,
    current_session,
    end_session,
    safe_next,
    sign_in_guard,
    start_session,
    web_database,
)

router = APIRouter(include_in_schema=False)

WRONG = N_(
    "That handle and password do not match an account that can sign in here. Check both and try again."
)
TOO_MANY = N_("Too many sign-in attempts. For your safety, please wait %(minutes)s minutes and try again.")
DEMO_REFUSED = N_(
    "The demo password cannot be used on this server. Ask an administrator for your own password."
)
MISSING = N_("Enter your handle and your password.")


def _form(
    page: Page, *, next_path: str, handle: str = "", problem: str = "", status: int = 200, out: bool = False
) -> HTMLResponse:
    response = page.render(
        "pages/console/sign_in.html",
        status=status,
        next_path=next_path,
        handle=handle,
        problem=problem,
        signed_out=out,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get(SIGN_IN_PATH, response_class=HTMLResponse)
def sign_in_form(request: Request, page: PageDep, next: str = "", out: str = "") -> Response:
    """The form; a browser that is already signed in goes straight on to `next`."""
    target = safe_next(next)
    if current_session(request) is not None and not out:
        return RedirectResponse(target, status_code=303)
    return _form(page, next_path=target, out=out == "1")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(SIGN_IN_PATH, response_class=HTMLResponse)
async def sign_in_submit(request: Request, page: PageDep) -> Response:
    """Check the token and the limits, then the password; on success start a session and go on."""
    guard = sign_in_guard(request)
    form = await request.form(max_files=0, max_fields=10)
    handle = str(form.get("handle", "")).strip().lower()[:64]
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    if not page.csrf_ok(str(form.get(CSRF_FIELD, ""))):
        return error_page(request, 403)
    wait = guard.by_address.hit(_client(request))
    if wait is None and handle:
        wait = guard.by_handle.hit(handle)
    if wait is not None:
        minutes = str(int(wait // 60) + 1)
        response = _form(
            page, next_path=target, handle=handle, problem=page.gettext(TOO_MANY, minutes=minutes), status=429
        )
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    if not handle or not password:
        return _form(page, next_path=target, handle=handle, problem=page.gettext(MISSING), status=422)
    if page.state.settings.environment == "production" and password == DEMO_PASSWORD:
        return _form(page, next_path=target, handle=handle, problem=page.gettext(DEMO_REFUSED), status=403)
    old_token = request.cookies.get(SESSION_COOKIE, "")
    with web_database(request).write() as stores:
        sessions = WebSessionStore(stores.session)
        signed = sign_in(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=sessions,
            handle=handle,
            password=password,
            audit=stores.audit,
        )
        if signed is not None and old_token:
            sign_out(sessions=sessions, token=old_token, audit=stores.audit)
    if signed is None:
        return _form(page, next_path=target, handle=handle, problem=page.gettext(WRONG), status=401)
    onward = RedirectResponse(target, status_code=303)
    start_session(request, onward, signed)
    page.attach_cookies(onward)
    return onward


@router.post("/console/sign-out")
async def sign_out_submit(request: Request, page: PageDep) -> Response:
    """End this browser's session (CSRF protected, so no other site can sign you out)."""
    form = await request.form(max_files=0, max_fields=5)
    if not page.csrf_ok(str(form.get(CSRF_FIELD, ""))):
        return error_page(request, 403)
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        with web_database(request).write() as stores:
            sign_out(sessions=WebSessionStore(stores.session), token=token, audit=stores.audit)
    response = RedirectResponse(f"{SIGN_IN_PATH}?out=1", status_code=303)
    end_session(request, response)
    return response
