"""A batch screen: the items of a batch on which no built-in rule detector can fire.

Each condition below is a necessary condition of some detector emitting a signal, read from the
same gates, patterns and thresholds the detector itself uses; an item meeting none of them is
*quiet*, and the moderator gives it the verdict of an item without signals (allow, its language,
the versions) without running any detector on it. Everything else takes the full path.

- a keyword of a scoring phrase rule (threats, scams, self-harm, spam templates, and the scoring
  rules of every `PhraseRuleDetector`): one look at the shared keyword pass, which the detectors
  then reuse;
- a lexicon form anywhere in the text, or a word that may start a light or variant match
  (`LexiconMatcher.may_match`);
- a link (scams, spam), an e-mail domain, seven digits, or a digit with an address word (PII);
- spam's counters: a numeric template (`f4f`), six or more tokens of which half repeat, a long
  squeezed run, 15 emoji, five `@`, ten `#`;
- copy-paste campaigns: every copy of a text that occurs three times in the batch stays loud, so
  the spam detector, run on the loud items only, counts the same copies as on the whole batch.

The screen exists only for the built-in detector classes it knows (exactly those classes, no
subclasses); a moderator with any other detector (the learned one included) runs every item in
full. `tests/core/test_quiet_screen.py` checks on thousands of varied texts that screened and
unscreened runs give the same verdicts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.harm_promotion import HarmPromotionDetector
from hifazat.core.detectors.keyword_gate import KeywordGate, KeywordIndex
from hifazat.core.detectors.lexicon import LexiconDetector
from hifazat.core.detectors.misinfo_phrases import MisinfoPhraseDetector
from hifazat.core.detectors.pii import _DIGIT, _EMAIL_DOMAIN, _SEVEN_DIGITS, PiiDetector
from hifazat.core.detectors.regulated_goods import RegulatedGoodsDetector
from hifazat.core.detectors.scams import ScamDetector
from hifazat.core.detectors.self_harm import SelfHarmDetector
from hifazat.core.detectors.sexual import SexualContentDetector
from hifazat.core.detectors.spam import (
    _ASTRAL,
    _BATCH_MIN_COPIES,
    _BATCH_MIN_KEY,
    _CHAR_RUN,
    _EMOJI,
    _NUMERIC_TEMPLATE,
    SpamDetector,
    _batch_key,
)
from hifazat.core.detectors.threats import ThreatDetector
from hifazat.core.detectors.urls import LinkFinder
from hifazat.core.detectors.youth import YouthSafetyDetector
from hifazat.core.lexicons.matcher import LexiconMatcher

_PHRASE_ONLY = (
    RegulatedGoodsDetector,
    YouthSafetyDetector,
    SexualContentDetector,
    HarmPromotionDetector,
    MisinfoPhraseDetector,
)
"""Detectors that fire only through a scoring rule's keyword (`PhraseRuleDetector.detect`)."""


def _bits(gate: KeywordGate, index: KeywordIndex) -> int | None:
    """The bits `gate` owns in `index`, or None when the index does not answer for it."""
    binding = gate._binding
    if gate._empty:
        return 0
    if binding is None or binding[0] is not index:
        return None
    return gate._full << binding[1]


class QuietScreen:
    """Which items of a batch no detector of one moderator can fire on (see the module docstring)."""

    def __init__(
        self,
        index: KeywordIndex,
        scoring_bits: int,
        address_bits: int,
        lexicons: Sequence[LexiconMatcher],
        links: Sequence[LinkFinder],
    ) -> None:
        self._index = index
        self._scoring_bits = scoring_bits
        self._address_bits = address_bits
        self._lexicons = tuple(lexicons)
        self._links = tuple(links)

    @classmethod
    def for_detectors(cls, detectors: Sequence[Detector], index: KeywordIndex | None) -> QuietScreen | None:
        """The screen for these detectors, or None when one of them is not a built-in it knows."""
        if index is None:
            return None
        scoring: list[KeywordGate] = []
        address: list[KeywordGate] = []
        lexicons: list[LexiconMatcher] = []
        links: list[LinkFinder] = []
        for d in detectors:
            kind = type(d)
            if kind is LexiconDetector:
                assert isinstance(d, LexiconDetector)
                lexicons.append(d.matcher)
            elif kind in _PHRASE_ONLY:
                assert isinstance(d, _PHRASE_ONLY)
                scoring.append(d._gate)
            elif kind is ThreatDetector or kind is SelfHarmDetector:
                assert isinstance(d, ThreatDetector | SelfHarmDetector)
                scoring.append(d._phrases.gate)
            elif kind is ScamDetector:
                assert isinstance(d, ScamDetector)
                scoring.append(d._phrases.gate)
                links.append(d._links)
            elif kind is SpamDetector:
                assert isinstance(d, SpamDetector)
                scoring.append(d._templates.gate)
                links.append(d._links)
            elif kind is PiiDetector:
                assert isinstance(d, PiiDetector)
                address.append(d._address_gate)
            else:
                return None
        scoring_bits = 0
        address_bits = 0
        for gates, is_scoring in ((scoring, True), (address, False)):
            for gate in gates:
                bits = _bits(gate, index)
                if bits is None:
                    return None
                if is_scoring:
                    scoring_bits |= bits
                else:
                    address_bits |= bits
        unique_links = list({id(f): f for f in links}.values())
        return cls(index, scoring_bits, address_bits, lexicons, unique_links)

    def quiet(self, items: Sequence[Item], *, independent: bool = False) -> list[bool]:
        """For each item, True when no detector can fire on it in this batch.

        `independent` as in `Moderator.check_items`: cross-item detectors see each item alone, so
        repeated texts are no campaign."""
        hits = self._index.hits
        scoring = self._scoring_bits
        out: list[bool] = []
        for item in items:
            norm = item.norm
            found = hits(norm)
            out.append(
                not found & scoring
                and not any(lex.may_match(norm.text, norm.words()) for lex in self._lexicons)
                and not self._original_may_fire(item, found)
            )
        if not independent and any(out):
            keys = [_batch_key(item.norm) for item in items]
            counts = Counter(k for k in keys if len(k) >= _BATCH_MIN_KEY)
            out = [q and counts.get(k, 0) < _BATCH_MIN_COPIES for q, k in zip(out, keys, strict=True)]
        return out

    def _original_may_fire(self, item: Item, found: int) -> bool:
        """Links, personal information and spam's counters (mostly on the original text)."""
        text = item.text
        if _DIGIT.search(text) is not None and (
            _SEVEN_DIGITS.search(text) is not None or found & self._address_bits
        ):
            return True
        at = text.count("@")
        if at and (at >= 5 or _EMAIL_DOMAIN.search(text) is not None):
            return True
        if text.count("#") >= 10:
            return True
        if "4" in text and _NUMERIC_TEMPLATE.search(text) is not None:
            return True
        if any(finder.find(text) for finder in self._links):
            return True
        norm_text = item.norm.text
        if len(text) - len(norm_text) >= 8 and _CHAR_RUN.search(text) is not None:
            return True
        if not text.isascii() and _ASTRAL.search(text) and len(_EMOJI.findall(text)) >= 15:
            return True
        tokens = norm_text.split()
        return len(tokens) >= 6 and len(set(tokens)) * 2 <= len(tokens)
