"""Who is calling: bearer API keys → accounts, and `Annotated` aliases that admit only some roles.

`Authorization: Bearer <key>`; a missing or unknown key is 401, a role without the permission is 403 — both
in the one JSON error envelope. Ownership (my report, my account) is checked by the services.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from hifazat.core.enforcement.permissions import Permission, allowed, require
from hifazat.core.guidelines import Catalogue, default_catalogue
from hifazat.services.accounts import authenticate
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database


async def get_db(request: Request) -> Database:
    """The app's units of work (one `Database` per app, made on first use).

    The dependencies in this module are `async` so that FastAPI calls them on the event loop: a sync
    dependency costs a hop to the thread pool and back on every request."""
    state = request.app.state
    found: Database | None = getattr(state, "enforcement_db", None)
    if found is None:
        found = Database(state.runtime.engine)
        state.enforcement_db = found
    return found


async def get_catalogue() -> Catalogue:
    return default_catalogue()


DbDep = Annotated[Database, Depends(get_db)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, detail=message, headers={"WWW-Authenticate": "Bearer"})


KEY_CACHE_SECONDS = 10.0
"""How long a looked-up key is trusted without asking the database again (a revoked key or a changed role
takes at most this long to bite)."""
KEY_CACHE_SIZE = 10_000


def _cache(request: Request) -> dict[str, tuple[float, Account]]:
    state = request.app.state
    found: dict[str, tuple[float, Account]] | None = getattr(state, "enforcement_key_cache", None)
    if found is None:
        found = {}
        state.enforcement_key_cache = found
    return found


async def current_account(request: Request, db: DbDep) -> Account:
    """The account behind the request's bearer key; 401 without a valid one.

    A cached key answers on the event loop; a key not seen for `KEY_CACHE_SECONDS` is looked up in the
    thread pool (one indexed read)."""
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if not header:
        raise _unauthorised("this endpoint needs an API key: send `Authorization: Bearer <key>`")
    if scheme.lower() != "bearer" or not key:
        raise _unauthorised("the Authorization header must be `Bearer <key>`")
    cache = _cache(request)
    now = time.monotonic()
    hit = cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    account = await run_in_threadpool(_lookup, db, key)
    if account is None:
        raise _unauthorised("unknown or revoked API key")
    if len(cache) >= KEY_CACHE_SIZE:
        cache.clear()
    cache[key] = (now + KEY_CACHE_SECONDS, account)
    return account


def _lookup(db: Database, key: str) -> Account | None:
    with db.read() as stores:
        return authenticate(api_keys=stores.api_keys, key=key)


AccountDep = Annotated[Account, Depends(current_account)]


def holding(permission: Permission) -> Callable[[Account], Awaitable[Account]]:
    """A dependency admitting only accounts whose role holds `permission` (403 otherwise)."""

    async def check(account: AccountDep) -> Account:
        require(account.role, permission)
        return account

    check.__name__ = f"holding_{permission.replace('.', '_')}"
    return check


def is_staff(account: Account, permission: Permission) -> bool:
    """True when the account may see everyone's objects of this kind (not only its own)."""
    return allowed(account.role, permission)


Submitter = Annotated[Account, Depends(holding("content.submit"))]
ContentReader = Annotated[Account, Depends(holding("content.read_any"))]
ViewCounter = Annotated[Account, Depends(holding("content.views"))]
Reporter = Annotated[Account, Depends(holding("report.file"))]
LegalFiler = Annotated[Account, Depends(holding("legal.file"))]
QueueReader = Annotated[Account, Depends(holding("queue.read"))]
Reviewer = Annotated[Account, Depends(holding("queue.work"))]
Appellant = Annotated[Account, Depends(holding("appeal.file"))]
AppealReader = Annotated[Account, Depends(holding("appeal.read_any"))]
AppealReviewer = Annotated[Account, Depends(holding("appeal.resolve"))]
AccountAdmin = Annotated[Account, Depends(holding("account.create"))]
Auditor = Annotated[Account, Depends(holding("audit.read"))]
WebhookAdmin = Annotated[Account, Depends(holding("webhook.manage"))]
