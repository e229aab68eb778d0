"""Public reports: validation codes, reference numbers, status look-up and transparency counts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.services.public_reports import (
    REFERENCE,
    ReportDraft,
    ReportProblem,
    check_report,
    normalise_reference,
    report_status,
    submit_report,
    transparency_figures,
)
from hifazat.storage.database import session_factory

KNOWN = {"regulated.scams", "safety.harassment"}


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.mark.parametrize(
    ("draft", "problems"),
    [
        # a complete report in Urdu
        (ReportDraft("regulated.scams", "@fake_bisp", "کوڈ مانگ رہا تھا", "0300-1234567", "ur"), []),
        # nothing chosen, nothing said
        (ReportDraft("", " "), [ReportProblem("reason", "required"), ReportProblem("location", "required")]),
        # a reason that is not a policy
        (ReportDraft("safety.rudeness", "@x"), [ReportProblem("reason", "unknown_reason")]),
        # contact that is neither an email nor a phone number
        (ReportDraft("regulated.scams", "@x", contact="call me"), [ReportProblem("contact", "bad_contact")]),
        # an email address is fine
        (ReportDraft("regulated.scams", "@x", contact="ayesha@example.pk"), []),
        # details longer than 2,000 characters
        (ReportDraft("regulated.scams", "@x", details="ا" * 2001), [ReportProblem("details", "too_long")]),
        # a NUL byte hidden in the location
        (ReportDraft("regulated.scams", "@x\x00"), [ReportProblem("location", "control_characters")]),
        # an unsupported language
        (
            ReportDraft("regulated.scams", "@x", language="fr"),
            [ReportProblem("language", "unknown_language")],
        ),
    ],
)
def test_check_report(draft: ReportDraft, problems: list[ReportProblem]) -> None:
    assert check_report(draft, known_policies=KNOWN) == problems


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("HZ-4K7M-Q2XD", "HZ-4K7M-Q2XD"),  # as shown
        ("hz 4k7m q2xd", "HZ-4K7M-Q2XD"),  # read over the phone and typed loosely
        ("4K7MQ2XD", "HZ-4K7M-Q2XD"),  # without the prefix
        ("HZ-4K7M-Q2X0", None),  # 0 is not in the alphabet (O/0 are ambiguous)
        ("HZ-4K7M", None),  # too short
        ("<script>", None),  # not a reference at all
    ],
)
def test_normalise_reference(typed: str, canonical: str | None) -> None:
    assert normalise_reference(typed) == canonical


def test_submit_and_look_up(sessions: sessionmaker[Session]) -> None:
    draft = ReportDraft("regulated.scams", "https://example.pk/v/1", "OTP مانگا", "", "ur")
    report = submit_report(sessions, draft, known_policies=KNOWN, guideline_version="2026.1")
    assert REFERENCE.match(report.reference)
    found = report_status(sessions, reference=report.reference.lower().replace("-", " "))
    assert (found.reference, found.status, found.details, found.language) == (
        report.reference,
        "received",
        "OTP مانگا",
        "ur",
    )


def test_submit_refuses_a_bad_draft(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidInputError, match="reason: required"):
        submit_report(sessions, ReportDraft("", "@x"), known_policies=KNOWN, guideline_version="2026.1")


@pytest.mark.parametrize(
    ("reference", "error"),
    [
        ("HZ-2222-2222", NotFoundError),  # well formed, never issued
        ("nonsense", InvalidInputError),  # not a reference
    ],
)
def test_unknown_references(sessions: sessionmaker[Session], reference: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        report_status(sessions, reference=reference)


def test_transparency_figures_count_per_quarter_policy_and_language(sessions: sessionmaker[Session]) -> None:
    assert transparency_figures(sessions).total == 0
    moments = [datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC)]
    for moment, policy, lang in [
        (moments[0], "regulated.scams", "ur"),
        (moments[1], "regulated.scams", "ur"),
        (moments[1], "regulated.scams", "en"),
        (moments[1], "safety.harassment", "ur"),
    ]:
        draft = ReportDraft(policy, "@x", language=lang)
        submit_report(sessions, draft, known_policies=KNOWN, guideline_version="2026.1", now=moment)
    figures = transparency_figures(sessions)
    assert figures.total == 4
    assert figures.by_quarter() == [("2026-Q1", 1), ("2026-Q4", 3)]
    assert figures.by_policy() == [("regulated.scams", 3), ("safety.harassment", 1)]
    assert figures.by_language() == [("ur", 3), ("en", 1)]
