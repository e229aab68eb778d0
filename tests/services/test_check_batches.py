"""`CheckBatcher`: concurrent requests share one pass of the engine, and each still gets the verdict it would
get alone — copy-paste detection never links two people's identical comments."""

from __future__ import annotations

import asyncio

import pytest

from async_kit import run_async
from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import InvalidInputError
from hifazat.core.moderator import Moderator
from hifazat.services.check_batches import CheckBatcher

TEXTS = [
    "Great video bhai, bohat maza aya",  # ordinary
    "send your OTP code to claim the BISP money",  # a scam
    "tujhe jaan se maar dunga",  # a threat
    "Great video bhai, bohat maza aya",  # the same words as the first, from someone else
] + ["Pakistan zindabad, long live our brave team"] * 12  # many people cheering at once


@pytest.fixture(scope="module")
def moderator() -> Moderator:
    return Moderator.default()


async def _all(batcher: CheckBatcher, texts: list[str]) -> list[Verdict | BaseException]:
    return await asyncio.gather(*(batcher.check(t) for t in texts), return_exceptions=True)


def test_batched_verdicts_equal_verdicts_alone(moderator: Moderator) -> None:
    batcher = CheckBatcher(moderator)
    batched = run_async(_all(batcher, TEXTS))
    alone = [moderator.check(t) for t in TEXTS]
    assert [v.to_dict() for v in batched if isinstance(v, Verdict)] == [v.to_dict() for v in alone]
    assert batcher.passes < len(TEXTS)
    assert alone[-1].action == "allow"  # twelve people cheering at once are not a copy-paste campaign
    together = moderator.check_items([moderator.item(t) for t in TEXTS])  # one caller's batch: they would be
    assert together[-1].action == "remove" and together[-1].policies == ["integrity.spam"]


def test_bad_text_fails_only_its_own_request(moderator: Moderator) -> None:
    results = run_async(_all(CheckBatcher(moderator), ["fine text", "   ", "x" * 100_000, "also fine"]))
    assert isinstance(results[0], Verdict) and isinstance(results[3], Verdict)
    assert isinstance(results[1], InvalidInputError) and isinstance(results[2], InvalidInputError)
