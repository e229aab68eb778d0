"""Edit distance used for look-alike domains and misspelt keywords."""

from __future__ import annotations

import pytest

from hifazat.core.text.distance import osa_distance


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("jazzcash", "jazzcash", 0),  # same
        ("jazzcash", "jazcash", 1),  # one deletion
        ("easypaisa", "easypiasa", 1),  # neighbours swapped count once
        ("hbl", "ubl", 1),  # one substitution
        ("", "bisp", 4),  # all insertions
        ("کتا", "کتے", 1),  # Urdu letters are characters like any other
    ],
)
def test_distance(a: str, b: str, expected: int) -> None:
    assert osa_distance(a, b) == expected
    assert osa_distance(b, a) == expected


def test_limit_stops_early_with_limit_plus_one() -> None:
    assert osa_distance("meezanbank", "m", limit=2) == 3
    assert osa_distance("nadra", "nadraa", limit=2) == 1
