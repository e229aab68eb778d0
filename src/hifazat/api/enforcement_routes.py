"""The enforcement workflow's routers, one per resource, included by the app factory."""

from __future__ import annotations

from fastapi import FastAPI

from hifazat.api.routers import accounts, appeals, audit, content, queue, reports, transparency, webhooks

ROUTERS = (content, reports, queue, appeals, accounts, transparency, audit, webhooks)


def include(app: FastAPI) -> None:
    """Add `/v1/content`, `/v1/reports`, `/v1/queue`, `/v1/appeals`, `/v1/accounts`, `/v1/transparency`,
    `/v1/audit` and `/v1/webhooks`."""
    for module in ROUTERS:
        app.include_router(module.router)
