"""Phrase rules: the spelling-tolerant rewrite, the keyword gate and located validation errors."""

from __future__ import annotations

import re

import pytest

from hifazat.core.detectors.phrase_patterns import (
    KeywordGate,
    PhraseMatcher,
    key_variants,
    load_phrase_rules,
    merge_spans,
    tolerant,
)
from hifazat.core.errors import ValidationFailedError
from hifazat.core.signals import Span
from hifazat.core.text.normalise import normalise


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"\bkill\b", "kiill", True),  # squeezed repeat left by the normaliser
        (r"\bkill\b", "kil", True),  # single-letter spelling
        (r"\bmaar dunga\b", "mar doonga", False),  # `u` is not `oo`: the rule must say so itself
        (r"\bd[ou]nga\b", "duunga", True),  # a class repeats too
        (r"\bwa?jib\b", "waajib", True),  # an optional letter may repeat
        (r"\bwa?jib\b", "wjib", True),  # ... or be absent
        (r"\bx{2}\b", "xxx", False),  # explicit counts are kept
        (r"گلا کاٹ", "گلاا کاٹ", True),  # Urdu letters repeat
        (r"کتاب", "كتاب", True),  # Arabic kaf for Urdu kaf
        (r"(?P<t>you)\s+die", "youu  die", True),  # group heads and escapes survive
    ],
)
def test_tolerant_rewrite(pattern: str, text: str, matches: bool) -> None:
    assert bool(re.search(tolerant(pattern), text)) is matches


def test_key_variants_cover_single_and_double_letters() -> None:
    assert {"mar", "maar", "mmarr"} <= key_variants("mar")
    assert "fe" not in key_variants("fee")  # a letter the stem doubles stays double
    assert {"گلا", "گللا", "كلا"} & key_variants("گلا") == {"گلا", "گللا"}


def test_gate_returns_rules_in_order() -> None:
    gate = KeywordGate([("kill", 2), ("mar", 0), ("dead", 1)])
    assert gate.candidates("i will kiill you, you're dead") == [1, 2]
    assert gate.candidates("nothing here") == []
    assert gate.any("maar") and not gate.any("hello")


def test_merge_spans_joins_overlaps() -> None:
    assert merge_spans([Span(5, 9), Span(0, 3), Span(2, 4), Span(9, 10)]) == (Span(0, 4), Span(5, 10))


GOOD = """
macros:
  VERB: '(?:kill|shoot)'
rules:
  - id: t.one
    policy: safety.threats
    score: 0.9
    keys: [kill, shoot]
    pattern: '\\bi will %VERB% you\\b'
"""


def test_loads_and_matches() -> None:
    rules = load_phrase_rules("inline.yaml", policies=["safety.threats"], text=GOOD)
    text = normalise("I will shoooooot you").text  # the normaliser leaves at most two
    [(rule, match)] = list(PhraseMatcher(rules).find(text))
    assert rule.id == "t.one" and match.group() == "i will shoot you"


BAD = """rules:
  - id: t.one
    policy: safety.nope
    score: 2
    keys: []
    pattern: '(unclosed'
  - id: t.one
    policy: safety.threats
    score: 0.5
    keys: [x]
    pattern: '%MISSING%'
"""


def test_every_problem_is_reported_with_its_line() -> None:
    with pytest.raises(ValidationFailedError) as info:
        load_phrase_rules("bad.yaml", policies=["safety.threats"], text=BAD)
    lines = [(p.line, p.message) for p in info.value.problems]
    assert [line for line, _ in lines] == [2, 2, 2, 2, 7, 7]
    messages = " | ".join(m for _, m in lines)
    for expected in (
        "policy 'safety.nope'",
        "`score`",
        "`keys`",
        "does not compile",
        "duplicate id",
        "MISSING",
    ):
        assert expected in messages


def test_not_yaml_is_a_located_error() -> None:
    with pytest.raises(ValidationFailedError) as info:
        load_phrase_rules("broken.yaml", policies=["x"], text="rules: [\n  - id: a\n  bad")
    assert info.value.problems[0].file == "broken.yaml"
    assert "not valid YAML" in info.value.problems[0].message
