"""Routes whose everyday request skips FastAPI's generic request handling.

For every request FastAPI's handler parses the content type with `email.message`, solves the dependency
tree (a `Response`, the query string, headers and cookies parsed into parameter models, a cache key per
dependency), validates the body through a type adapter and records telemetry. On the busiest write route
that costs about as much CPU as checking the text. A lean route answers the common case itself: a JSON
body that its model accepts goes straight to the endpoint, with the dependencies the route names called
directly. Anything else (another content type, an empty or malformed body, a body the model refuses)
goes to FastAPI's own handler, which reads the same cached body and answers exactly as it always did, so
errors and their envelopes cannot differ. The endpoint, and so the OpenAPI schema, are the route's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

Lean = Callable[[Request, Any], Awaitable[Response]]
"""Answers a request whose JSON body the model accepted (the parsed body is the second argument)."""


def lean_route(model: type[BaseModel], lean: Lean) -> type[APIRoute]:
    """An `APIRoute` class (for `add_api_route(route_class_override=...)`) whose handler gives requests with
    a valid `application/json` body of `model` to `lean`, and every other request to FastAPI's handler."""

    class LeanRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            generic = super().get_route_handler()

            async def handle(request: Request) -> Response:
                body = await _valid_body(request, model)
                return await generic(request) if body is None else await lean(request, body)

            return handle

    LeanRoute.__name__ = LeanRoute.__qualname__ = f"Lean{model.__name__}Route"
    return LeanRoute


async def _valid_body(request: Request, model: type[BaseModel]) -> BaseModel | None:
    """The body as `model`, or None when FastAPI's handler should look at the request (it reads the body
    Starlette has cached, so nothing is read twice from the client)."""
    if request.headers.get("content-type") != "application/json":
        return None
    try:
        return model.model_validate(await request.json())
    except (ValueError, ValidationError):  # malformed JSON or a refused body: FastAPI words the 422
        return None
