"""JSON bodies written straight from plain values, without walking them twice.

FastAPI's `jsonable_encoder` copies every nested value before `json.dumps` walks it again; on the hot
write paths that copy cost more than the database. `to_json` lets `json.dumps` do the one walk and turns
only what JSON lacks (datetimes, dates, dataclasses, sets) into JSON values as it meets them."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from fastapi.responses import JSONResponse


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON (the same text `JSONResponse` writes)."""
    return json.dumps(
        value, default=_default, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    ).encode()


def plain(value: Any) -> Any:
    """`value` made of JSON types only (for storing a response body with its idempotency key)."""
    return json.loads(to_json(value))


class PlainJSONResponse(JSONResponse):
    """A `JSONResponse` whose content may hold datetimes, dates, dataclasses and sets."""

    def render(self, content: Any) -> bytes:
        return to_json(content)
