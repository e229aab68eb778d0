"""The one JSON error envelope: `{"error": {"code", "message", "hint"?, "problems"?}}`."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hifazat.core.errors import (
    ConflictError,
    HifazatError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)

STATUS: dict[type[HifazatError], int] = {
    InvalidInputError: 422,
    ValidationFailedError: 422,
    NotFoundError: 404,
    ConflictError: 409,
    PermissionDeniedError: 403,
}


def envelope(code: str, message: str, *, hint: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if hint:
        body["hint"] = hint
    body.update(extra)
    return {"error": body}


def status_for(error: HifazatError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 400


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HifazatError)
    async def _domain(_request: Request, exc: HifazatError) -> JSONResponse:
        extra: dict[str, Any] = {}
        if isinstance(exc, ValidationFailedError):
            extra["problems"] = [str(p) for p in exc.problems]
        return JSONResponse(envelope(exc.code, exc.message, hint=exc.hint, **extra), status_for(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", "")}
            for err in exc.errors()
        ]
        return JSONResponse(
            envelope("invalid_request", "the request body or parameters are not valid", problems=problems),
            422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorised"}.get(
            exc.status_code, "http_error"
        )
        return JSONResponse(envelope(code, str(exc.detail)), exc.status_code, headers=exc.headers)
