"""Review priority: severity × reach × uncertainty × reporters, bounded against mass reporting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hifazat.core.enforcement import priority as rank

T0 = datetime(2026, 10, 1, tzinfo=UTC)


def value(**changes: object) -> float:
    base: dict[str, object] = {
        "tier": 3,
        "views": 100,
        "followers": 1000,
        "score": None,
        "report_weight": 1.0,
    }
    base.update(changes)
    return rank.priority(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ({"tier": 1}, {"tier": 3}),  # more severe policy first
        ({"views": 100_000}, {"views": 10}),  # wider reach first
        ({"followers": 1_000_000}, {"followers": 10}),  # bigger account first
        ({"score": 0.5}, {"score": 0.99}),  # the model unsure: a person is needed more
        ({"report_weight": 10.0}, {"report_weight": 1.0}),  # more reports
        ({"legal": True}, {"legal": False}),  # a regulator's order
    ],
)
def test_each_factor_raises_priority(higher: dict[str, object], lower: dict[str, object]) -> None:
    assert value(**higher) > value(**lower)


def test_mass_reporting_is_capped() -> None:
    # ten thousand reports weigh no more than four times one
    assert value(report_weight=10_000.0) / value(report_weight=0.0) <= rank.MAX_REPORTER_FACTOR
    # a mass-reported spam item stays below a single report of a threat with the same reach
    assert value(tier=3, report_weight=10_000.0) < value(tier=1, report_weight=1.0)


@pytest.mark.parametrize(
    ("source", "accuracy", "weight"),
    [
        ("user", None, 1.0),  # every user counts once
        ("ambassador", None, 2.0),  # a new trusted flagger: assumed 50 % accurate
        ("ambassador", 1.0, 3.0),  # a perfectly accurate one
        ("ambassador", 0.0, 1.0),  # one who is always wrong counts like a user
        ("proactive", None, 2.0),  # the engine
    ],
)
def test_reporter_weights(source: rank.ReportSource, accuracy: float | None, weight: float) -> None:
    assert rank.ReporterWeight(source, accuracy).weight == weight


def test_due_times() -> None:
    assert rank.due_at(tier=1, opened=T0) == T0 + timedelta(hours=1)
    assert rank.due_at(tier=4, opened=T0) == T0 + timedelta(hours=72)
    legal = rank.legal_due(T0, expedited=False)
    assert legal == T0 + timedelta(hours=24)
    assert rank.due_at(tier=3, opened=T0, legal_due=rank.legal_due(T0, expedited=True)) == T0 + timedelta(
        hours=6
    )
