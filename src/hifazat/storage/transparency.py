"""The facts the transparency report is computed from, read for one quarter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hifazat.core.enforcement.transparency import AppealFact, LegalFact, Removal
from hifazat.storage.appeals import AppealRow
from hifazat.storage.content import ContentRow
from hifazat.storage.decisions import DecisionRow
from hifazat.storage.reports import ReportRow


class TransparencyStore:
    """Read-only queries over decisions, appeals and legal requests."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def removals(self, start: datetime, end: datetime) -> list[Removal]:
        """Items removed by a decision taken in `[start, end)`."""
        rows = self._session.execute(
            select(
                DecisionRow.policy,
                ContentRow.language,
                ContentRow.created_at,
                DecisionRow.decided_at,
                DecisionRow.views,
                DecisionRow.proactive,
            )
            .join(ContentRow, ContentRow.id == DecisionRow.content_id)
            .where(
                DecisionRow.outcome == "remove", DecisionRow.decided_at >= start, DecisionRow.decided_at < end
            )
        ).all()
        return [
            Removal(p, lang, posted, decided, views, bool(proactive))
            for p, lang, posted, decided, views, proactive in rows
        ]

    def appeals(self, start: datetime, end: datetime) -> list[AppealFact]:
        """Appeals filed or resolved in `[start, end)`."""
        rows = self._session.execute(
            select(
                DecisionRow.policy,
                ContentRow.language,
                AppealRow.created_at,
                AppealRow.resolved_at,
                AppealRow.state,
            )
            .join(DecisionRow, DecisionRow.id == AppealRow.decision_id)
            .join(ContentRow, ContentRow.id == DecisionRow.content_id)
            .where(
                or_(
                    (AppealRow.created_at >= start) & (AppealRow.created_at < end),
                    (AppealRow.resolved_at >= start) & (AppealRow.resolved_at < end),
                )
            )
        ).all()
        return [
            AppealFact(p, lang, filed, resolved, state == "overturned")
            for p, lang, filed, resolved, state in rows
        ]

    def legal(self, start: datetime, end: datetime) -> list[LegalFact]:
        """Legal requests received in `[start, end)`, with the decision on their task, if any."""
        rows = self._session.execute(
            select(
                ReportRow.policy,
                ContentRow.language,
                ReportRow.created_at,
                ReportRow.due_at,
                DecisionRow.decided_at,
                DecisionRow.outcome,
            )
            .join(ContentRow, ContentRow.id == ReportRow.content_id)
            .outerjoin(DecisionRow, DecisionRow.task_id == ReportRow.task_id)
            .where(ReportRow.source == "legal", ReportRow.created_at >= start, ReportRow.created_at < end)
        ).all()
        facts: list[LegalFact] = []
        for policy, language, received, due, decided, outcome in rows:
            complied = outcome in ("remove", "restrict_adults")
            facts.append(LegalFact(policy, language, received, due or received, decided, complied))
        return facts
