"""The enforcement status of many content items at once (comment lists read it for every comment)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from hifazat.core.enforcement.vocabulary import ContentStatus, pick
from hifazat.storage.content import STATUSES, ContentRow


def content_statuses(session: Session, ids: Iterable[str]) -> dict[str, ContentStatus]:
    """The status of each item among `ids` that is a content item (one query; absent ids are left out)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(ContentRow.id, ContentRow.status).where(ContentRow.id.in_(wanted)))
    return {cid: pick(status, STATUSES, "content status") for cid, status in rows}
