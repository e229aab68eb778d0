"""The verdict: what to do with one item, why, and which versions said so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from hifazat.core.signals import Language, Signal, Span

Action = Literal["allow", "label", "restrict", "review", "remove"]
ACTIONS: tuple[Action, ...] = ("allow", "label", "restrict", "review", "remove")
SEVERITY: dict[str, int] = {action: rank for rank, action in enumerate(ACTIONS)}
Band = Literal["high", "medium", "low"]


def stricter(a: Action, b: Action) -> Action:
    """The more severe of two actions (allow < label < restrict < review < remove)."""
    return a if SEVERITY[a] >= SEVERITY[b] else b


@dataclass(frozen=True, slots=True)
class Finding:
    """What the engine concluded about one policy for one item."""

    policy: str
    score: float
    band: Band
    action: Action
    tier: int
    detectors: tuple[str, ...]
    spans: tuple[Span, ...]
    evidence: tuple[str, ...]
    """The original substrings behind `spans`, for people."""


@dataclass(frozen=True, slots=True)
class RuleHit:
    """An operator rule that matched; in shadow mode it is recorded, not enforced."""

    rule: str
    action: Action
    shadow: bool
    policies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The engine's decision for one item; replayable from the versions it records."""

    action: Action
    findings: tuple[Finding, ...]
    signals: tuple[Signal, ...]
    language: Language
    reasons_en: tuple[str, ...]
    reasons_ur: tuple[str, ...]
    guidelines_version: str
    engine_version: str
    detector_versions: Mapping[str, str] = field(default_factory=dict)
    """Shared between verdicts of one engine; treat as read-only."""
    rules: tuple[RuleHit, ...] = ()
    support: bool = False
    """True when the person may need help (self-harm): show helplines, route to review."""

    @property
    def policies(self) -> list[str]:
        """Policies that moved the action away from `allow`, most severe first."""
        return [f.policy for f in self.findings if f.action != "allow"]

    @property
    def scores(self) -> dict[str, float]:
        return {f.policy: round(f.score, 4) for f in self.findings}

    def reasons(self, lang: str) -> tuple[str, ...]:
        return self.reasons_ur if lang == "ur" else self.reasons_en

    def to_dict(self, *, item_id: str | None = None) -> dict[str, Any]:
        """The machine form shared by `hifazat moderate`, `--json` and `POST /v1/moderate`."""
        out: dict[str, Any] = {}
        if item_id is not None:
            out["id"] = item_id
        out.update(
            {
                "action": self.action,
                "policies": self.policies,
                "scores": self.scores,
                "language": self.language,
                "signals": [
                    {
                        "policy": s.policy,
                        "score": round(s.score, 4),
                        "detector": s.detector,
                        "version": s.version,
                        "spans": [[sp.start, sp.end] for sp in s.spans],
                        "note": s.note,
                    }
                    for s in self.signals
                ],
                "findings": [
                    {
                        "policy": f.policy,
                        "score": round(f.score, 4),
                        "band": f.band,
                        "action": f.action,
                        "tier": f.tier,
                        "detectors": list(f.detectors),
                        "spans": [[sp.start, sp.end] for sp in f.spans],
                        "evidence": list(f.evidence),
                    }
                    for f in self.findings
                ],
                "reasons": {"en": list(self.reasons_en), "ur": list(self.reasons_ur)},
                "rules": [
                    {"rule": r.rule, "action": r.action, "shadow": r.shadow, "policies": list(r.policies)}
                    for r in self.rules
                ],
                "support": self.support,
                "guidelines_version": self.guidelines_version,
                "engine_version": self.engine_version,
                "detector_versions": dict(self.detector_versions),
            }
        )
        return out
