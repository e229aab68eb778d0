"""Signals + guideline thresholds + operator rules -> Verdict. Pure, deterministic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hifazat.core.decide import messages
from hifazat.core.decide.rules import RuleSet
from hifazat.core.decide.verdict import SEVERITY, Action, Band, Finding, RuleHit, Verdict, stricter
from hifazat.core.detectors.base import Item
from hifazat.core.guidelines import Catalogue
from hifazat.core.signals import Language, Signal, Span

SELF_HARM = "health.self_harm"
WORD_POLICIES = frozenset({"safety.profanity"})
"""Policies about particular words: a model's score without any matched word is not enough."""
NOTHING_EN = (messages.NOTHING_FOUND["en"],)
NOTHING_UR = (messages.NOTHING_FOUND["ur"],)
NEVER_REMOVED_ALONE = frozenset({SELF_HARM})


def combine(scores: list[float]) -> float:
    """One policy score from several detectors: the strongest, lifted a little by a second opinion."""
    ordered = sorted(scores, reverse=True)
    top = ordered[0]
    if len(ordered) > 1:
        top = top + (1.0 - top) * ordered[1] * 0.5
    return min(1.0, top)


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, overlapping or touching spans joined."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class _PolicyFacts:
    """What deciding needs of one policy, looked up once instead of per item."""

    tier: int
    high: float
    medium: float
    actions: Mapping[str, Action]
    title_en: str
    title_ur: str
    support_only: bool


class DecisionEngine:
    """Turns one item's signals into a verdict under a guideline catalogue and a rule set."""

    def __init__(
        self,
        catalogue: Catalogue,
        rules: RuleSet | None = None,
        *,
        engine_version: str,
        statistical: frozenset[str] = frozenset(),
    ) -> None:
        """`statistical`: names of detectors whose evidence alone never removes under a
        zero-tolerance policy (it goes to review) and never flags a word policy."""
        self.statistical = statistical
        self.catalogue = catalogue
        self.rules = rules or RuleSet()
        self.engine_version = engine_version
        self._zero = dict.fromkeys(catalogue.policies, 0.0)
        self._facts = {
            pid: _PolicyFacts(
                tier=p.tier,
                high=p.thresholds.high,
                medium=p.thresholds.medium,
                actions=dict(p.actions),
                title_en=p.title.en,
                title_ur=p.title.ur,
                support_only=pid in NEVER_REMOVED_ALONE,
            )
            for pid, p in catalogue.policies.items()
        }
        self._clean_cache: dict[tuple[Language, int], Verdict] = {}

    def decide(self, item: Item, signals: list[Signal], detector_versions: Mapping[str, str]) -> Verdict:
        if not signals:
            return self._clean(item.language, detector_versions)
        by_policy: dict[str, list[Signal]] = {}
        for signal in signals:
            group = by_policy.get(signal.policy)
            if group is None:
                if signal.policy not in self._facts:
                    raise ValueError(f"detector {signal.detector!r} emitted unknown policy {signal.policy!r}")
                by_policy[signal.policy] = [signal]
            else:
                group.append(signal)

        findings: list[Finding] = []
        action: Action = "allow"
        support = False
        text = item.text
        for policy_id, group in by_policy.items():
            facts = self._facts[policy_id]
            score = group[0].score if len(group) == 1 else combine([s.score for s in group])
            band: Band = "high" if score >= facts.high else "medium" if score >= facts.medium else "low"
            policy_action = facts.actions[band]
            if facts.support_only:
                if band != "low":
                    support = True
                if policy_action == "remove":
                    policy_action = "review"
            if self.statistical and all(s.detector in self.statistical for s in group):
                # A model alone may be wrong: no automatic ban, no word filter without a word.
                if policy_id in WORD_POLICIES:
                    policy_action = "allow"
                elif facts.tier == 1 and policy_action == "remove":
                    policy_action = "review"
            if len(group) == 1:  # the common case: one detector, spans usually one range
                first = group[0]
                spans = first.spans if len(first.spans) < 2 else merge_spans(list(first.spans))
                detectors: tuple[str, ...] = (first.detector,)
            else:
                spans = merge_spans([sp for s in group for sp in s.spans])
                detectors = tuple(sorted({s.detector for s in group}))
            findings.append(
                Finding(
                    policy=policy_id,
                    score=score,
                    band=band,
                    action=policy_action,
                    tier=facts.tier,
                    detectors=detectors,
                    spans=spans,
                    evidence=tuple(text[sp.start : sp.end] for sp in spans),
                )
            )
            if SEVERITY[policy_action] > SEVERITY[action]:
                action = policy_action
        if len(findings) > 1:
            findings.sort(key=lambda f: (f.tier, -f.score, f.policy))

        hits: list[RuleHit] = []
        if self.rules:
            scores = dict(self._zero)
            scores.update({f.policy: f.score for f in findings})
            for rule in self.rules.evaluate(scores, item.context, item.language, len(item.text)):
                hits.append(RuleHit(rule.id, rule.action, rule.shadow, rule.policies))
                if rule.shadow:
                    continue
                action = rule.action if rule.override else stricter(action, rule.action)

        reasons_en, reasons_ur = self._reasons(findings, hits, support)
        return Verdict(
            action=action,
            findings=tuple(findings),
            signals=tuple(signals),
            language=item.language,
            reasons_en=reasons_en,
            reasons_ur=reasons_ur,
            guidelines_version=self.catalogue.version,
            engine_version=self.engine_version,
            detector_versions=detector_versions,
            rules=tuple(hits),
            support=support,
        )

    def _clean_verdict(self, language: Language, detector_versions: Mapping[str, str]) -> Verdict:
        return Verdict(
            action="allow",
            findings=(),
            signals=(),
            language=language,
            reasons_en=NOTHING_EN,
            reasons_ur=NOTHING_UR,
            guidelines_version=self.catalogue.version,
            engine_version=self.engine_version,
            detector_versions=detector_versions,
        )

    def _clean(self, language: Language, detector_versions: Mapping[str, str]) -> Verdict:
        """The verdict for an item without signals, shared (it is immutable) by every such item of
        one language under the same detector versions."""
        key = (language, id(detector_versions))
        cached = self._clean_cache.get(key)
        if cached is None or cached.detector_versions is not detector_versions:
            if len(self._clean_cache) > 64:
                self._clean_cache.clear()
            cached = self._clean_cache[key] = self._clean_verdict(language, detector_versions)
        return cached

    def _reasons(
        self, findings: list[Finding], hits: list[RuleHit], support: bool
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        en: list[str] = []
        ur: list[str] = []
        for f in findings:
            if f.action == "allow":
                continue
            facts = self._facts[f.policy]
            en.append(messages.finding_reason("en", facts.title_en, f.evidence, f.action, f.score))
            ur.append(messages.finding_reason("ur", facts.title_ur, f.evidence, f.action, f.score))
        for hit in hits:
            rule = next(r for r in self.rules.rules if r.id == hit.rule)
            shadow_en = messages.SHADOW["en"] if hit.shadow else ""
            shadow_ur = messages.SHADOW["ur"] if hit.shadow else ""
            en.append(
                messages.RULE["en"].format(rule=hit.rule, action=messages.ACTION_TEXT[hit.action]["en"])
                + (f" {rule.reason_en}" if rule.reason_en else "")
                + shadow_en
            )
            ur.append(
                messages.RULE["ur"].format(rule=hit.rule, action=messages.ACTION_TEXT[hit.action]["ur"])
                + (f" {rule.reason_ur}" if rule.reason_ur else "")
                + shadow_ur
            )
        if support:
            en.append(messages.SUPPORT["en"])
            ur.append(messages.SUPPORT["ur"])
        if not en:
            return NOTHING_EN, NOTHING_UR
        return tuple(en), tuple(ur)
