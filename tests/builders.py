"""Small builders for enforcement tests: accounts, verdicts and posted content (our own examples)."""

from __future__ import annotations

from datetime import UTC, datetime

from hifazat.core.decide.verdict import Action, Finding, Verdict
from hifazat.core.guidelines import Catalogue
from hifazat.services.accounts import create_account
from hifazat.services.content import Submission, submit_content
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
"""A fixed moment in 2026Q4 that tests count from."""


def account(
    db: Database, handle: str, role: str = "user", language: str = "en", followers: int = 0
) -> Account:
    """A new account with id `handle`."""
    with db.write() as stores:
        made = create_account(
            accounts=stores.accounts,
            api_keys=stores.api_keys,
            audit=stores.audit,
            actor_id="system",
            handle=handle,
            role=role,
            language=language,
            follower_count=followers,
            account_id=handle,
            now=T0,
        )
    return made.account


def verdict(
    action: Action = "allow", policy: str | None = None, score: float = 0.0, language: str = "en"
) -> Verdict:
    """A verdict as the engine would return it, with at most one finding."""
    findings: tuple[Finding, ...] = ()
    if policy is not None:
        band = "high" if score >= 0.8 else ("medium" if score >= 0.5 else "low")
        findings = (Finding(policy, score, band, action, 2, ("test",), (), ()),)  # type: ignore[arg-type]
    return Verdict(
        action=action,
        findings=findings,
        signals=(),
        language=language,  # type: ignore[arg-type]
        reasons_en=("test reason",) if policy else (),
        reasons_ur=("ٹیسٹ کی وجہ",) if policy else (),
        guidelines_version="2026.2",
        engine_version="test",
    )


def post(
    db: Database,
    catalogue: Catalogue,
    author: Account,
    content_id: str,
    *,
    kind: str = "comment",
    text: str = "a perfectly ordinary comment",
    made: Verdict | None = None,
    now: datetime = T0,
) -> Submission:
    """Post one item as `author` with the given verdict (allow by default)."""
    with db.write() as stores:
        return submit_content(
            stores=stores,
            catalogue=catalogue,
            author=author,
            kind=kind,
            text=text,
            verdict=made or verdict(),
            content_id=content_id,
            now=now,
        )
