"""Shared checks for the phrase-rule detectors' case tables (not a test module)."""

from __future__ import annotations

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.signals import Context, Signal
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise


def item(text: str, context: Context | None = None) -> Item:
    """An item as the moderator builds it."""
    norm = normalise(text)
    return Item(text, norm, identify(norm), context or Context())


def signal_for(detector: Detector, text: str, policy: str, context: Context | None = None) -> Signal | None:
    """The detector's signal for `policy` on `text`, or None."""
    return next((s for s in detector.detect(item(text, context)) if s.policy == policy), None)


def check_case(detector: Detector, text: str, policy: str, low: float, high: float, evidence: str) -> None:
    """`policy` scores within [low, high] (0 = no signal) and `evidence` lies inside one span."""
    signal = signal_for(detector, text, policy)
    score = signal.score if signal else 0.0
    assert low <= score <= high, f"{policy} scored {score} on {text!r}"
    if signal is None or not evidence:
        return
    start = text.index(evidence)
    end = start + len(evidence)
    assert any(s.start <= start and end <= s.end for s in signal.spans), (
        f"{evidence!r} not inside spans {[text[s.start : s.end] for s in signal.spans]}"
    )
