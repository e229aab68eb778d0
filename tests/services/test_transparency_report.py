"""The transparency report over real decisions, appeals and a legal request."""

from __future__ import annotations

from datetime import timedelta

from flow import claimed, decided, remove

from builders import T0, account, post, verdict
from hifazat.core.guidelines import Catalogue
from hifazat.services.appeals import file_appeal, resolve_appeal
from hifazat.services.reports import file_legal_request
from hifazat.services.transparency import as_csv, as_json, transparency_report
from hifazat.storage.unit import Database


def test_numbers_follow_the_loop(db: Database, catalogue: Catalogue) -> None:
    author, ali = account(db, "author", language="ur"), account(db, "ali")
    mod, mod2, admin = (
        account(db, "mod", "moderator"),
        account(db, "mod2", "moderator"),
        account(db, "admin", "admin"),
    )
    post(db, catalogue, author, "auto", made=verdict("remove", "regulated.scams", 0.97, language="ur"))
    post(db, catalogue, author, "c1")
    with db.write() as stores:
        stores.content.add_views("c1", 40)
    decision = remove(db, catalogue, mod, ali, "c1", "regulated.scams", now=T0 + timedelta(hours=30)).decision
    with db.write() as stores:
        filed = file_appeal(
            stores=stores,
            catalogue=catalogue,
            appellant=author,
            decision_id=decision.id,
            reason="not a scam",
            now=T0 + timedelta(hours=31),
        )
        resolve_appeal(
            stores=stores,
            catalogue=catalogue,
            reviewer=mod2,
            appeal_id=filed.id,
            outcome="overturned",
            rationale="a real shop",
            now=T0 + timedelta(hours=32),
        )
    post(db, catalogue, author, "c2")
    with db.write() as stores:
        file_legal_request(
            stores=stores,
            catalogue=catalogue,
            filer=admin,
            content_id="c2",
            policy_id="regulated.scams",
            authority="PTA",
            reference="PTA-1",
            now=T0,
        )
    senior = account(db, "senior", "senior_moderator")
    task = claimed(db, senior, T0 + timedelta(hours=5))
    decided(db, catalogue, senior, task.id, "regulated.scams", "remove", T0 + timedelta(hours=5))
    with db.read() as stores:
        rows = transparency_report(transparency=stores.transparency, quarter="2026Q4")
    by_key = {(r.policy, r.language): r for r in rows}
    scams_ur = by_key[("regulated.scams", "ur")]
    scams_en = by_key[("regulated.scams", "en")]
    assert (scams_ur.removed, scams_ur.proactive_rate, scams_ur.before_view_rate) == (1, 1.0, 1.0)
    assert (scams_en.removed, scams_en.appeals, scams_en.reinstated) == (2, 1, 1)
    assert scams_en.within_24h_rate == 0.5  # the legal one in 5 h, the reported one after 30 h
    assert (scams_en.legal_requests, scams_en.legal_complied, scams_en.legal_median_hours) == (1, 1, 5.0)
    assert scams_en.legal_within_deadline_rate == 1.0
    assert by_key[("*", "*")].removed == 3
    assert as_json(rows)["quarter"] == "2026Q4"
    csv_text = as_csv(rows)
    assert csv_text.splitlines()[0].startswith("quarter,policy,language,removed")
    assert len(csv_text.splitlines()) == len(rows) + 1
    with db.read() as stores:
        assert transparency_report(transparency=stores.transparency, quarter="2027Q1")[-1].removed == 0
