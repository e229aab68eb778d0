"""A signed-in person's side of the programme: applying (CSRF protected, rate limited), the application's
status, and an ambassador's dashboard (flags, accuracy, reach), profile and stepping down."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.errors import HifazatError
from hifazat.services import ambassador_profiles as profiles
from hifazat.services import ambassador_programme as programme
from hifazat.services import ambassadors as applying
from hifazat.storage.accounts import Account
from hifazat.storage.ambassadors import Platform
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.routes.ambassador_common import application_limiter, client_address, helpers
from hifazat.web.security import CSRF_FIELD
from hifazat.web.sessions import OptionalAccount, require_account, sign_in_url, web_database

router = APIRouter(include_in_schema=False)

SignedIn = Annotated[Account, Depends(require_account())]
Ambassador = Annotated[Account, Depends(require_account("ambassador"))]

PROBLEMS = {
    ("motivation", "too_short"): N_("Tell us a little more: at least 50 characters."),
    ("motivation", "too_long"): N_("Please keep this under 2,000 characters."),
    ("motivation", "control_characters"): N_(
        "This contains characters we cannot accept. Please type it again."
    ),
    ("languages", "required"): N_("Choose at least one language you can teach in."),
    ("languages", "unknown"): N_("Choose languages from the list."),
    ("platforms", "required"): N_("Tell us at least one platform where people follow you."),
    ("platforms", "unknown"): N_("Choose platforms from the list."),
    ("platforms", "bad_followers"): N_("Follower numbers must be whole numbers, 0 or more."),
    ("region", "unknown"): N_("Choose your region."),
    ("agrees_to_code", "required"): N_("You must agree to the code of conduct to apply."),
}
FOLLOWERS_FIELD = "followers_"


def _values(form: FormData) -> dict[str, Any]:
    return {
        "motivation": str(form.get("motivation", "")),
        "languages": [str(v) for v in form.getlist("languages")],
        "region": str(form.get("region", "")),
        "followers": {
            name: str(form.get(FOLLOWERS_FIELD + name, "")).strip() for name in applying.PLATFORM_CHOICES
        },
        "agrees_to_code": form.get("agrees_to_code") == "yes",
    }


def _draft(values: dict[str, Any]) -> applying.ApplicationDraft:
    platforms = []
    for name, raw in values["followers"].items():
        if raw:
            digits = raw.replace(",", "").replace("،", "")
            platforms.append(Platform(name, int(digits) if digits.isdigit() else -1))
    return applying.ApplicationDraft(
        motivation=values["motivation"],
        languages=tuple(values["languages"]),
        platforms=tuple(platforms),
        region=values["region"],
        agrees_to_code=values["agrees_to_code"],
    )


def _apply_page(
    page: Page, me: Account | None, *, values: dict[str, Any], errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    standing = None
    if me is not None:
        with web_database(page.request).read() as stores:
            standing = applying.status_of(stores=stores, account=me)
    return page.render(
        "pages/ambassadors/apply.html",
        status=status,
        me=me,
        standing=standing,
        values=values,
        errors=errors,
        languages=applying.LANGUAGE_CHOICES,
        regions=applying.REGION_CHOICES,
        platforms=applying.PLATFORM_CHOICES,
        sign_in=sign_in_url("/ambassadors/apply"),
        csrf_field=CSRF_FIELD,
        **helpers(page),
    )


EMPTY: dict[str, Any] = {
    "motivation": "",
    "languages": [],
    "region": "",
    "followers": {},
    "agrees_to_code": False,
}


@router.get("/ambassadors/apply", response_class=HTMLResponse)
def apply_form(page: PageDep, me: OptionalAccount) -> HTMLResponse:
    """The application form (signed in), or how to sign in first."""
    return _apply_page(page, me, values=EMPTY, errors={})


@router.post("/ambassadors/apply", response_class=HTMLResponse)
async def apply_submit(request: Request, page: PageDep, me: SignedIn) -> Response:
    """Check the token and the rate limit, then file the application or show what to fix."""
    wait = application_limiter(request).hit(client_address(request))
    if wait is not None:
        return error_page(request, 429, headers={"Retry-After": str(int(wait) + 1)})
    form = await request.form(max_files=0, max_fields=30)
    if not page.csrf_ok(str(form.get(CSRF_FIELD, ""))):
        return error_page(request, 403)
    values = _values(form)
    draft = _draft(values)
    problems = applying.check_application(draft)
    if problems:
        errors = {p.field: page.gettext(PROBLEMS[(p.field, p.code)]) for p in problems}
        return _apply_page(page, me, values=values, errors=errors, status=422)
    try:
        with web_database(request).write() as stores:
            applying.apply(stores=stores, applicant=me, draft=draft)
    except HifazatError:
        return _apply_page(page, me, values=values, errors={}, status=409)
    return RedirectResponse("/ambassadors/application", status_code=303)


@router.get("/ambassadors/application", response_class=HTMLResponse)
def application_status(request: Request, page: PageDep, me: SignedIn) -> HTMLResponse:
    """Where your application stands (and the reason, when it was not approved)."""
    with web_database(request).read() as stores:
        standing = applying.status_of(stores=stores, account=me)
    return page.render(
        "pages/ambassadors/application.html", standing=standing, csrf_field=CSRF_FIELD, **helpers(page)
    )


async def _checked_form(request: Request, page: Page) -> FormData | None:
    form = await request.form(max_files=0, max_fields=20)
    return form if page.csrf_ok(str(form.get(CSRF_FIELD, ""))) else None


@router.post("/ambassadors/application/withdraw", response_class=HTMLResponse)
async def withdraw(request: Request, page: PageDep, me: SignedIn) -> Response:
    """Withdraw your pending application."""
    if await _checked_form(request, page) is None:
        return error_page(request, 403)
    with web_database(request).write() as stores:
        applying.withdraw(stores=stores, applicant=me)
    return RedirectResponse("/ambassadors/application", status_code=303)


@router.get("/ambassadors/me", response_class=HTMLResponse)
def my_dashboard(request: Request, page: PageDep, me: Ambassador, saved: str = "") -> HTMLResponse:
    """Your flags with their outcomes, your accuracy, the library's reach and your profile."""
    with web_database(request).read() as stores:
        board = profiles.dashboard(stores=stores, ambassador=me)
        reach = programme.reach(stores=stores, viewer=me)
    return page.render(
        "pages/ambassadors/dashboard.html",
        board=board,
        reach=reach,
        saved=saved == "1",
        error="",
        csrf_field=CSRF_FIELD,
        **helpers(page),
    )


@router.post("/ambassadors/me/profile", response_class=HTMLResponse)
async def save_profile(request: Request, page: PageDep, me: Ambassador) -> Response:
    """Save your bio in English and Urdu."""
    form = await _checked_form(request, page)
    if form is None:
        return error_page(request, 403)
    with web_database(request).write() as stores:
        profiles.edit_profile(
            stores=stores,
            ambassador=me,
            bio_en=str(form.get("bio_en", "")),
            bio_ur=str(form.get("bio_ur", "")),
        )
    return RedirectResponse("/ambassadors/me?saved=1", status_code=303)


@router.post("/ambassadors/me/step-down", response_class=HTMLResponse)
async def step_down(request: Request, page: PageDep, me: Ambassador) -> Response:
    """Leave the programme (asks for a ticked confirmation)."""
    form = await _checked_form(request, page)
    if form is None:
        return error_page(request, 403)
    if form.get("confirm") != "yes":
        return RedirectResponse("/ambassadors/me", status_code=303)
    with web_database(request).write() as stores:
        applying.step_down(stores=stores, ambassador=me)
    return RedirectResponse("/ambassadors/application", status_code=303)
