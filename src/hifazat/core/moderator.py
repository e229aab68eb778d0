"""The moderation engine as a library: `Moderator.default().check(text)`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from hifazat import __version__
from hifazat.core.decide.engine import DecisionEngine
from hifazat.core.decide.rules import RuleSet
from hifazat.core.decide.verdict import Verdict
from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.keyword_gate import keyword_index
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import Catalogue, default_catalogue
from hifazat.core.signals import Context, Signal
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise

INVISIBLE = re.compile(r"[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]+")
SURROGATE = re.compile("[\ud800-\udfff]")
_NO_CONTEXT = Context()
"""Shared by items posted without context (frozen; its empty `extra` is never written to)."""
DEFAULT_MAX_CHARS = 10_000
"""Longest text accepted by default, in characters (a long caption or a transcript chunk)."""


def check_text(text: object, max_chars: int) -> str:
    """The text if the engine can take it; otherwise a precise `InvalidInputError`."""
    if not isinstance(text, str):
        raise InvalidInputError(
            f"text must be a string, not {type(text).__name__}",
            message_ur=f"متن لفظوں (string) کی صورت میں ہونا چاہیے، {type(text).__name__} نہیں۔",
        )
    if len(text) > max_chars:
        raise InvalidInputError(
            f"text is {len(text):,} characters; the limit is {max_chars:,}",
            hint="split long transcripts into parts, or raise HIFAZAT_MAX_TEXT_CHARS",
            message_ur=f"متن {len(text):,} حروف کا ہے، جبکہ حد {max_chars:,} حروف ہے۔ لمبی تحریر کو حصوں میں بھیجیں۔",
        )
    if text.isascii():
        if not text.strip():
            raise _empty()
        return text
    if INVISIBLE.fullmatch(text):
        raise _empty()
    if SURROGATE.search(text):
        raise InvalidInputError(
            "text contains unpaired surrogate code points (it is not valid Unicode)",
            message_ur="متن میں ادھورے یونیکوڈ حروف (unpaired surrogates) ہیں، اس لیے یہ درست یونیکوڈ نہیں۔",
        )
    return text


def _empty() -> InvalidInputError:
    return InvalidInputError(
        "text is empty (only spaces or invisible characters)",
        message_ur="متن خالی ہے: اس میں صرف خالی جگہ یا نظر نہ آنے والے حروف ہیں۔",
    )


class Moderator:
    """Detectors + a decision engine. Thread-safe for reading; build once, reuse."""

    def __init__(
        self,
        detectors: Sequence[Detector],
        catalogue: Catalogue,
        rules: RuleSet | None = None,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.detectors = tuple(detectors)
        self.catalogue = catalogue
        self.max_chars = max_chars
        self.engine = DecisionEngine(
            catalogue,
            rules,
            engine_version=__version__,
            statistical=frozenset(d.name for d in self.detectors if d.statistical),
        )
        self.detector_versions = {d.name: d.version for d in self.detectors}
        self.keywords = keyword_index(self.detectors)
        """One Aho–Corasick pass per item answers every detector's keyword gates."""

    @classmethod
    def default(cls, *, max_chars: int = DEFAULT_MAX_CHARS, rules: RuleSet | None = None) -> Moderator:
        """Every built-in detector and the newest packaged guidelines (cached when no rules are given)."""
        if rules is None:
            return _default(max_chars)
        return cls(_default_detectors(), default_catalogue(), rules, max_chars=max_chars)

    def with_rules(self, rules: RuleSet) -> Moderator:
        """The same detectors and guidelines under other operator rules."""
        return Moderator(self.detectors, self.catalogue, rules, max_chars=self.max_chars)

    def item(self, text: str, context: Context | None = None) -> Item:
        checked = check_text(text, self.max_chars)
        norm = normalise(checked)
        return Item(checked, norm, identify(norm), context or _NO_CONTEXT)

    def check(self, text: str, context: Context | None = None) -> Verdict:
        """The verdict for one text; raises `InvalidInputError` for text the engine cannot take."""
        return self.check_items([self.item(text, context)])[0]

    def check_batch(self, texts: Sequence[str], contexts: Sequence[Context] | None = None) -> list[Verdict]:
        """Verdicts for many texts at once (detectors vectorise); invalid text raises before any work."""
        if contexts is not None and len(contexts) != len(texts):
            raise InvalidInputError(f"{len(texts)} texts but {len(contexts)} contexts")
        items: list[Item] = []
        seen: dict[tuple[str, int], Item] = {}  # a repeated text is normalised once
        for i, text in enumerate(texts):
            context = contexts[i] if contexts else None
            key = (text, id(context))
            item = seen.get(key) if isinstance(text, str) else None
            if item is None:
                item = seen[key] = self.item(text, context)
            items.append(item)
        return self.check_items(items)

    def check_items(self, items: list[Item], *, independent: bool = False) -> list[Verdict]:
        """Verdicts for prepared items. Copies of one (text, context) are detected and decided once,
        except by `cross_item` detectors (copy-paste campaigns), which see every copy.

        `independent=True` is for items that only happen to be checked together (concurrent requests
        batched by a server): cross-item detectors then see each item alone, so every verdict is the
        one `check` would give that item by itself."""
        slots: dict[tuple[str, int], int] = {}
        slot_of = [slots.setdefault((item.text, id(item.context)), len(slots)) for item in items]
        unique = items if len(slots) == len(items) else _firsts(items, slot_of, len(slots))
        per_item: list[list[Signal]] = [[] for _ in items]
        for detector in self.detectors:
            if detector.cross_item and independent:
                found = [detector.detect_batch([item])[0] for item in items]
            elif detector.cross_item or unique is items:
                found = detector.detect_batch(items)
            else:
                found_unique = detector.detect_batch(unique)
                found = [found_unique[s] for s in slot_of]
            for bucket, signals in zip(per_item, found, strict=True):
                bucket.extend(signals)
        verdicts: list[Verdict] = []
        decided: dict[int, tuple[list[Signal], Verdict]] = {}
        for item, slot, signals in zip(items, slot_of, per_item, strict=True):
            earlier = decided.get(slot)
            if earlier is not None and earlier[0] == signals:
                verdicts.append(earlier[1])  # a copy with the same signals: the same verdict
                continue
            verdict = self.engine.decide(item, signals, self.detector_versions)
            decided[slot] = (signals, verdict)
            verdicts.append(verdict)
        return verdicts


def _firsts(items: list[Item], slot_of: list[int], n: int) -> list[Item]:
    """The first item of each slot, in slot order."""
    firsts: list[Item | None] = [None] * n
    for item, slot in zip(items, slot_of, strict=True):
        if firsts[slot] is None:
            firsts[slot] = item
    return [item for item in firsts if item is not None]


@cache
def _default_detectors() -> tuple[Detector, ...]:
    from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry

    registry = default_registry()
    return tuple(registry.create(name) for name in DEFAULT_DETECTORS)


@cache
def _default(max_chars: int) -> Moderator:
    return Moderator(_default_detectors(), default_catalogue(), max_chars=max_chars)
