"""The public transparency dashboard shows the enforcement report: decide something and its numbers move;
its CSV is the report `GET /v1/transparency` gives."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from builders import T0, account, post, verdict
from hifazat.core.guidelines import default_catalogue
from hifazat.services.decisions import decide_task
from hifazat.services.reports import file_report
from hifazat.services.review import claim_next
from hifazat.storage.unit import Database

QUARTER = "2026Q4"  # T0 falls in it


def figure(html: str, label: str) -> str:
    """The value printed beside `label` in the headline figures."""
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html)
    assert found is not None, label
    return found.group(1)


@pytest.fixture
def db(fresh_app: FastAPI) -> Database:
    return Database(fresh_app.state.runtime.engine)


def test_deciding_moves_the_dashboard(fresh_client: TestClient, db: Database) -> None:
    before = fresh_client.get("/transparency", params={"lang": "en", "quarter": QUARTER}).text
    assert "Nothing was removed" in before
    catalogue = default_catalogue()
    author, reporter = account(db, "poster", language="ur"), account(db, "watcher")
    moderator = account(db, "reviewer", role="moderator")
    post(
        db,
        catalogue,
        author,
        "scam-1",
        text="free money",
        made=verdict("remove", "regulated.scams", 0.95, "ur"),
    )
    post(db, catalogue, author, "rude-1", text="rude words", made=verdict(language="ur"))
    later = T0 + timedelta(days=2)
    with db.write() as stores:
        stores.content.add_views("rude-1", 40)
        file_report(stores=stores, catalogue=catalogue, reporter=reporter, content_id="rude-1",
                    policy_id="safety.harassment", now=later)  # fmt: skip
        task = claim_next(tasks=stores.tasks, audit=stores.audit, moderator=moderator, now=later)
        assert task is not None
        decide_task(stores=stores, catalogue=catalogue, moderator=moderator, task_id=task.id,
                    policy_id="safety.harassment", outcome="remove", now=later)  # fmt: skip
    after = fresh_client.get("/transparency", params={"lang": "en", "quarter": QUARTER}).text
    assert figure(after, "Items removed") == "2"
    assert figure(after, "Found by our systems before anyone reported them") == "50%"  # the engine's one
    assert figure(after, "Removed before anyone saw them") == "50%"  # the reported one had 40 views
    assert figure(after, "Removed within 24 hours of posting") == "50%"  # the report came two days later
    scams = catalogue.policies["regulated.scams"].title
    assert after.count("<svg") == 3 and scams.get("en") in after
    urdu = fresh_client.get("/transparency", params={"lang": "ur", "quarter": QUARTER}).text
    assert figure(urdu, "ہٹایا گیا مواد") == "2" and scams.get("ur") in urdu
    page_csv = fresh_client.get("/transparency.csv", params={"quarter": QUARTER}).text
    api_csv = fresh_client.get("/v1/transparency", params={"quarter": QUARTER, "format": "csv"}).text
    assert page_csv == api_csv and "regulated.scams,ur,1" in page_csv


def test_an_unknown_quarter_shows_the_current_one_with_a_note(fresh_client: TestClient) -> None:
    html = fresh_client.get("/transparency", params={"lang": "ur", "quarter": "2026Q7"}).text
    assert "اس لیے یہاں موجودہ سہ ماہی دکھائی جا رہی ہے" in html
