"""A detector made of phrase rules alone: item words that need a context cue, and counter-context.

Several detectors (regulated goods, youth safety, sexual content, harm promotion, misinformation
phrases) are the same machine over different rule files, so the machine lives here. A rule file
is an ordinary `phrase_patterns` file whose tags this class reads:

- `cue=NAME`: evidence only. The rule never emits a signal; it marks that cue NAME is present
  (for example `cue=sale` for "available", "delivery", "DM karo", "price").
- `needs=NAME`: the rule counts only when cue NAME is also present somewhere in the text;
  otherwise it scores `alone=S` when that tag is given, or nothing.
- `damp=F`: counter-context (news, awareness, recovery, a parent's question). Every signal of the
  rule's policy is multiplied by F; with the tag `all` every policy of the detector is.

Cue and counter rules run only when some scoring rule's keyword passed the gate, so an ordinary
comment costs one Aho–Corasick pass. The strongest rule per policy sets the score; spans are
the evidence of every counted rule and of the cues it needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.phrase_patterns import (
    KeywordGate,
    PhraseMatcher,
    PhraseRule,
    load_phrase_rules,
    merge_spans,
)
from hifazat.core.signals import Signal, Span

if TYPE_CHECKING:
    from hifazat.core.text.normalise import NormalisedText

_MIN_SCORE = 0.3
"""Scores below this (after counter-context) are not reported."""


def _tag_values(rule: PhraseRule, prefix: str) -> list[str]:
    return [t.split("=", 1)[1] for t in rule.tags if t.startswith(prefix + "=")]


def _is_context(rule: PhraseRule) -> bool:
    return bool(_tag_values(rule, "cue") or _tag_values(rule, "damp"))


class PhraseRuleDetector(Detector):
    """Base class: subclasses set `name`, `version`, `data_file` and `policies` (see the module docstring)."""

    data_file: ClassVar[str]
    policies: ClassVar[tuple[str, ...]]
    min_score: ClassVar[float] = _MIN_SCORE

    def __init__(self, rules: Iterable[PhraseRule] | None = None) -> None:
        loaded = (
            list(rules) if rules is not None else load_phrase_rules(self.data_file, policies=self.policies)
        )
        self._main = tuple(r for r in loaded if not _is_context(r))
        self._gate = KeywordGate((k, i) for i, r in enumerate(self._main) for k in r.keys)
        self._context = PhraseMatcher([r for r in loaded if _is_context(r)])
        self._needs: Mapping[str, tuple[str, ...]] = {r.id: tuple(_tag_values(r, "needs")) for r in loaded}
        self._alone: Mapping[str, float | None] = {
            r.id: float(v[0]) if (v := _tag_values(r, "alone")) else None for r in loaded
        }

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The gates of the scoring rules and of the context rules (for a shared keyword pass)."""
        return (self._gate, self._context.gate)

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """`detect` for each item; items without a keyword of a scoring rule cost one lookup."""
        mask_in = self._gate.mask_in
        return [self.detect(item) if mask_in(item.norm) else [] for item in items]

    def detect(self, item: Item) -> list[Signal]:
        norm = item.norm
        if not self._gate.mask_in(norm):
            return []
        hits = self._main_hits(norm)
        if not hits:
            return []
        cues: dict[str, list[Span]] = {}
        damp: dict[str, float] = {}
        for rule, m in self._context.find_in(norm):
            for name in _tag_values(rule, "cue"):
                cues.setdefault(name, []).append(item.norm.to_original(m.start(), m.end()))
            for factor in _tag_values(rule, "damp"):
                key = "*" if "all" in rule.tags else rule.policy
                damp[key] = min(damp.get(key, 1.0), float(factor))
        best: dict[str, tuple[float, list[str], list[Span]]] = {}
        for rule, start, end in hits:
            needed = self._needs[rule.id]
            score: float | None = rule.score
            evidence = [item.norm.to_original(start, end)]
            if needed and all(n in cues for n in needed):
                evidence += [s for n in needed for s in cues[n]]
            elif needed:
                score = self._alone[rule.id]
            if score is None:
                continue
            score = self.adjust(item, rule, score)
            score *= min(damp.get(rule.policy, 1.0), damp.get("*", 1.0))
            if score < self.min_score:
                continue
            top, ids, spans = best.get(rule.policy, (0.0, [], []))
            ids.append(rule.id)
            spans.extend(evidence)
            best[rule.policy] = (max(top, score), ids, spans)
        return [
            Signal(
                policy,
                round(min(1.0, score), 4),
                self.name,
                self.version,
                merge_spans(spans),
                "rule:" + ",".join(dict.fromkeys(ids)),
            )
            for policy, (score, ids, spans) in best.items()
        ]

    def _main_hits(self, norm: NormalisedText) -> list[tuple[PhraseRule, int, int]]:
        """(rule, start, end) of every scoring rule's match; a pattern shared by several rules
        (one element with different cues) is searched once."""
        text = norm.text
        hits: list[tuple[PhraseRule, int, int]] = []
        seen: dict[str, list[tuple[int, int]]] = {}
        for index in self._gate.candidates_in(norm):
            rule = self._main[index]
            found = seen.get(rule.regex.pattern)
            if found is None:
                found = [(m.start(), m.end()) for m in rule.regex.finditer(text)]
                seen[rule.regex.pattern] = found
            hits.extend((rule, start, end) for start, end in found)
        return hits

    def adjust(self, item: Item, rule: PhraseRule, score: float) -> float:
        """A subclass hook: the score of one matched rule in this item (default: unchanged)."""
        return score
