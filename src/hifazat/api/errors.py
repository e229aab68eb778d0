"""The one JSON error envelope: `{"error": {"code", "message", "message_ur", "hint"?, "problems"?}}`.

`message_ur` is the error in Urdu: the exact message when the code that refused gives one, otherwise
the meaning of the error code in Urdu (the English `message` then holds the specifics)."""

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


URDU_BY_CODE: dict[str, str] = {
    "invalid_input": "درخواست میں دی گئی معلومات پر عمل نہیں ہو سکا۔ تفصیل انگریزی پیغام میں دیکھیں۔",
    "invalid_request": "درخواست کا متن یا اس کے پیرامیٹر درست نہیں۔ نیچے دی گئی خامیاں درست کر کے دوبارہ بھیجیں۔",
    "validation_failed": "دی گئی معلومات جانچ پر پوری نہیں اتریں۔ نیچے دی گئی خامیاں درست کر کے دوبارہ بھیجیں۔",
    "not_found": "جو چیز آپ مانگ رہے ہیں وہ ہمارے ریکارڈ میں موجود نہیں۔",
    "conflict": "یہ درخواست موجودہ صورتِ حال سے میل نہیں کھاتی، مثلاً یہ کام پہلے ہی ہو چکا ہے۔",
    "forbidden": "آپ کو یہ کام کرنے کی اجازت نہیں۔",
    "unauthorised": "اس کام کے لیے درست API کلید بھیجنا ضروری ہے۔",
    "too_large": "درخواست حد سے بڑی ہے۔ اسے چھوٹا کر کے دوبارہ بھیجیں۔",
    "method_not_allowed": "اس پتے پر یہ طریقۂ درخواست قابلِ قبول نہیں۔",
    "too_many_requests": "بہت زیادہ درخواستیں آئی ہیں۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔",
}
URDU_FALLBACK = "درخواست پر عمل نہیں ہو سکا۔ تفصیل انگریزی پیغام میں دیکھیں۔"


def envelope(
    code: str, message: str, *, hint: str | None = None, message_ur: str | None = None, **extra: Any
) -> dict[str, Any]:
    """The error body; `message_ur` falls back to the Urdu meaning of `code`."""
    body: dict[str, Any] = {
        "code": code,
        "message": message,
        "message_ur": message_ur or URDU_BY_CODE.get(code, URDU_FALLBACK),
    }
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
        return JSONResponse(
            envelope(exc.code, exc.message, hint=exc.hint, message_ur=exc.message_ur, **extra),
            status_for(exc),
        )

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
        code = {
            404: "not_found",
            405: "method_not_allowed",
            413: "too_large",
            401: "unauthorised",
            429: "too_many_requests",
        }.get(exc.status_code, "http_error")
        return JSONResponse(envelope(code, str(exc.detail)), exc.status_code, headers=exc.headers)
