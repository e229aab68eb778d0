"""The claim matcher as a moderation-engine detector: a match to a fact-checked claim becomes a signal.

The signal's policy is `integrity.civic` for claims about the civic process and
`integrity.misinformation` otherwise; its score is the matcher's calibrated probability, so the
guideline catalogue's bands decide what happens (by default: high → human review, medium → label
for misinformation). Claims rated true give no signal. Evidence spans are the post's words that the
claim shares (compared as transliteration-proof skeletons), so a moderator sees why it matched.

The detector needs a matcher over the stored fact-checks, which only the service layer has: build
it there (`ClaimMatchDetector(ClaimIndex(db).matcher())`) and pass it to the `Moderator`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from hifazat.core.claims.lexical import claim_tokens
from hifazat.core.claims.matcher import MAX_CHARS, ClaimMatcher
from hifazat.core.claims.model import ClaimLanguage, ClaimMatch
from hifazat.core.claims.outcomes import outcome_for
from hifazat.core.detectors.base import Detector, Item
from hifazat.core.signals import Signal, Span

_WORD = re.compile(r"[^\W_]+")
_LANGUAGES: dict[str, ClaimLanguage] = {"en": "en", "ur": "ur", "roman-ur": "roman-ur"}


def evidence(text: str, match: ClaimMatch) -> tuple[Span, ...]:
    """Spans of the words of `text` that occur in the matched claim (by concept or skeleton)."""
    claim = set(claim_tokens(match.factcheck.claim))
    spans = []
    for word in _WORD.finditer(text):
        if any(key in claim for key in claim_tokens(word.group(0))):
            spans.append(Span(word.start(), word.end()))
    return tuple(spans)


class ClaimMatchDetector(Detector):
    """Signals for posts that repeat a known fact-checked claim."""

    name: ClassVar[str] = "claims.factcheck_match"
    version: ClassVar[str] = "1"

    def __init__(self, matcher: ClaimMatcher) -> None:
        self.matcher = matcher

    def detect(self, item: Item) -> list[Signal]:
        return self.detect_batch([item])[0]

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        texts = [item.text for item in items]
        langs = [_LANGUAGES.get(item.language) for item in items]
        usable = [i for i, t in enumerate(texts) if t.strip()]
        out: list[list[Signal]] = [[] for _ in items]
        if not usable or not len(self.matcher):
            return out
        heads = [texts[i][:MAX_CHARS] for i in usable]
        found = self.matcher.match_batch(heads, [langs[i] for i in usable], limit=3)
        for i, matches in zip(usable, found, strict=True):
            for match in matches:
                outcome = outcome_for(match)
                if outcome.action == "none":
                    continue
                note = f"{outcome.action}:{match.factcheck.rating} {match.factcheck.url}"
                out[i].append(
                    Signal(
                        outcome.policy, match.score, self.name, self.version, evidence(texts[i], match), note
                    )
                )
        return out
