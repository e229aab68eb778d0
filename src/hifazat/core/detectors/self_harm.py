"""health.self_harm: suicidal ideation and self-injury in English, Urdu and Roman Urdu.

These signals exist to get a person help, not to remove their post: every health.self_harm
signal's note starts with `support:` (`support:intent`, `support:ideation`,
`support:self-injury`, `support:mention`), which the decision step maps to review plus the
helplines, never to removal on its own. Telling someone else to kill themselves ("kys",
"khudkushi kar lo") is bullying and is reported as safety.harassment instead.

Idiom is weighed down, not matched away: "I'm dying of laughter" and "mar gaye hassi se" have
no rule at all; "kill myself laughing" and "tere bina mar jaunga" match a rule tagged
`idiom-prone` and lose most of their score when laughter or romance is in the text.
"""

from __future__ import annotations

import re
from typing import ClassVar

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.keyword_gate import KeywordGate
from hifazat.core.detectors.phrase_patterns import PhraseMatcher, load_phrase_rules, merge_spans, tolerant
from hifazat.core.signals import Signal, Span

POLICIES = ("health.self_harm", "safety.harassment")
_KINDS = ("intent", "self-injury", "ideation", "mention")
_MIN_SCORE = 0.3

_IDIOM = re.compile(
    tolerant(
        r"\b(?:laugh\w*|lol|lmao|lmfao|rofl|haha\w*|hehe|jk|joking|kidding|cringe|embarrass\w*|funny|"
        r"hassi|hasi|hans|hansi|tere bina|tumhare bina|tujh bin|ishq|pyar|pyaar|love|jaan e man|"
        r"garmi|thand|bhook|bhuk|cuteness|exam|exams|paper|homework|traffic)\b|😂|🤣|💀|😆"
    )
)
_NEGATION = re.compile(tolerant(r"\b(?:don't|dont|do not|never|not|nahi|nahin|nai)\b|n't\b|نہیں"))
_TOLD_NOT_TO = re.compile(r"\b(?:don'?t|do not|dont|never)\s+(?:ever\s+)?$")
"""A negation right before telling someone to harm themselves ("please don't kill yourself") is
support, not incitement; "why don't you kill yourself" still counts ("you" stands between)."""


class SelfHarmDetector(Detector):
    """Suicidal ideation, intent and self-injury; and incitement of others to self-harm."""

    name: ClassVar[str] = "self_harm"
    version: ClassVar[str] = "5"

    def __init__(self) -> None:
        self._phrases = PhraseMatcher(load_phrase_rules("self_harm.yaml", policies=POLICIES))

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The phrase rules' keyword gate (for a shared keyword pass)."""
        return (self._phrases.gate,)

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """`detect` for each item; items without a rule keyword cost one lookup."""
        mask_in = self._phrases.gate.mask_in
        return [self.detect(item) if mask_in(item.norm) else [] for item in items]

    def detect(self, item: Item) -> list[Signal]:
        text = item.norm.text
        best: dict[str, tuple[float, str, str]] = {}
        spans: dict[str, list[Span]] = {}
        idiom: bool | None = None
        for rule, match in self._phrases.find_in(item.norm):
            score = rule.score
            if "negatable" in rule.tags and _NEGATION.search(
                text, max(0, match.start() - 12), match.start() + 8
            ):
                continue
            if "incites" in rule.tags and _TOLD_NOT_TO.search(
                text, max(0, match.start() - 20), match.start()
            ):
                continue
            if "idiom-prone" in rule.tags:
                idiom = _IDIOM.search(text) is not None if idiom is None else idiom
                if idiom:
                    score *= 0.3
            if score < _MIN_SCORE:
                continue
            kind = next((k for k in _KINDS if k in rule.tags), "incites")
            if score > best.get(rule.policy, (0.0, "", ""))[0]:
                best[rule.policy] = (score, kind, rule.id)
            spans.setdefault(rule.policy, []).append(item.norm.to_original(match.start(), match.end()))
        if "safety.harassment" in best and best.get("health.self_harm", (0.0, "", ""))[1] == "mention":
            del best["health.self_harm"]  # the topic is only named as part of the insult
        signals = []
        for policy, (score, kind, rule_id) in best.items():
            note = (
                f"support:{kind};rule:{rule_id}"
                if policy == "health.self_harm"
                else f"incites-self-harm;rule:{rule_id}"
            )
            signals.append(
                Signal(policy, round(score, 4), self.name, self.version, merge_spans(spans[policy]), note)
            )
        return signals
