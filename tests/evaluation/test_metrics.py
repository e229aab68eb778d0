"""Metrics against hand-computed values."""

from __future__ import annotations

import pytest

from hifazat.evaluation.metrics import classification_report, format_report, roc_auc


def test_binary_report_matches_hand_computation() -> None:
    truth = ["1", "1", "1", "0", "0", "0", "0", "0"]
    pred = ["1", "1", "0", "1", "0", "0", "0", "0"]
    r = classification_report(truth, pred, ["0", "1"])
    # class 1: tp 2, fp 1, fn 1 -> P = R = F1 = 2/3; class 0: tp 4, fp 1, fn 1 -> 0.8
    assert r.metric("f1:1") == pytest.approx(2 / 3)
    assert r.metric("f1:0") == pytest.approx(0.8)
    assert r.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)
    assert r.weighted_f1 == pytest.approx((3 * 2 / 3 + 5 * 0.8) / 8)
    assert r.accuracy == pytest.approx(6 / 8)
    assert r.mcc == pytest.approx((2 * 4 - 1 * 1) / (3 * 3 * 5 * 5) ** 0.5)


def test_class_never_predicted_has_zero_f1_not_an_error() -> None:
    r = classification_report(["a", "b"], ["a", "a"], ["a", "b", "c"])
    assert r.metric("f1:b") == 0.0
    assert r.metric("f1:c") == 0.0


@pytest.mark.parametrize(
    ("positive", "scores", "expected"),
    [
        ([True, False], [0.9, 0.1], 1.0),  # perfect ranking
        ([True, False], [0.1, 0.9], 0.0),  # inverted
        ([True, False, True, False], [0.5, 0.5, 0.5, 0.5], 0.5),  # all tied
        ([True, True], [0.3, 0.4], None),  # one class only
    ],
)
def test_roc_auc(positive: list[bool], scores: list[float], expected: float | None) -> None:
    assert roc_auc(positive, scores) == expected


def test_auc_uses_the_named_positive_label() -> None:
    # RUHSOLD task 1: the score is P(abusive) and abusive is label "0", listed first.
    r = classification_report(["0", "1"], ["0", "1"], ["0", "1"], scores=[0.9, 0.2], positive="0")
    assert r.roc_auc == 1.0


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        classification_report(["a", "b"], ["a"], ["a", "b"])


def test_format_report_lists_every_class() -> None:
    text = format_report(classification_report(["x", "y"], ["x", "x"], ["x", "y"]))
    assert "x " in text and "y " in text and "macro F1" in text
