"""regulated.scams: Pakistani scam patterns (BISP, prizes, wallets, parcels, jobs, loans, crypto).

Evidence of six kinds is gathered and combined on a log-odds scale, so that one lure alone
scores low and a lure with a credential or payment ask and a phone number or link scores high:

- wording from `data/scams.yaml` on the normalised text (lures, credential and payment asks,
  contact instructions, urgency, and advisories that count against);
- Pakistani phone numbers (`pii.find_phones`) and links (`urls.LinkFinder`) on the original text,
  where a look-alike or brand-misusing domain is strong evidence on its own.

The signal's note lists the evidence, e.g. `scam:lure=income-support;ask=credential;phone;link=brand(bisp)`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import ClassVar

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.keyword_gate import KeywordGate
from hifazat.core.detectors.phrase_patterns import PhraseMatcher, load_phrase_rules, merge_spans
from hifazat.core.detectors.pii import find_phones
from hifazat.core.detectors.urls import LinkFinder, LinkKind
from hifazat.core.signals import Signal, Span

POLICY = "regulated.scams"

_BIAS = -3.2
_WEIGHTS: Mapping[str, float] = {
    "lure": 2.6,
    "credential": 3.4,
    "payment": 2.4,
    "contact": 1.3,
    "urgency": 1.0,
    "authority": 1.2,
    "phone": 1.0,
    "advisory": -4.5,
}
"""Log-odds added by the strongest piece of evidence of each kind (scaled by its strength)."""
_LURE_WITH_ASK = 0.8
"""Extra log-odds when a bait comes with a payment or credential ask: that pair is the scam itself
(advance-fee fraud), more than the sum of its parts."""
_LURE_WITH_NUMBER = 0.5
"""Extra log-odds when a bait comes with "call / WhatsApp this number" and a number: the prize and
income-support messages of the advisories (real BISP messages come only from 8171 and never ask)."""

_LINK_WEIGHTS: Mapping[LinkKind, float] = {
    "homoglyph": 5.5,
    "lookalike": 5.0,
    "brand": 4.6,
    "ip": 2.5,
    "shortener": 1.6,
    "risky-tld": 1.3,
    "messaging": 1.2,
    "plain": 0.4,
    "official": -1.0,
}
_MIN_SCORE = 0.3
"""Below this the evidence is too thin to report."""


class ScamDetector(Detector):
    """Scores scam wording, phone numbers and suspicious links together."""

    name: ClassVar[str] = "scams"
    version: ClassVar[str] = "5"

    def __init__(self, links: LinkFinder | None = None) -> None:
        self._phrases = PhraseMatcher(load_phrase_rules("scams.yaml", policies=[POLICY]))
        self._links = links or LinkFinder.shared()

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The phrase rules' keyword gate (for a shared keyword pass)."""
        return (self._phrases.gate,)

    def detect(self, item: Item) -> list[Signal]:
        norm = item.norm
        best: dict[str, tuple[float, str]] = {}
        spans: list[Span] = []
        for rule, match in self._phrases.find_in(norm):
            kind = sorted(rule.tags)[0] if "lure" not in rule.tags else "lure"
            detail = next((t for t in sorted(rule.tags) if t != "lure"), kind) if kind == "lure" else kind
            if rule.score > best.get(kind, (0.0, ""))[0]:
                best[kind] = (rule.score, detail)
            if kind != "advisory":
                spans.append(norm.to_original(match.start(), match.end()))
        links = self._links.find(item.text)
        if not best and not links:
            return []
        logit = _BIAS + sum(_WEIGHTS[kind] * strength for kind, (strength, _) in best.items())
        if "lure" in best and ("payment" in best or "credential" in best):
            logit += _LURE_WITH_ASK
        notes = [f"lure={best['lure'][1]}"] if "lure" in best else []
        notes += [f"ask={k}" for k in ("credential", "payment") if k in best]
        notes += [k for k in ("authority", "contact", "urgency", "advisory") if k in best]
        phones = find_phones(item.text) if best.keys() - {"advisory"} or links else []
        if phones:
            logit += _WEIGHTS["phone"]
            if "lure" in best and "contact" in best:
                logit += _LURE_WITH_NUMBER
            notes.append("phone")
            spans += [Span(p.start, p.end) for p in phones]
        if links:
            worst = max(links, key=lambda link: _LINK_WEIGHTS[link.kind])
            logit += _LINK_WEIGHTS[worst.kind]
            brand = f"({worst.brand})" if worst.brand and worst.kind != "official" else ""
            notes.append(f"link={worst.kind}{brand}")
            spans += [Span(link.start, link.end) for link in links if link.kind not in ("plain", "official")]
        score = 1.0 / (1.0 + math.exp(-logit))
        if score < _MIN_SCORE or not spans:
            return []
        return [
            Signal(
                policy=POLICY,
                score=round(score, 4),
                detector=self.name,
                version=self.version,
                spans=merge_spans(spans),
                note="scam:" + ";".join(notes),
            )
        ]
