"""Head probabilities -> a data set's own labels."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.evaluation.tasks import apply_task, boost_list, gated_probabilities

P = np.asarray


def test_binary_blend_and_threshold() -> None:
    task = {"kind": "binary", "labels": ["NOT", "OFF"], "blend": {"a": 0.5, "b": 0.5}, "threshold": 0.5}
    probs = {"a": P([0.9, 0.2, 0.6]), "b": P([0.7, 0.1, 0.3])}
    assert apply_task(task, probs) == ["OFF", "NOT", "NOT"]  # means 0.8, 0.15, 0.45


def test_a_head_without_a_share_is_not_needed() -> None:
    # an embedding head the tuner left out (share 0) is never computed, so it has no probabilities
    task = {
        "kind": "binary",
        "labels": ["NOT", "OFF"],
        "blend": {"a": 0.5, "b": 0.5, "e5:a": 0.0},
        "threshold": 0.5,
    }
    probs = {"a": P([0.9, 0.2]), "b": P([0.7, 0.1])}
    assert apply_task(task, probs) == ["OFF", "NOT"]
    with pytest.raises(KeyError):
        apply_task({**task, "blend": {"a": 0.5, "e5:a": 0.5}}, probs)


def test_positive_label_can_come_first_in_the_data_set() -> None:
    # RUHSOLD task 1 calls abusive "0": the task's labels are (negative, positive) = ("1", "0").
    task = {"kind": "binary", "labels": ["1", "0"], "blend": {"abusive": 1.0}, "threshold": 0.5}
    assert apply_task(task, {"abusive": P([0.8, 0.1])}) == ["0", "1"]


def test_ordinal_cuts() -> None:
    task = {"kind": "ordinal", "labels": ["NAG", "CAG", "OAG"], "blend": {"o": 1.0}, "thresholds": [0.3, 0.6]}
    assert apply_task(task, {"o": P([0.1, 0.3, 0.59, 0.6])}) == ["NAG", "CAG", "CAG", "OAG"]


def test_multiclass_offsets_move_the_decision() -> None:
    task = {"kind": "multiclass", "labels": ["0", "1", "2"], "head": "d"}
    probs = {"d": P([[0.3, 0.4, 0.3]])}
    assert apply_task(task, probs) == ["1"]
    assert apply_task({**task, "offsets": [0.5, 0.0, 0.0]}, probs) == ["0"]


def test_gated_mix_one_is_the_pure_hierarchy() -> None:
    task = {"kind": "gated", "labels": ["0", "1", "2"], "head": "f", "gate": "g", "normal": "1",
            "classes": ["0", "1", "2"], "mix": 1.0}  # fmt: skip
    probs = {"f": P([[0.2, 0.6, 0.2]]), "g": P([0.8])}
    mixed = gated_probabilities(task, probs)
    # P(normal) = 1 - gate; the abusive mass 0.8 is shared 50/50 by classes 0 and 2
    assert np.allclose(mixed, [[0.4, 0.2, 0.4]])
    assert apply_task(task, probs) in (["0"], ["2"])


@pytest.mark.parametrize(
    ("boost", "expected"),
    [
        (None, ["1"]),  # no boost: the head alone says class 1
        ({"class": "0", "head": "h", "beta": 1.0}, ["0"]),  # one boost (the older form): P(0) becomes 0.9
        ([{"class": "2", "head": "o", "beta": 1.0, "complement": True}], ["2"]),  # P(2) = 1 - 0.05
        (
            [{"class": "0", "head": "h", "beta": 0.5}, {"class": "2", "head": "o", "beta": 0.0}],
            ["0"],
        ),  # P(0) 0.6
    ],
)
def test_multiclass_boosts(boost: object, expected: list[str]) -> None:
    task = {"kind": "multiclass", "labels": ["0", "1", "2"], "head": "d", "boost": boost}
    probs = {"d": P([[0.3, 0.4, 0.3]]), "h": P([0.9]), "o": P([0.05])}
    assert apply_task(task, probs) == expected
    expected_count = 0 if boost is None else 1 if isinstance(boost, dict) else len(boost)  # type: ignore[arg-type]
    assert len(boost_list(task)) == expected_count
