"""Localised HTML error pages for the web routes; API paths keep the JSON envelope.

`install_error_pages` wraps the handlers the API already registered: a request under `/v1`,
`/healthz` or `/docs` goes to them, every other request gets a page in the reader's language.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from hifazat.core.errors import HifazatError, InvalidInputError, NotFoundError
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page
from hifazat.web.security import is_api_path

log = logging.getLogger(__name__)
Handler = Callable[[Request, Exception], Awaitable[Response] | Response]

ERRORS: dict[int, tuple[str, str]] = {
    400: (N_("Something is wrong with that request"), N_("Please go back and try again.")),
    403: (
        N_("This form has expired"),
        N_("For your safety, forms stop working after a while. Go back, reload the page and send it again."),
    ),
    404: (
        N_("We could not find that page"),
        N_("The address may be mistyped, or the page may have moved. Try the links below."),
    ),
    405: (N_("That action is not possible here"), N_("Please use the links on the page instead.")),
    413: (N_("That was too much to send"), N_("Please shorten what you wrote and try again.")),
    422: (
        N_("Something in the address is not right"),
        N_("A value in the link could not be understood. Check the address and try again."),
    ),
    429: (
        N_("Please wait a little"),
        N_(
            "You have sent several reports in a short time. Please wait a few minutes before sending another."
        ),
    ),
    500: (
        N_("Something went wrong on our side"),
        N_("We are sorry. Please try again in a few minutes. If you are in danger, call 15 or 1122."),
    ),
}


def error_page(request: Request, status: int, *, headers: dict[str, str] | None = None) -> Response:
    """The localised page for `status` (unknown codes use the 400 or 500 text)."""
    title, advice = ERRORS.get(status) or ERRORS[500 if status >= 500 else 400]
    page = Page(request)
    response = page.render(
        "pages/error.html",
        status=status,
        code=status,
        title=page.gettext(title),
        advice=page.gettext(advice),
    )
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


async def _call(handler: Handler, request: Request, exc: Exception) -> Response:
    result = handler(request, exc)
    if isinstance(result, Response):
        return result
    return await result


def install_error_pages(app: FastAPI) -> None:
    """Route HTML requests' errors to localised pages, and API requests' errors to the API handlers."""
    api_http: Handler | None = app.exception_handlers.get(StarletteHTTPException)
    api_invalid: Handler | None = app.exception_handlers.get(RequestValidationError)
    api_domain: Handler | None = app.exception_handlers.get(HifazatError)
    api_any: Handler | None = app.exception_handlers.get(Exception)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api_path(request.url.path) and api_http is not None:
            return await _call(api_http, request, exc)
        return error_page(request, exc.status_code, headers=dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if is_api_path(request.url.path) and api_invalid is not None:
            return await _call(api_invalid, request, exc)
        return error_page(request, 422)

    @app.exception_handler(HifazatError)
    async def _domain(request: Request, exc: HifazatError) -> Response:
        if is_api_path(request.url.path) and api_domain is not None:
            return await _call(api_domain, request, exc)
        if isinstance(exc, NotFoundError):
            return error_page(request, 404)
        if isinstance(exc, InvalidInputError):
            return error_page(request, 422)
        log.warning("web request failed: %s", exc)
        return error_page(request, 400)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        if is_api_path(request.url.path) and api_any is not None:
            return await _call(api_any, request, exc)
        log.exception("web page crashed: %s %s", request.method, request.url.path)
        if is_api_path(request.url.path):
            return Response('{"error":{"code":"internal","message":"internal error"}}', 500,
                            media_type="application/json")  # fmt: skip
        return error_page(request, 500)
