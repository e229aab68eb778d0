"""The decision step: signals + guideline thresholds + rules -> verdict, explained in en and ur."""

from __future__ import annotations

import pytest

from hifazat.core.decide.engine import DecisionEngine, combine, merge_spans
from hifazat.core.decide.rules import load_rules
from hifazat.core.detectors.base import Item
from hifazat.core.guidelines import default_catalogue
from hifazat.core.signals import Context, Signal, Span
from hifazat.core.text.normalise import normalise

CATALOGUE = default_catalogue()
ENGINE = DecisionEngine(CATALOGUE, engine_version="test")


def item(text: str, context: Context | None = None) -> Item:
    return Item(text, normalise(text), "en", context or Context())


def sig(policy: str, score: float, *spans: tuple[int, int], detector: str = "d") -> Signal:
    return Signal(policy, score, detector, "1", tuple(Span(a, b) for a, b in spans))


@pytest.mark.parametrize(
    ("signals", "action"),
    [
        ([], "allow"),  # nothing fired
        ([sig("safety.threats", 0.95, (0, 4))], "remove"),  # zero tolerance, high confidence
        ([sig("safety.threats", 0.5, (0, 4))], "review"),  # uncertain: a person decides
        ([sig("safety.threats", 0.2)], "allow"),  # below the medium band
        ([sig("safety.profanity", 0.99, (0, 4))], "label"),  # tier 4 is never removed
        ([sig("safety.profanity", 0.99), sig("safety.threats", 0.95)], "remove"),  # strictest wins
        ([sig("health.self_harm", 0.99, (0, 4))], "review"),  # self-harm never removed by itself
    ],
)
def test_actions_follow_the_guideline_bands(signals: list[Signal], action: str) -> None:
    verdict = ENGINE.decide(item("text that is long enough"), signals, {"d": "1"})
    assert verdict.action == action
    assert verdict.guidelines_version == CATALOGUE.version


def test_self_harm_sets_support_and_says_so_in_both_languages() -> None:
    verdict = ENGINE.decide(item("I want to end it all"), [sig("health.self_harm", 0.9, (0, 20))], {})
    assert verdict.support is True
    assert any("helplines" in r for r in verdict.reasons_en)
    assert any("ہیلپ لائن" in r for r in verdict.reasons_ur)


def test_evidence_is_the_original_text_behind_the_spans() -> None:
    text = "you k!ll3r, I will find you"
    verdict = ENGINE.decide(item(text), [sig("safety.threats", 0.9, (4, 10), (12, 27))], {})
    finding = verdict.findings[0]
    assert finding.evidence == ("k!ll3r", "I will find you")
    assert "“k!ll3r”" in verdict.reasons_en[0]
    assert "«k!ll3r»" in verdict.reasons_ur[0]


def test_unknown_policy_from_a_detector_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown policy"):
        ENGINE.decide(item("x"), [sig("safety.nope", 0.9)], {})


def test_nothing_found_is_explained() -> None:
    verdict = ENGINE.decide(item("hello"), [], {})
    assert verdict.reasons_en == ("No Community Guidelines issue found.",)
    assert verdict.reasons_ur[0].startswith("کمیونٹی گائیڈ لائنز")


def test_rules_escalate_and_shadow_rules_only_record() -> None:
    rules = load_rules(
        """
rules:
  - id: young-account-scam
    when: 'signals["regulated.scams"] >= 0.4 && context.account_age_days >= 0 && context.account_age_days < 7'
    action: remove
    policies: [regulated.scams]
    reason: {en: "New account.", ur: "نیا اکاؤنٹ۔"}
  - id: watch-harassment
    when: 'signals["safety.harassment"] > 0.1'
    action: remove
    mode: shadow
""",
        source="r.yaml",
        policy_ids=CATALOGUE.policies,
    )
    engine = DecisionEngine(CATALOGUE, rules, engine_version="test")
    scam = [sig("regulated.scams", 0.55, (0, 5))]
    assert engine.decide(item("click", Context(account_age_days=400)), scam, {}).action == "review"
    young = engine.decide(item("click", Context(account_age_days=2)), scam, {})
    assert young.action == "remove"
    assert [h.rule for h in young.rules] == ["young-account-scam"]
    assert any("young-account-scam" in r for r in young.reasons_en)
    shadow = engine.decide(item("loser"), [sig("safety.harassment", 0.3, (0, 5))], {})
    assert shadow.action == "allow"
    assert [(h.rule, h.shadow) for h in shadow.rules] == [("watch-harassment", True)]


def test_override_rule_can_soften() -> None:
    rules = load_rules(
        "rules:\n  - id: newsroom\n    when: 'context.extra[\"newsroom\"] == true'\n    action: review\n"
        "    override: true\n",
        source="r.yaml",
        policy_ids=CATALOGUE.policies,
    )
    engine = DecisionEngine(CATALOGUE, rules, engine_version="test")
    threat = [sig("safety.threats", 0.95, (0, 4))]
    assert engine.decide(item("news", Context(extra={"newsroom": True})), threat, {}).action == "review"
    assert engine.decide(item("news", Context(extra={"newsroom": False})), threat, {}).action == "remove"


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.9], 0.9),  # one detector
        ([0.6, 0.6], 0.72),  # agreement lifts the score
        ([0.9, 0.1], 0.905),  # a weak second opinion barely moves it
        ([1.0, 1.0], 1.0),  # capped
    ],
)
def test_combine(scores: list[float], expected: float) -> None:
    assert combine(scores) == pytest.approx(expected)


def test_merge_spans_joins_overlaps() -> None:
    assert merge_spans([Span(5, 8), Span(0, 3), Span(2, 4), Span(8, 9)]) == (Span(0, 4), Span(5, 9))


def test_verdict_dict_shape() -> None:
    verdict = ENGINE.decide(
        item("you are dead"), [sig("safety.threats", 0.95, (0, 12), detector="threats")], {"threats": "1"}
    )
    data = verdict.to_dict(item_id="42")
    assert data["id"] == "42"
    assert data["policies"] == ["safety.threats"]
    assert data["signals"][0] == {
        "policy": "safety.threats",
        "score": 0.95,
        "detector": "threats",
        "version": "1",
        "spans": [[0, 12]],
        "note": "",
    }
    assert data["detector_versions"] == {"threats": "1"}


def test_a_model_alone_never_bans_and_never_flags_a_word_policy() -> None:
    engine = DecisionEngine(CATALOGUE, engine_version="test", statistical=frozenset({"model"}))
    threat = [sig("safety.threats", 0.95, (0, 4), detector="model")]
    assert engine.decide(item("text here"), threat, {}).action == "review"
    corroborated = [*threat, sig("safety.threats", 0.9, (0, 4), detector="rules")]
    assert engine.decide(item("text here"), corroborated, {}).action == "remove"
    profanity = [sig("safety.profanity", 0.99, detector="model")]
    assert engine.decide(item("Scunthorpe"), profanity, {}).action == "allow"
    harassment = [sig("safety.harassment", 0.95, (0, 4), detector="model")]
    assert engine.decide(item("text here"), harassment, {}).action == "remove"
