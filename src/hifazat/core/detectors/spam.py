"""integrity.spam: repetition, link floods, copy-paste templates, emoji floods, shouting with links.

`detect` looks at one item; `detect_batch` also finds the same text posted again and again in
one batch (copy-paste campaigns), which no single item shows. Counts that the normaliser
would hide (a character repeated 40 times is squeezed to two) are taken from the ORIGINAL text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.keyword_gate import KeywordGate
from hifazat.core.detectors.phrase_patterns import PhraseMatcher, load_phrase_rules, merge_spans
from hifazat.core.detectors.urls import Link, LinkFinder
from hifazat.core.signals import Signal, Span

if TYPE_CHECKING:
    from hifazat.core.text.normalise import NormalisedText

POLICY = "integrity.spam"
_MIN_SCORE = 0.4

_CHAR_RUN = re.compile(r"(\S)\1{9,}")
"""One character ten or more times in a row."""
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F000-\U0001F2FF]")
_MENTION = re.compile(r"(?<!\w)@\w{2,}")
_HASHTAG = re.compile(r"(?<!\w)#\w{2,}")
_NUMERIC_TEMPLATE = re.compile(
    r"\b(?:f4f|l4l|s4s|sub4sub|follow4follow|like4like|follow ?4 ?follow|like ?4 ?like|sub ?4 ?sub)\b",
    re.IGNORECASE,
)
"""Templates written with a digit, which leet folding would turn into letters (`f4f` -> `faf`)."""
_BATCH_KEY = re.compile(r"[\W\d_]+")
"""Characters dropped before comparing texts across a batch ("Earn 5000!!" = "earn 5000")."""
_NOT_ASCII_LETTERS_B = bytes(c for c in range(256) if not chr(c).isascii() or not chr(c).isalpha())
"""Every byte but an ASCII letter, for a `bytes.translate` deletion (a C-level table, no regex)."""
_LOWER_B = bytes(range(ord("a"), ord("z") + 1))
_ASTRAL = re.compile("[\U0001f000-\U0010ffff]")
"""Any character from U+1F000 on, where emoji live (a C-level scan)."""
_BATCH_MIN_KEY = 12
"""Texts shorter than this (after dropping digits and punctuation) are not campaign evidence: "nice!"."""
_BATCH_MIN_COPIES = 3


class SpamDetector(Detector):
    """Spam in one item; `detect_batch` adds copy-paste campaigns across a batch."""

    name: ClassVar[str] = "spam"
    version: ClassVar[str] = "2"
    cross_item: ClassVar[bool] = True

    def __init__(self, links: LinkFinder | None = None) -> None:
        self._templates = PhraseMatcher(load_phrase_rules("spam.yaml", policies=[POLICY]))
        self._links = links or LinkFinder.shared()

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The phrase rules' keyword gate (for a shared keyword pass)."""
        return (self._templates.gate,)

    def detect(self, item: Item) -> list[Signal]:
        parts = self._parts(item)
        return [self._signal(parts)] if parts and max(p[0] for p in parts) >= _MIN_SCORE else []

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """Per-item spam, plus texts repeated at least three times in the batch (copy-paste campaigns)."""
        keys = [_batch_key(item.norm) for item in items]
        counts = Counter(k for k in keys if len(k) >= _BATCH_MIN_KEY)
        out: list[list[Signal]] = []
        for item, key in zip(items, keys, strict=True):
            parts = self._parts(item)
            copies = counts.get(key, 0)
            if copies >= _BATCH_MIN_COPIES:
                score = 0.85 if copies >= 10 else 0.7
                parts.append((score, f"batch-duplicate:{copies}", [Span(0, len(item.text))]))
            ok = parts and max(p[0] for p in parts) >= _MIN_SCORE
            out.append([self._signal(parts)] if ok else [])
        return out

    def _parts(self, item: Item) -> list[tuple[float, str, list[Span]]]:
        """(score, note, spans) for every kind of spam evidence in the item."""
        text, norm = item.text, item.norm
        parts: list[tuple[float, str, list[Span]]] = []
        for rule, match in self._templates.find_in(norm):
            parts.append((rule.score, f"template:{rule.id}", [norm.to_original(match.start(), match.end())]))
        if "4" in text:
            for m in _NUMERIC_TEMPLATE.finditer(text):
                parts.append((0.75, "template:xx.numeric-for", [Span(m.start(), m.end())]))
        links = self._links.find(text)
        if len(links) >= 3:
            parts.append(
                (
                    0.9 if len(links) >= 5 else 0.75,
                    f"links:{len(links)}",
                    [Span(x.start, x.end) for x in links],
                )
            )
        if links:
            letters = _ascii_letters(_without_links(text, links))
            upper = len(letters.translate(None, _LOWER_B))
            if len(letters) >= 12 and upper >= 0.7 * len(letters):
                parts.append((0.7, "caps-with-link", [Span(0, len(text))]))
        tokens = norm.text.split()
        if len(tokens) >= 6 and len(set(tokens)) * 2 <= len(tokens):
            words = [t for t in tokens if t[0].isalnum() or t[-1].isalnum()]  # not ". . . ."
            word, count = Counter(words).most_common(1)[0] if words else ("", 0)
            if count >= 5 and count * 2 >= len(words):
                parts.append((0.6, f"repeated-word:{count}", [_span_of_runs(norm.text, word, item)]))
        if len(text) - len(norm.text) >= 8:  # the normaliser squeezed something long away
            run = _CHAR_RUN.search(text)
            if run is not None:
                long_run = run.end() - run.start() >= 30
                parts.append((0.45 if long_run else 0.3, "repeated-char", [Span(run.start(), run.end())]))
        if not text.isascii() and _ASTRAL.search(text):  # emoji live above U+1F000
            emoji = _EMOJI.findall(text)
            if len(emoji) >= 15:
                parts.append((0.6 if len(emoji) >= 30 else 0.45, f"emoji:{len(emoji)}", [Span(0, len(text))]))
        # every mention has an `@` and every hashtag a `#`: count those before any regex runs
        # tagging a few friends is how people share a video; ten or more tags is a flood
        if text.count("@") >= 5 and len(mentions := _MENTION.findall(text)) >= 5:
            parts.append(
                (0.6 if len(mentions) >= 10 else 0.45, f"mentions:{len(mentions)}", [Span(0, len(text))])
            )
        if text.count("#") >= 10 and len(tags := _HASHTAG.findall(text)) >= 10:
            parts.append((0.5, f"hashtags:{len(tags)}", [Span(0, len(text))]))
        return parts

    def _signal(self, parts: list[tuple[float, str, list[Span]]]) -> Signal:
        parts.sort(key=lambda p: -p[0])
        others = sum(1 for p in parts[1:] if p[0] >= _MIN_SCORE)
        score = min(0.98, parts[0][0] + 0.1 * others)
        spans = merge_spans(s for p in parts for s in p[2])
        return Signal(POLICY, round(score, 4), self.name, self.version, spans, ";".join(p[1] for p in parts))


def _batch_key(norm: NormalisedText) -> str:
    """The letters of a normalised text, to compare texts across a batch: `_BATCH_KEY` removed,
    which leaves exactly the letter words that language identification has already found."""
    return "".join(norm.words())


def _ascii_letters(text: str) -> bytes:
    """The ASCII letters of `text` in order (encoded, then everything else deleted, all in C)."""
    return text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS_B)


def _without_links(text: str, links: list[Link]) -> str:
    """The text with its links cut out."""
    pieces: list[str] = []
    prev = 0
    for link in links:
        pieces.append(text[prev : link.start])
        prev = link.end
    pieces.append(text[prev:])
    return "".join(pieces)


def _span_of_runs(norm_text: str, word: str, item: Item) -> Span:
    """From the first to the last occurrence of a repeated word, in the original text."""
    first = norm_text.find(word)
    last = norm_text.rfind(word)
    return item.norm.to_original(first, last + len(word))
