"""Operator rules: CEL conditions validated on load with located errors, evaluated safely."""

from __future__ import annotations

import pytest

from hifazat.core.decide.rules import load_rules
from hifazat.core.errors import ValidationFailedError
from hifazat.core.signals import Context

POLICIES = ["regulated.scams", "safety.threats", "safety.harassment"]

GOOD = """\
rules:
  - id: new-account-scam
    when: 'signals["regulated.scams"] >= 0.4 && context.account_age_days >= 0 && context.account_age_days < 7'
    action: remove
    policies: [regulated.scams]
    reason: {en: "Scam signals from a new account.", ur: "نئے اکاؤنٹ سے فراڈ کے آثار۔"}
  - id: repeat-harasser
    when: 'signals["safety.harassment"] > 0.3 && context.prior_strikes >= 2'
    action: review
    mode: shadow
"""


def scores(**values: float) -> dict[str, float]:
    base = dict.fromkeys(POLICIES, 0.0)
    base.update({k.replace("__", "."): v for k, v in values.items()})
    return base


def test_good_file_loads_and_fires_only_when_the_condition_holds() -> None:
    rules = load_rules(GOOD, source="rules.yaml", policy_ids=POLICIES)
    assert len(rules) == 2
    young = Context(account_age_days=2)
    old = Context(account_age_days=400)
    hit = rules.evaluate(scores(regulated__scams=0.5), young, "ur", 40)
    assert [r.id for r in hit] == ["new-account-scam"]
    assert rules.evaluate(scores(regulated__scams=0.5), old, "ur", 40) == []
    # an unknown account age is -1 in expressions, so the age rule does not fire
    assert rules.evaluate(scores(regulated__scams=0.5), Context(), "ur", 40) == []
    shadow = rules.evaluate(scores(safety__harassment=0.6), Context(prior_strikes=3), "en", 10)
    assert [(r.id, r.shadow) for r in shadow] == [("repeat-harasser", True)]


def test_every_problem_is_reported_with_its_line() -> None:
    bad = """\
rules:
  - id: a
    when: 'signals["regulated.scams"] > '
    action: remove
  - id: a
    when: 'foo.bar > 1 || signals["safety.threat"] > 0.5'
    action: delete
    polices: [regulated.scams]
  - id: c
    when: 'signals["regulated.scams"] + 1'
    action: review
    policies: [regulated.scam]
  - when: 'true'
"""
    with pytest.raises(ValidationFailedError) as caught:
        load_rules(bad, source="ops/rules.yaml", policy_ids=POLICIES)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        'ops/rules.yaml:3: CEL syntax error in `when`: signals["regulated.scams"] > ',
        "ops/rules.yaml:8: unknown field 'polices'; did you mean 'policies'?",
        "ops/rules.yaml:5: duplicate rule id 'a'",
        "ops/rules.yaml:7: unknown action 'delete'; use one of allow, label, restrict, review, remove",
        "ops/rules.yaml:6: `when` names unknown policy 'safety.threat'; did you mean 'safety.threats'?",
        "ops/rules.yaml:6: `when` uses unknown name 'foo'; expressions see signals, context, language and length",
        "ops/rules.yaml:12: unknown policy 'regulated.scam'; did you mean 'regulated.scams'?",
        "ops/rules.yaml:10: `when` must be true or false, not a number",
        "ops/rules.yaml:13: rule is missing 'id'",
        "ops/rules.yaml:13: rule is missing 'action'",
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("rules: [\n  - id: x\n    when: 'true'\n   action: remove\n", "YAML"),  # bad indentation
        ("- just a list\n", "expected a mapping with `rules:`"),  # wrong top-level shape
        ("rules: {id: x}\n", "`rules` must be a list"),  # rules not a list
        ("rulez: []\n", "unknown top-level field 'rulez'"),  # misspelt top-level key
    ],
)
def test_malformed_files_fail_with_a_located_message(source: str, message: str) -> None:
    with pytest.raises(ValidationFailedError) as caught:
        load_rules(source, source="r.yaml", policy_ids=POLICIES)
    assert any(message in str(p) and str(p).startswith("r.yaml:") for p in caught.value.problems)


def test_python_is_not_reachable_from_expressions() -> None:
    hostile = 'rules:\n  - id: x\n    when: \'__import__("os").system("true") == 0\'\n    action: remove\n'
    with pytest.raises(ValidationFailedError):
        load_rules(hostile, source="r.yaml", policy_ids=POLICIES)


def test_empty_file_is_no_rules() -> None:
    assert len(load_rules("", source="r.yaml", policy_ids=POLICIES)) == 0
