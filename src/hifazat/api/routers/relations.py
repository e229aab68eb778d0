"""Follows, blocks, restricts, mutes and a creator's keyword filters."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hifazat.api.routers.safety_common import SafetyDep

router = APIRouter(prefix="/v1/accounts", tags=["safety"])

RelationPath = Literal["blocks", "restricts", "mutes"]
_KIND: dict[str, Literal["block", "restrict", "mute"]] = {
    "blocks": "block",
    "restricts": "restrict",
    "mutes": "mute",
}


class Other(BaseModel):
    account: str = Field(description="The other account.", min_length=1, max_length=64)


class Keyword(BaseModel):
    keyword: str = Field(description="A word or short phrase, in any script.", max_length=200)


class Sample(BaseModel):
    text: str = Field(max_length=5000)


@router.post("/{account_id}/follows")
def follow(account_id: str, body: Other, safety: SafetyDep) -> dict[str, str]:
    """Follow another account: `following`, or `requested` when it is private."""
    return {"state": safety.follow(actor_id=account_id, target_id=body.account)}


@router.delete("/{account_id}/follows/{other}", status_code=204)
def unfollow(account_id: str, other: str, safety: SafetyDep) -> None:
    safety.unfollow(actor_id=account_id, target_id=other)


@router.post("/{account_id}/follow-requests/{follower}/approve", status_code=204)
def approve(account_id: str, follower: str, safety: SafetyDep) -> None:
    """A private account approves a follow request."""
    safety.approve_follower(owner_id=account_id, follower_id=follower)


def _relation_routes(path: str, kind: Literal["block", "restrict", "mute"], what: str) -> None:
    """List, add and remove for one relation, on explicit paths (a path parameter here would shadow
    other routers' `/v1/accounts/{id}/...` routes)."""

    def list_relation(account_id: str, safety: SafetyDep) -> dict[str, list[str]]:
        return {"accounts": safety.relations(kind=kind, owner_id=account_id)}

    def add_relation(account_id: str, body: Other, safety: SafetyDep) -> dict[str, bool]:
        return {"created": safety.add_relation(kind=kind, owner_id=account_id, other_id=body.account)}

    def remove_relation(account_id: str, other: str, safety: SafetyDep) -> None:
        safety.remove_relation(kind=kind, owner_id=account_id, other_id=other)

    router.add_api_route(f"/{{account_id}}/{path}", list_relation, methods=["GET"], summary=f"List {what}")
    router.add_api_route(f"/{{account_id}}/{path}", add_relation, methods=["POST"], summary=f"Add: {what}")
    router.add_api_route(
        f"/{{account_id}}/{path}/{{other}}", remove_relation, methods=["DELETE"], status_code=204,
        summary=f"Remove from {what}",
    )  # fmt: skip


_relation_routes("blocks", "block", "blocked accounts (no interaction either way)")
_relation_routes("restricts", "restrict", "restricted accounts (their comments only they see)")
_relation_routes("mutes", "mute", "muted accounts (their posts leave your feeds)")


@router.get("/{account_id}/keyword-filters")
def list_keywords(account_id: str, safety: SafetyDep) -> dict[str, list[str]]:
    return {"keywords": safety.keywords(owner_id=account_id)}


@router.post("/{account_id}/keyword-filters")
def add_keyword(account_id: str, body: Keyword, safety: SafetyDep) -> dict[str, bool]:
    """Filter a keyword; its Urdu-script, Roman Urdu, obfuscated and misspelt forms are caught too."""
    return {"created": safety.add_keyword(owner_id=account_id, keyword=body.keyword)}


@router.delete("/{account_id}/keyword-filters/{keyword}", status_code=204)
def remove_keyword(account_id: str, keyword: str, safety: SafetyDep) -> None:
    safety.remove_keyword(owner_id=account_id, keyword=keyword)


@router.post("/{account_id}/keyword-filters/test")
def test_keywords(account_id: str, body: Sample, safety: SafetyDep) -> dict[str, str | None]:
    """Which keyword a sample comment would trip (try a filter before relying on it)."""
    return {"matched": safety.test_keywords(owner_id=account_id, text=body.text)}
