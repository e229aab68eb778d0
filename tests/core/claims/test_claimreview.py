"""Reading ClaimReview JSON-LD and CSV, normalising ratings, and locating malformed records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from hifazat.core.claims.claimreview import (
    factcheck_from_claimreview,
    parse_claimreview_json,
    parse_factcheck_csv,
    parse_factchecks,
)
from hifazat.core.claims.model import FactCheck
from hifazat.core.claims.ratings import normalise_rating
from hifazat.core.errors import InvalidInputError


def review(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example.pk/polio-infertility",
        "claimReviewed": "Polio drops make  children infertile",
        "author": {"@type": "Organization", "name": "Soch Fact Check"},
        "datePublished": "2024-05-02T10:00:00Z",
        "inLanguage": "en",
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                         "alternateName": "False"},
    }  # fmt: skip
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("wording", "value", "rating"),
    [
        ("False", None, "false"),  # plain English
        ("Pants on Fire!", None, "false"),  # PolitiFact wording
        ("غلط", None, "false"),  # Urdu
        ("جعلی ویڈیو", None, "false"),  # Urdu phrase containing a known word
        ("Misleading", None, "misleading"),  # plain
        ("Half True", None, "misleading"),  # a middle rating
        ("Missing context", None, "missing_context"),  # the wording
        ("گمراہ کن", None, "misleading"),  # Urdu
        ("Unverified", None, "unproven"),  # TikTok's banner wording
        ("Mostly true", None, "true"),  # near true
        ("not true", None, None),  # negated: never read as "true"
        ("Wibble", None, None),  # unknown wording, no number
        (None, 1.0, "false"),  # bottom of a 1..5 scale
        (None, 5.0, "true"),  # top of the scale
        ("Wibble", 2.5, "misleading"),  # unknown wording falls back to the number
        (None, 9.0, None),  # a number outside its scale
    ],
)
def test_normalise_rating(wording: str | None, value: float | None, rating: str | None) -> None:
    assert normalise_rating(wording, value) == rating


def test_one_claimreview_object() -> None:
    fc = factcheck_from_claimreview(review())
    assert fc == FactCheck(
        claim="Polio drops make children infertile",
        language="en",
        rating="false",
        organisation="Soch Fact Check",
        url="https://factcheck.example.pk/polio-infertility",
        published=date(2024, 5, 2),
        rating_text="False",
    )
    assert fc.key == factcheck_from_claimreview(review(author="Another")).key  # identity: url + claim


def test_language_is_detected_when_not_given() -> None:
    fc = factcheck_from_claimreview(review(inLanguage=None, claimReviewed="پولیو کے قطرے بانجھ کر دیتے ہیں"))
    assert fc.language == "ur"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"@type": "Article"}, "@type is 'Article'"),  # not a ClaimReview
        ({"claimReviewed": ""}, "claimReviewed is missing"),  # no claim
        ({"reviewRating": None}, "reviewRating is missing"),  # no rating
        ({"reviewRating": {"alternateName": "Wibble"}}, "rating 'Wibble' cannot be read"),  # unreadable
        ({"author": None}, "author (the fact-checking organisation) is missing"),  # no organisation
        ({"url": "factcheck.example.pk/x"}, "must start with https://"),  # relative URL
        ({"datePublished": "2nd May"}, "not an ISO date"),  # bad date
        ({"inLanguage": "fr"}, "unknown language 'fr'"),  # a language Hifazat does not match
    ],
)
def test_malformed_claimreview(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        factcheck_from_claimreview(review(**changes))
    assert message in str(caught.value)


def test_an_array_with_bad_records_keeps_the_good_ones_and_locates_the_bad() -> None:
    doc = [review(), "oops", review(claimReviewed=""), review(url="https://factcheck.example.pk/2")]
    result = parse_claimreview_json(json.dumps(doc), name="feed.json")
    assert [f.url for f in result.factchecks] == [
        "https://factcheck.example.pk/polio-infertility",
        "https://factcheck.example.pk/2",
    ]
    assert [str(p) for p in result.problems] == [
        "feed.json:2: record 2: expected a JSON object",
        "feed.json:3: record 3: claimReviewed is missing or empty",
    ]


def test_graph_and_single_object_documents() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [review(), review(url="https://factcheck.example.pk/2")],
    }
    assert len(parse_claimreview_json(json.dumps(graph)).factchecks) == 2
    assert len(parse_claimreview_json(json.dumps(review())).factchecks) == 1


def test_broken_json_is_located() -> None:
    result = parse_claimreview_json('[\n{"@type": "ClaimReview",\n', name="x.json")
    assert result.factchecks == []
    assert result.problems[0].line == 3 and "not valid JSON" in result.problems[0].message


CSV = """claim,rating,organisation,url,language,date
"Polio drops make children infertile",False,Soch Fact Check,https://f.example.pk/1,en,2024-05-02
پانچ ہزار کا نوٹ بند ہو رہا ہے,غلط,iVerify Pakistan,https://f.example.pk/2,,
,False,Soch,https://f.example.pk/3,en,
"Dollar will hit 500",Wibble,Geo Fact Check,https://f.example.pk/4,en,
"Dam will burst",False,Geo Fact Check
"""


def test_csv_rows_and_problems_by_line() -> None:
    result = parse_factcheck_csv(CSV, name="checks.csv")
    assert [(f.language, f.rating) for f in result.factchecks] == [("en", "false"), ("ur", "false")]
    assert [(p.line, p.message.split(" (")[0]) for p in result.problems] == [
        (4, "claim is empty"),
        (5, "rating 'Wibble' cannot be read"),
        (6, "3 field(s), the header has 6"),
    ]


def test_every_problem_is_also_told_in_urdu() -> None:
    csv_problems = parse_factcheck_csv(CSV, name="checks.csv").problems
    bad_language = (
        'claim,rating,organisation,url,language\n"Dam will burst",False,Geo,https://f.example.pk/5,xx\n'
    )
    json_problems = parse_claimreview_json('[{"@type": "ClaimReview"}, 7, {"@type": "Review"}]').problems
    problems = [*csv_problems, *parse_factcheck_csv(bad_language).problems, *json_problems]
    assert len(problems) == 7
    for problem in problems:
        assert problem.message_ur and problem.message_ur != problem.message
        assert any("\u0600" <= ch <= "\u06ff" for ch in problem.message_ur), problem
        assert problem.text("ur").endswith(problem.message_ur)
        assert problem.text("en") == str(problem)
    assert "Wibble" in csv_problems[1].message_ur  # the offending value is quoted in both languages


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("", "the file is empty"),  # nothing at all
        ("text,verdict\nx,False\n", "header lacks column(s) organisation, url"),  # wrong header
    ],
)
def test_csv_header_problems(source: str, message: str) -> None:
    result = parse_factcheck_csv(source, name="c.csv")
    assert result.factchecks == [] and message in result.problems[0].message


@pytest.mark.parametrize(
    ("name", "source", "count"),
    [
        ("feed.json", json.dumps([review()]), 1),  # by extension
        ("feed.jsonld", json.dumps(review()), 1),  # JSON-LD extension
        ("upload", json.dumps(review()), 1),  # no extension: the content starts with {
        ("checks.csv", CSV, 2),  # CSV by extension
        ("upload", CSV, 2),  # no extension, not JSON: CSV
    ],
)
def test_parse_factchecks_guesses_the_format(name: str, source: str, count: int) -> None:
    assert len(parse_factchecks(source, name=name).factchecks) == count


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="unknown fact-check format 'xml'"):
        parse_factchecks("<a/>", name="x", fmt="xml")
