"""`/v1/webhooks`: endpoints that receive signed decision and appeal events (admins)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import DbDep, WebhookAdmin
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.services.webhooks import register_endpoint
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


class EndpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(description="http(s) URL that accepts POSTed JSON.")
    description: str = ""


@router.post("", status_code=201)
def post_endpoint(
    body: EndpointIn, request: Request, actor: WebhookAdmin, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Register an endpoint. Requests carry `X-Hifazat-Signature: t=<unix>,v1=<HMAC-SHA256 hex>` over
    `<t>.<body>` with the server's secret key."""

    def work(stores: Stores) -> dict[str, Any]:
        endpoint = register_endpoint(
            webhooks=stores.webhooks,
            audit=stores.audit,
            actor_id=actor.id,
            url=body.url,
            description=body.description,
        )
        return asdict(endpoint)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.get("")
def get_endpoints(actor: WebhookAdmin, db: DbDep) -> dict[str, Any]:
    """Active endpoints and the state of recent deliveries."""
    with db.read() as stores:
        endpoints = stores.webhooks.endpoints()
        deliveries = stores.webhooks.deliveries()[-100:]
    return {
        "endpoints": [asdict(e) for e in endpoints],
        "deliveries": [{k: v for k, v in asdict(d).items() if k != "payload"} for d in deliveries],
    }
