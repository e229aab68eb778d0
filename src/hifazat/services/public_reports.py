"""Reports from the public Safety Centre form, and the figures the transparency page draws.

`check_report` lists every problem with a draft as (field, code) pairs, so the web form can
show each one in the reader's language; `submit_report` refuses a draft with problems, and files a good
one into the enforcement workflow in the same transaction (`hifazat.services.public_routing`):
`report_progress` then follows its review task.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.public_routing import Progress, progress, route_public_report
from hifazat.services.report_targets import EngineCheck
from hifazat.storage.database import transaction
from hifazat.storage.public_reports import PublicReport, PublicReportStore, ReportCount

__all__ = [
    "STATUSES",
    "PublicReport",
    "ReportCount",
    "ReportDraft",
    "ReportProblem",
    "TransparencyFigures",
    "check_report",
    "normalise_reference",
    "report_progress",
    "report_status",
    "submit_report",
    "transparency_figures",
]

STATUSES = ("received", "in_review", "actioned", "no_violation")
LIMITS = {"location": 500, "details": 2000, "contact": 200}
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford-like: no 0/O, 1/I/L or U, so a reference read aloud over the phone is unambiguous."""
REFERENCE = re.compile(r"^HZ-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 -]{6,18}[0-9]$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ReportDraft:
    """What someone typed into the report form."""

    policy_id: str
    location: str
    details: str = ""
    contact: str = ""
    language: str = "en"


@dataclass(frozen=True, slots=True)
class ReportProblem:
    """One thing wrong with a draft: the field and a stable code the web layer translates."""

    field: str
    code: str
    """required, unknown_reason, too_long, bad_contact, control_characters, unknown_language."""


@dataclass(frozen=True, slots=True)
class TransparencyFigures:
    """Counts per quarter, policy and language, from one named source."""

    source: str
    """`public_reports` today; the enforcement service will add `enforcement_actions`."""
    rows: list[ReportCount]

    def by_quarter(self) -> list[tuple[str, int]]:
        """Totals per quarter, oldest first."""
        return _totals(self.rows, lambda row: row.quarter, by_key=True)

    def by_policy(self) -> list[tuple[str, int]]:
        """Totals per policy id, largest first."""
        return _totals(self.rows, lambda row: row.policy_id)

    def by_language(self) -> list[tuple[str, int]]:
        """Totals per language, largest first."""
        return _totals(self.rows, lambda row: row.language)

    @property
    def total(self) -> int:
        """All reports counted."""
        return sum(row.count for row in self.rows)


def _totals(
    rows: list[ReportCount], key: Callable[[ReportCount], str], *, by_key: bool = False
) -> list[tuple[str, int]]:
    tally: dict[str, int] = {}
    for row in rows:
        name = key(row)
        tally[name] = tally.get(name, 0) + row.count
    if by_key:
        return sorted(tally.items())
    return sorted(tally.items(), key=lambda item: (-item[1], item[0]))


def check_report(draft: ReportDraft, *, known_policies: Collection[str]) -> list[ReportProblem]:
    """Every problem with `draft`; an empty list means it can be submitted."""
    problems: list[ReportProblem] = []
    if not draft.policy_id:
        problems.append(ReportProblem("reason", "required"))
    elif draft.policy_id not in known_policies:
        problems.append(ReportProblem("reason", "unknown_reason"))
    if not draft.location.strip():
        problems.append(ReportProblem("location", "required"))
    for field in ("location", "details", "contact"):
        value: str = getattr(draft, field)
        if len(value) > LIMITS[field]:
            problems.append(ReportProblem(field, "too_long"))
        elif CONTROL.search(value):
            problems.append(ReportProblem(field, "control_characters"))
    contact = draft.contact.strip()
    if contact and len(contact) <= LIMITS["contact"] and not (EMAIL.match(contact) or PHONE.match(contact)):
        problems.append(ReportProblem("contact", "bad_contact"))
    if draft.language not in ("en", "ur"):
        problems.append(ReportProblem("language", "unknown_language"))
    return problems


def _new_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HZ-{chars[:4]}-{chars[4:]}"


def normalise_reference(text: str) -> str | None:
    """The reference in canonical form (`HZ-XXXX-XXXX`), or None when it cannot be one."""
    compact = re.sub(r"[\s-]", "", text.strip().upper())
    compact = compact.removeprefix("HZ")
    if len(compact) != 8:
        return None
    candidate = f"HZ-{compact[:4]}-{compact[4:]}"
    return candidate if REFERENCE.match(candidate) else None


def submit_report(
    sessions: sessionmaker[Session],
    draft: ReportDraft,
    *,
    known_policies: Collection[str],
    guideline_version: str,
    now: datetime | None = None,
    check: EngineCheck | None = None,
) -> PublicReport:
    """Store a report, file it into the enforcement workflow when its location names content or an
    account we know (`check` runs the engine on a profile made at report time), and return it with its
    new reference number."""
    problems = check_report(draft, known_policies=known_policies)
    if problems:
        listed = ", ".join(f"{p.field}: {p.code}" for p in problems)
        raise InvalidInputError(f"the report cannot be stored ({listed})", hint="fix the fields listed")
    moment = now or datetime.now(UTC)
    with transaction(sessions) as session:
        store = PublicReportStore(session)
        reference = _new_reference()
        while store.reference_taken(reference):
            reference = _new_reference()
        stored = store.add(
            PublicReport(
                reference=reference,
                policy_id=draft.policy_id,
                guideline_version=guideline_version,
                location=draft.location.strip(),
                details=draft.details.strip(),
                contact=draft.contact.strip(),
                language=draft.language,
                status="received",
                created_at=moment,
                updated_at=moment,
            )
        )
        route_public_report(
            session=session, catalogue=default_catalogue(), report=stored, check=check, now=moment
        )
        return stored


def report_status(sessions: sessionmaker[Session], *, reference: str) -> PublicReport:
    """The report with this reference; NotFoundError when there is none."""
    canonical = normalise_reference(reference)
    if canonical is None:
        raise InvalidInputError("that is not a report reference", hint="references look like HZ-4K7M-Q2XD")
    return report_progress(sessions, reference=canonical)[0]


def report_progress(sessions: sessionmaker[Session], *, reference: str) -> tuple[PublicReport, Progress]:
    """The report with this reference, its status following the review task, and whether its location
    was matched; NotFoundError when there is none. Nothing about the reported account is returned."""
    canonical = normalise_reference(reference)
    if canonical is None:
        raise InvalidInputError("that is not a report reference", hint="references look like HZ-4K7M-Q2XD")
    with transaction(sessions) as session:
        found = PublicReportStore(session).by_reference(canonical)
        if found is None:
            raise NotFoundError(f"no report {canonical}", hint="check the reference you were given")
        live = progress(session, found)
    return replace(found, status=live.status), live


def transparency_figures(sessions: sessionmaker[Session]) -> TransparencyFigures:
    """What the transparency page draws. Today: reports received through the public form."""
    with transaction(sessions) as session:
        rows = PublicReportStore(session).counts()
    return TransparencyFigures(source="public_reports", rows=rows)
