"""Migration 0600 builds exactly the table the public-report link model describes, on every backend, and
the link store reads back what it wrote."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session
from test_safety_schema import _tables_in

from hifazat.storage.models import Base
from hifazat.storage.public_report_links import PublicReportLink, PublicReportLinkStore
from hifazat.storage.public_reports import PublicReport, PublicReportStore

TABLE = "public_report_links"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_the_model_matches_the_migration(engine: Engine) -> None:
    assert TABLE in inspect(engine).get_table_names()
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert [d for d in diffs if TABLE in _tables_in(d)] == []


def test_links_round_trip_and_unmatched_ones_are_listed_oldest_first(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        reports = PublicReportStore(session)
        links = PublicReportLinkStore(session)
        for n, reference in enumerate(("HZ-AAAA-AAA2", "HZ-AAAA-AAA3", "HZ-AAAA-AAA4")):
            reports.add(
                PublicReport(reference, "regulated.scams", "2026.2", "somewhere", "", "", "en", "received",
                             NOW, NOW)
            )  # fmt: skip
            route = "unmatched" if n != 1 else "content"
            links.add(PublicReportLink(reference, route, None, None, NOW.replace(minute=10 - n)))
    with Session(engine) as session:
        links = PublicReportLinkStore(session)
        assert links.unmatched() == ["HZ-AAAA-AAA4", "HZ-AAAA-AAA2"]
        found = links.get("HZ-AAAA-AAA3")
        assert found is not None and (found.route, found.created_at) == ("content", NOW.replace(minute=9))
        assert links.get("HZ-ZZZZ-ZZZZ") is None
