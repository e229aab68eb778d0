"""Transparency arithmetic: quarters, rates, appeals and legal compliance."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hifazat.core.enforcement.transparency import (
    ALL,
    AppealFact,
    LegalFact,
    Removal,
    parse_quarter,
    quarter_of,
    report,
)
from hifazat.core.errors import InvalidInputError

T0 = datetime(2026, 11, 2, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026Q4", datetime(2026, 10, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),  # year end
        ("2026-q1", datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)),  # dash, lower case
    ],
)
def test_quarters(text: str, start: datetime, end: datetime) -> None:
    quarter = parse_quarter(text)
    assert (quarter.start, quarter.end) == (start, end)
    assert quarter_of(start) == quarter


@pytest.mark.parametrize("text", ["2026Q5", "Q4", "2026", "1999Q1", ""])
def test_bad_quarters(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_quarter(text)


def test_rates_per_policy_and_language() -> None:
    removals = [
        Removal("safety.hate", "ur", T0, T0 + H, 0, True),  # fast, unseen, proactive
        Removal("safety.hate", "ur", T0, T0 + 30 * H, 10, False),  # slow, seen, reported
        Removal("integrity.spam", "en", T0, T0 + H, 0, True),
        Removal("integrity.spam", "en", T0 - 100 * 24 * H, T0 - 99 * 24 * H, 0, True),  # another quarter
    ]
    appeals = [AppealFact("safety.hate", "ur", T0 + 2 * H, T0 + 3 * H, True)]
    legal = [
        LegalFact("safety.hate", "ur", T0, T0 + 24 * H, T0 + 6 * H, True),  # on time
        LegalFact("safety.hate", "ur", T0, T0 + 24 * H, None, False),  # still open
    ]
    rows = {(r.policy, r.language): r for r in report(parse_quarter("2026Q4"), removals, appeals, legal)}
    hate = rows[("safety.hate", "ur")]
    assert (hate.removed, hate.proactive_rate, hate.before_view_rate, hate.within_24h_rate) == (
        2,
        0.5,
        0.5,
        0.5,
    )
    assert (hate.appeals, hate.reinstated) == (1, 1)
    assert (hate.legal_requests, hate.legal_complied, hate.legal_median_hours) == (2, 1, 6.0)
    assert hate.legal_within_deadline_rate == 0.5
    total = rows[(ALL, ALL)]
    assert total.removed == 3 and total.proactive_rate == round(2 / 3, 4)
    assert (
        rows[("integrity.spam", "en")].appeals == 0 and rows[("integrity.spam", "en")].before_view_rate == 1.0
    )
