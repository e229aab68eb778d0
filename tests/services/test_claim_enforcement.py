"""Fact-checked claims through the enforcement workflow: automatic label or removal for strong matches,
review for weaker ones, idempotent re-checks, overturn on appeal, and one decision for a rumour cluster.
(Matches are given directly: the matcher itself is tested in tests/core/claims.)"""

from __future__ import annotations

import pytest
from flow import reported

from builders import T0, account, post
from hifazat.core.claims.model import ClaimMatch, FactCheck
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.services.appeals import file_appeal, resolve_appeal
from hifazat.services.claim_enforcement import (
    AUTO_SCORE,
    ClaimCheck,
    claim_notice,
    decide_cluster,
    enforce_claims,
    items_to_check,
)
from hifazat.storage.unit import Database

POLIO = FactCheck(
    "Polio drops make children infertile", "en", "false", "Test Fact Check", "https://fc.example/polio"
)
NOTE = FactCheck(
    "The 5000 rupee note will be withdrawn next month",
    "en",
    "false",
    "Test Fact Check",
    "https://fc.example/note",
)
TRUE = FactCheck("Polio drops are free at every government clinic", "en", "true", "Test Fact Check",
                 "https://fc.example/free")  # fmt: skip


def _match(factcheck: FactCheck, score: float) -> ClaimMatch:
    return ClaimMatch(factcheck, score, score, 1.0)


def _enforce(
    db: Database, catalogue: Catalogue, ids: list[str], found: list[list[ClaimMatch]]
) -> list[ClaimCheck]:
    with db.write() as stores:
        items = items_to_check(stores, ids)
        return enforce_claims(stores=stores, catalogue=catalogue, items=items, matches=found, now=T0)


def test_strong_matches_are_decided_and_weaker_ones_reviewed(db: Database, catalogue: Catalogue) -> None:
    author = account(db, "author", language="ur")
    for cid in ("harmful", "label", "weak", "clean", "true"):
        post(db, catalogue, author, cid, text=f"post {cid}")
    found = [
        [_match(POLIO, 0.97)],  # harmful false claim (health): removed, with a strike
        [_match(NOTE, 0.95)],  # false but not harmful: labelled
        [_match(NOTE, AUTO_SCORE - 0.2)],  # confident but weaker: a person decides
        [],  # no confident match
        [_match(TRUE, 0.99)],  # a claim rated true: nothing to do
    ]
    checks = _enforce(db, catalogue, ["harmful", "label", "weak", "clean", "true"], found)
    assert [c.result for c in checks] == ["remove", "label", "review", "none", "none"]
    assert checks[2].task_id is not None and checks[0].decision_id is not None
    with db.read() as stores:
        assert stores.content.get("harmful").status == "removed"
        assert stores.content.get("label").status == "labelled"
        assert stores.tasks.open_for("weak") is not None
        strikes = stores.strikes.for_account("author")
        assert [s.policy for s in strikes] == ["integrity.misinformation"]
        notice = claim_notice(stores, stores.content.get("label"))
        assert notice is not None and notice["url"] == NOTE.url
        assert notice["label"]["ur"] and notice["share_prompt"]["ur"].endswith("؟")
        assert claim_notice(stores, stores.content.get("clean")) is None


def test_checking_again_changes_nothing(db: Database, catalogue: Catalogue) -> None:
    post(db, catalogue, account(db, "author"), "label", text="post")
    first = _enforce(db, catalogue, ["label"], [[_match(NOTE, 0.95)]])
    again = _enforce(db, catalogue, ["label"], [[_match(NOTE, 0.95)]])
    assert first[0].result == "label" and again[0].result == "skipped"
    with db.read() as stores:
        assert len(stores.decisions.for_content("label")) == 1


def test_an_overturned_label_no_longer_prompts(db: Database, catalogue: Catalogue) -> None:
    author = account(db, "author")
    reviewer = account(db, "reviewer", role="moderator")
    post(db, catalogue, author, "label", text="post")
    decision_id = _enforce(db, catalogue, ["label"], [[_match(NOTE, 0.95)]])[0].decision_id
    assert decision_id is not None
    with db.write() as stores:
        appeal = file_appeal(
            stores=stores, catalogue=catalogue, appellant=author, decision_id=decision_id,
            reason="my post quotes the rumour to warn people", now=T0,
        )  # fmt: skip
        resolve_appeal(
            stores=stores, catalogue=catalogue, reviewer=reviewer, appeal_id=appeal.id,
            outcome="overturned", rationale="the post debunks the claim", now=T0,
        )  # fmt: skip
    with db.read() as stores:
        item = stores.content.get("label")
        notice = claim_notice(stores, item)
        assert item.status == "visible"
        assert notice is not None and notice["label"] is None and notice["share_prompt"] is None


def test_a_reviewer_decides_a_whole_cluster(db: Database, catalogue: Catalogue) -> None:
    authors = [account(db, f"author{i}") for i in range(3)]
    reporter = account(db, "reporter")
    moderator = account(db, "mod", role="moderator")
    for i, author in enumerate(authors):
        post(db, catalogue, author, f"p{i}", text=f"the note is being withdrawn {i}")
    post(db, catalogue, authors[0], "decided", text="already handled")
    task = reported(db, catalogue, reporter, "p1", "integrity.misinformation")
    _enforce(db, catalogue, ["decided"], [[_match(NOTE, 0.95)]])
    with db.write() as stores:
        checks = decide_cluster(
            stores=stores, catalogue=catalogue, moderator=moderator,
            content_ids=["p0", "p1", "p2", "decided", "p0"], policy_id="integrity.misinformation",
            outcome="label", rationale="repeats a rumour fact-checked as false", now=T0,
        )  # fmt: skip
    assert [(c.content_id, c.result) for c in checks] == [
        ("p0", "label"), ("p1", "label"), ("p2", "label"), ("decided", "skipped"),
    ]  # fmt: skip
    assert checks[1].task_id == task.id  # the reported post's task was closed by this decision
    with db.read() as stores:
        assert stores.tasks.open_for("p1") is None
        assert all(stores.content.get(f"p{i}").status == "labelled" for i in range(3))
        assert all(len(stores.decisions.for_content(f"p{i}")) == 1 for i in range(3))


@pytest.mark.parametrize(
    ("ids", "error", "message"),
    [
        ([], InvalidInputError, "at least one"),  # nothing to do
        (["nope"], NotFoundError, "'nope'"),  # unknown item
        ([f"x{i}" for i in range(1001)], InvalidInputError, "limit is 1000"),  # too many at once
    ],
)
def test_bad_cluster_requests_change_nothing(
    db: Database, catalogue: Catalogue, ids: list[str], error: type[Exception], message: str
) -> None:
    moderator = account(db, "mod", role="moderator")
    with pytest.raises(error, match=message), db.write() as stores:
        decide_cluster(
            stores=stores, catalogue=catalogue, moderator=moderator, content_ids=ids,
            policy_id="integrity.misinformation", outcome="label", rationale="r", now=T0,
        )  # fmt: skip


def test_an_outcome_the_policy_does_not_allow_is_refused(db: Database, catalogue: Catalogue) -> None:
    moderator = account(db, "mod", role="moderator")
    post(db, catalogue, account(db, "author"), "p", text="post")
    with pytest.raises(InvalidInputError, match="does not allow"), db.write() as stores:
        decide_cluster(
            stores=stores, catalogue=catalogue, moderator=moderator, content_ids=["p"],
            policy_id="integrity.misinformation", outcome="restrict_adults", rationale="r", now=T0,
        )  # fmt: skip
    with db.read() as stores:
        assert stores.content.get("p").status == "visible"
