"""Fact-checks: the table, and the store that upserts them idempotently and keeps their claim vectors.

A fact-check is identified by `key` (a hash of its URL and claim text), so importing the same file
twice changes nothing, and re-importing a corrected rating updates the one row. Claim embeddings
are stored beside the text (float16 bytes, tagged with the embedder's name) so that a restart
does not have to embed every claim again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Date, DateTime, Integer, LargeBinary, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.claims.model import FactCheck
from hifazat.storage.models import Base, utcnow


class FactCheckRow(Base):
    """One published fact-check of one claim."""

    __tablename__ = "factchecks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    """`FactCheck.key`: sha256 of URL and claim text, shortened."""
    claim: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    """en, ur or roman-ur."""
    rating: Mapped[str] = mapped_column(String(24))
    """false, misleading, missing_context, unproven or true."""
    rating_text: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(1000))
    published: Mapped[date | None] = mapped_column(Date, nullable=True)
    embedder: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """Name of the embedder that produced `vector`; NULL until the claim is embedded."""
    vector: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    """The claim's embedding as little-endian float16 bytes."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(frozen=True, slots=True)
class UpsertCounts:
    """What an import did: new fact-checks, changed ones, and ones already stored as they are."""

    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class StoredFactCheck:
    """A fact-check as stored, with its row id and (when embedded) its vector."""

    id: int
    factcheck: FactCheck
    embedder: str | None
    vector: NDArray[np.float16] | None


def _factcheck(row: FactCheckRow) -> FactCheck:
    return FactCheck(
        claim=row.claim,
        language=row.language,  # type: ignore[arg-type]
        rating=row.rating,  # type: ignore[arg-type]
        organisation=row.organisation,
        url=row.url,
        published=row.published,
        rating_text=row.rating_text,
    )


def _same(row: FactCheckRow, fc: FactCheck) -> bool:
    return (row.language, row.rating, row.rating_text, row.organisation, row.published) == (
        fc.language,
        fc.rating,
        fc.rating_text,
        fc.organisation,
        fc.published,
    )


class FactCheckStore:
    """Fact-checks over one session. Rows never leave: methods return frozen records."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def upsert(self, factchecks: Sequence[FactCheck]) -> UpsertCounts:
        """Insert new fact-checks and update changed ones (matched by `key`); idempotent."""
        latest: dict[str, FactCheck] = {fc.key: fc for fc in factchecks}
        existing: dict[str, FactCheckRow] = {}
        keys = list(latest)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for row in self.session.scalars(select(FactCheckRow).where(FactCheckRow.key.in_(chunk))):
                existing[row.key] = row
        created = updated = unchanged = 0
        now = utcnow()
        for key, fc in latest.items():
            found = existing.get(key)
            if found is None:
                self.session.add(
                    FactCheckRow(
                        key=key,
                        claim=fc.claim,
                        language=fc.language,
                        rating=fc.rating,
                        rating_text=fc.rating_text,
                        organisation=fc.organisation,
                        url=fc.url,
                        published=fc.published,
                        created_at=now,
                        updated_at=now,
                    )
                )
                created += 1
            elif _same(found, fc):
                unchanged += 1
            else:
                row = found
                row.language, row.rating, row.rating_text = fc.language, fc.rating, fc.rating_text
                row.organisation, row.published, row.updated_at = fc.organisation, fc.published, now
                if row.embedder is not None:
                    row.embedder, row.vector = None, None
                updated += 1
        self.session.flush()
        return UpsertCounts(created, updated, unchanged)

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(FactCheckRow)) or 0)

    def revision(self) -> tuple[int, int, str]:
        """Changes whenever a fact-check is added, updated or embedded: (count, max id, newest update)."""
        count, top, newest = self.session.execute(
            select(func.count(), func.max(FactCheckRow.id), func.max(FactCheckRow.updated_at))
        ).one()
        return int(count or 0), int(top or 0), str(newest or "")

    def all(self) -> list[StoredFactCheck]:
        """Every fact-check in id order, with its vector when one is stored."""
        out: list[StoredFactCheck] = []
        for row in self.session.scalars(select(FactCheckRow).order_by(FactCheckRow.id)):
            vector = np.frombuffer(row.vector, dtype="<f2") if row.vector is not None else None
            out.append(StoredFactCheck(row.id, _factcheck(row), row.embedder, vector))
        return out

    def set_vectors(self, ids: Sequence[int], embedder: str, vectors: NDArray[np.floating]) -> None:
        """Store claim embeddings made by `embedder` for the rows `ids`."""
        if len(ids) != len(vectors):
            raise ValueError("one vector per id")
        rows = {
            r.id: r for r in self.session.scalars(select(FactCheckRow).where(FactCheckRow.id.in_(list(ids))))
        }
        for row_id, vector in zip(ids, vectors, strict=True):
            row = rows[row_id]
            row.embedder = embedder
            row.vector = np.asarray(vector, dtype="<f2").tobytes()
        self.session.flush()
