"""The lexicon detector: curated English, Urdu and Roman Urdu terms, matched through obfuscation.

Terms live in `hifazat/core/lexicons/*.tsv` (policy, score, language, flags per term). Matching runs
on the normalised text (so `k!ll`, `f.u.c.k`, `fսck`, Urdu diacritics and Arabic letter forms are
already undone), on its letter-squeezed words and on Roman Urdu variant keys; see
`hifazat.core.lexicons.matcher`.

One signal per policy: the score is the strongest term's score, raised a little (noisy-or, at most
+0.15) when several different terms of that policy occur; spans are the original-text ranges of
every match, merged where they overlap; the note lists the matched terms.

An insult written to someone ("تو کتے کی اولاد ہے", "tu kamina hai", "you bitch") is harassment
more surely than the word alone, which may be quoted, reported or about a third party: a harassment
term of score 0.5 or more is raised by `_ADDRESSED_BOOST` (at most to 0.95) when the text addresses
a second person (`_SECOND_PERSON`), and the note says `addressed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import ClassVar

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.lexicons import LexiconEntry, LexiconMatch, LexiconMatcher, load_lexicon
from hifazat.core.signals import Signal, Span
from hifazat.core.text.normalise import NormalisedText

_MAX_BOOST = 0.15
_MAX_NOTE_TERMS = 5
_ADDRESSED_BOOST = 0.15
_ADDRESSED_MAX = 0.95
_SECOND_PERSON = frozenset(
    [
        "you",
        "u",
        "ur",
        "your",
        "youre",
        "tu",
        "tum",
        "tujhe",
        "tujhay",
        "tjhe",
        "tumhe",
        "tumhein",
        "tera",
        "teri",
        "tere",
        "tumhara",
        "tumhari",
        "tumhare",
        "abe",
        "abey",
        "oye",
        "oy",
        "تو",
        "تم",
        "تجھے",
        "تمہیں",
        "تیرا",
        "تیری",
        "تیرے",
        "تمہارا",
        "تمہاری",
        "تمہارے",
        "ابے",
        "اوئے",
    ]
)
"""Words by which a text addresses a second person (English, Roman Urdu, Urdu). Not "ya": in Roman
Urdu it is "or" ("harami hai ya nahi?")."""
_NEGATABLE = frozenset({"safety.threats", "safety.harassment"})
_NEGATED = re.compile(
    r"(?:\b(?:don'?t|do not|dont|never|won'?t|wont|will not|would not|wouldn'?t|nahi|nahin|nai|mat)|نہیں|مت|نہ)"
    r"\s+(?:ever\s+|kabhi\s+)?$"
)
"""A negation right before a threat or insult term: "don't kill yourself", "I will never kill you",
"tujhe nahi maarunga". Only the word just before counts, so "why don't you kill yourself" still
matches (its "you" stands between)."""


@cache
def default_matcher() -> LexiconMatcher:
    """The packaged lexicon, compiled once per process."""
    return LexiconMatcher(load_lexicon())


def _span_key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted spans with overlapping or touching ones merged."""
    ordered = sorted(spans, key=_span_key)
    if len(ordered) == 1:
        return (ordered[0],)
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


def combined_score(scores: Iterable[float]) -> float:
    """Noisy-or of distinct terms' scores, at most `_MAX_BOOST` above the strongest."""
    values = list(scores)
    top = max(values)
    miss = 1.0
    for v in values:
        miss *= 1.0 - v
    return round(min(1.0, top + _MAX_BOOST, 1.0 - miss), 4)


class LexiconDetector(Detector):
    """Curated abuse terms in English, Urdu and Roman Urdu (see the module docstring)."""

    name: ClassVar[str] = "lexicon"
    version: ClassVar[str] = "3"

    def __init__(self, matcher: LexiconMatcher | None = None) -> None:
        self.matcher = matcher or default_matcher()

    @classmethod
    def from_entries(cls, entries: Iterable[LexiconEntry]) -> LexiconDetector:
        """A detector over other entries (tests, operator keyword lists)."""
        return cls(LexiconMatcher(entries))

    def detect(self, item: Item) -> list[Signal]:
        return self.signals(item.norm)

    def signals(self, norm: NormalisedText) -> list[Signal]:
        """The signals for one normalised text."""
        matches = self.matcher.match(norm.text, norm.words())
        if not matches:
            return []
        text = norm.text
        matches = [
            m
            for m in matches
            if m.entry.policy not in _NEGATABLE or not _NEGATED.search(text, max(0, m.start - 20), m.start)
        ]
        if not matches:
            return []
        by_policy: dict[str, list[LexiconMatch]] = {}
        for m in matches:
            group = by_policy.get(m.entry.policy)
            if group is None:
                by_policy[m.entry.policy] = [m]
            else:
                group.append(m)
        out: list[Signal] = []
        for policy in sorted(by_policy) if len(by_policy) > 1 else by_policy:
            group = by_policy[policy]
            entry = group[0].entry
            if all(m.entry is entry for m in group):  # one term, often found by several automata
                best = {entry.term: entry.score}
            else:
                group = prefer_exact(group)  # keeps every (start, end) range of the group
                best = strongest_per_occurrence(group, norm.text)
            terms = sorted(best, key=lambda t: (-best[t], t)) if len(best) > 1 else list(best)
            ranges = {(m.start, m.end) for m in group}
            if len(ranges) == 1:
                spans: tuple[Span, ...] = (norm.to_original(*ranges.pop()),)
            else:
                spans = merge_spans([norm.to_original(start, end) for start, end in sorted(ranges)])
            score = combined_score(best.values())
            note = "|".join(terms[:_MAX_NOTE_TERMS])
            if policy == "safety.harassment" and 0.5 <= score < _ADDRESSED_MAX and _addressed(norm):
                score = round(min(_ADDRESSED_MAX, score + _ADDRESSED_BOOST), 4)
                note += ";addressed"
            out.append(
                Signal(
                    policy=policy,
                    score=score,
                    detector=self.name,
                    version=self.version,
                    spans=spans,
                    note=note,
                )
            )
        return out


def _addressed(norm: NormalisedText) -> bool:
    """True when the text addresses a second person (a word of `_SECOND_PERSON`)."""
    return not _SECOND_PERSON.isdisjoint(norm.words())


_VIA_RANK = {"exact": 2, "light": 1, "variant": 0}


def prefer_exact(matches: list[LexiconMatch]) -> list[LexiconMatch]:
    """Drop loose matches over exactly the same text as an exact match (`kutta` is not `kutti`)."""
    exact = {(m.start, m.end) for m in matches if m.via == "exact"}
    if not exact:
        return matches
    return [m for m in matches if m.via == "exact" or (m.start, m.end) not in exact]


def _preference(m: LexiconMatch, text: str) -> tuple[float, bool, int, int]:
    # strongest first; then the entry spelled as in the text; then the least lossy automaton
    return (m.entry.score, m.entry.norm == text[m.start : m.end], _VIA_RANK[m.via], len(m.entry.norm))


def strongest_per_occurrence(matches: list[LexiconMatch], text: str) -> dict[str, float]:
    """Term -> score of the strongest entry at each place in the text.

    Spelling variants of one word found at the same place (`bhenchod` found as `bhenchod`, `bhen chod`
    and through its variant key) count once: overlapping matches form one occurrence, represented by
    its highest-scoring entry (then the one spelled as in the text).
    """
    if len(matches) == 1:
        return {matches[0].entry.term: matches[0].entry.score}
    ordered = sorted(matches, key=lambda m: (m.start, m.end))
    best: dict[str, float] = {}
    i = 0
    while i < len(ordered):
        cluster_end = ordered[i].end
        top = ordered[i]
        j = i + 1
        while j < len(ordered) and ordered[j].start < cluster_end:
            cluster_end = max(cluster_end, ordered[j].end)
            m = ordered[j]
            if _preference(m, text) > _preference(top, text):
                top = m
            j += 1
        best[top.entry.term] = max(best.get(top.entry.term, 0.0), top.entry.score)
        i = j
    return best
