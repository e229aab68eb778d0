"""Moderation as a service: validate a request's context, run the engine, return the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hifazat.core.errors import InvalidInputError
from hifazat.core.signals import Context

SURFACES = ("video", "caption", "comment", "message", "profile", "live", "other")


def context_from(data: Mapping[str, Any] | None) -> Context:
    """A `Context` from a plain mapping, with precise errors for wrong fields."""
    if not data:
        return Context()
    known = {"surface", "account_age_days", "follower_count", "prior_strikes", "author_age", "extra"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidInputError(
            f"unknown context field(s): {', '.join(unknown)}", hint=f"known: {', '.join(sorted(known))}"
        )
    surface = data.get("surface", "comment")
    if surface not in SURFACES:
        raise InvalidInputError(f"unknown surface {surface!r}", hint=f"use one of {', '.join(SURFACES)}")
    numbers: dict[str, int | None] = {}
    for key in ("account_age_days", "follower_count", "prior_strikes", "author_age"):
        value = data.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise InvalidInputError(f"context.{key} must be a whole number ≥ 0")
        numbers[key] = value
    extra = data.get("extra") or {}
    if not isinstance(extra, Mapping):
        raise InvalidInputError("context.extra must be an object")
    return Context(
        surface=surface,
        account_age_days=numbers["account_age_days"],
        follower_count=numbers["follower_count"],
        prior_strikes=numbers["prior_strikes"] or 0,
        author_age=numbers["author_age"],
        extra=dict(extra),
    )
