"""Reading fact-checks: schema.org ClaimReview JSON-LD (one object, an array or an `@graph`) and CSV.

Readers never stop at the first bad record: every malformed record is reported with its position
(`record N` of a JSON document, the line of a CSV file) and the good ones are still returned.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hifazat.core.claims.language import detect_language, parse_language
from hifazat.core.claims.model import ClaimLanguage, FactCheck
from hifazat.core.claims.ratings import normalise_rating
from hifazat.core.errors import HifazatError, InvalidInputError, Located

CSV_COLUMNS = ("claim", "rating", "organisation", "url", "language", "date")
"""CSV header: `claim`, `rating`, `organisation` and `url` are required; `language` and `date` optional."""

_CSV_ALIASES = {
    "claim": ("claim", "claim_reviewed", "claimreviewed", "text"),
    "rating": ("rating", "verdict", "textual_rating", "alternatename"),
    "organisation": ("organisation", "organization", "publisher", "author", "fact_checker"),
    "url": ("url", "link", "review_url"),
    "language": ("language", "lang", "inlanguage"),
    "date": ("date", "date_published", "datepublished", "published"),
}


@dataclass(slots=True)
class ParseResult:
    """Fact-checks read from one file, and the problems found, each with its position."""

    factchecks: list[FactCheck] = field(default_factory=list)
    problems: list[Located] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("@value") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise InvalidInputError(
            f"date {value!r} is not an ISO date (YYYY-MM-DD)",
            message_ur=f"تاریخ {value!r} درست تاریخ (YYYY-MM-DD) نہیں",
        ) from None


def _unreadable_rating(value: object) -> InvalidInputError:
    return InvalidInputError(
        f"rating {value!r} cannot be read",
        hint="use false, misleading, missing context, unproven or true",
        message_ur=f"درجہ بندی {value!r} سمجھ نہیں آئی (false، misleading، missing context، unproven یا true لکھیں)",
    )


def _urdu(exc: HifazatError) -> str:
    """The Urdu message of a problem (the English one where none was given)."""
    return exc.message_ur or str(exc)


def _language(value: str, claim: str) -> ClaimLanguage:
    return parse_language(value) if value else detect_language(claim)


def _url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        if not value:
            raise InvalidInputError("url is missing", message_ur="url (فیکٹ چیک کا لنک) موجود نہیں")
        raise InvalidInputError(
            f"url {value!r} must start with https:// or http://",
            message_ur=f"url {value!r} کو https:// یا http:// سے شروع ہونا چاہیے",
        )
    return value


def factcheck_from_claimreview(obj: Mapping[str, Any]) -> FactCheck:
    """One `ClaimReview` object as a fact-check; `InvalidInputError` says what is missing or wrong."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" not in kinds:
        raise InvalidInputError(
            f"@type is {kind!r}, expected 'ClaimReview'",
            message_ur=f"@type کی قدر {kind!r} ہے، 'ClaimReview' ہونی چاہیے",
        )
    claim = _text(obj.get("claimReviewed"))
    if not claim:
        raise InvalidInputError(
            "claimReviewed is missing or empty", message_ur="claimReviewed (دعویٰ) موجود نہیں یا خالی ہے"
        )
    review = obj.get("reviewRating")
    if not isinstance(review, Mapping):
        raise InvalidInputError("reviewRating is missing", message_ur="reviewRating (درجہ بندی) موجود نہیں")
    wording = _text(review.get("alternateName"))
    rating = normalise_rating(
        wording,
        _number(review.get("ratingValue")),
        best=_number(review.get("bestRating")),
        worst=_number(review.get("worstRating")),
    )
    if rating is None:
        raise _unreadable_rating(wording or review.get("ratingValue"))
    organisation = _text(obj.get("author")) or _text(review.get("author"))
    if not organisation:
        raise InvalidInputError(
            "author (the fact-checking organisation) is missing",
            message_ur="author (فیکٹ چیک کرنے والا ادارہ) موجود نہیں",
        )
    item = obj.get("itemReviewed")
    language_hint = _text(obj.get("inLanguage"))
    if not language_hint and isinstance(item, Mapping):
        language_hint = _text(item.get("inLanguage"))
    return FactCheck(
        claim=" ".join(claim.split()),
        language=_language(language_hint, claim),
        rating=rating,
        organisation=organisation,
        url=_url(_text(obj.get("url"))),
        published=_date(_text(obj.get("datePublished"))),
        rating_text=wording,
    )


def _records(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping) and isinstance(document.get("@graph"), list):
        return list(document["@graph"])
    return [document]


def parse_claimreview_json(source: str, *, name: str = "<json>") -> ParseResult:
    """Fact-checks from a ClaimReview JSON-LD document; positions are `record N` (1-based)."""
    result = ParseResult()
    try:
        document = json.loads(source)
    except json.JSONDecodeError as exc:
        result.problems.append(
            Located(
                name,
                exc.lineno,
                f"not valid JSON: {exc.msg} (column {exc.colno})",
                f"درست JSON نہیں: {exc.msg} (کالم {exc.colno})",
            )
        )
        return result
    for number, record in enumerate(_records(document), start=1):
        if not isinstance(record, Mapping):
            result.problems.append(
                Located(
                    name,
                    number,
                    f"record {number}: expected a JSON object",
                    f"ریکارڈ {number}: JSON آبجیکٹ ہونا چاہیے",
                )
            )
            continue
        try:
            result.factchecks.append(factcheck_from_claimreview(record))
        except HifazatError as exc:
            result.problems.append(
                Located(name, number, f"record {number}: {exc}", f"ریکارڈ {number}: {_urdu(exc)}")
            )
    return result


def parse_factcheck_csv(source: str, *, name: str = "<csv>") -> ParseResult:
    """Fact-checks from CSV with a header (see `CSV_COLUMNS`); positions are file line numbers."""
    result = ParseResult()
    reader = csv.reader(io.StringIO(source.lstrip("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        result.problems.append(
            Located(
                name,
                1,
                "the file is empty; expected a header line",
                "فائل خالی ہے؛ پہلی لائن میں کالموں کے نام ہونے چاہییں",
            )
        )
        return result
    folded = [h.strip().casefold().replace(" ", "_") for h in header]
    index: dict[str, int] = {}
    for column, aliases in _CSV_ALIASES.items():
        found = next((folded.index(a) for a in aliases if a in folded), None)
        if found is not None:
            index[column] = found
    missing = [c for c in ("claim", "rating", "organisation", "url") if c not in index]
    if missing:
        result.problems.append(
            Located(
                name,
                1,
                f"header lacks column(s) {', '.join(missing)}; expected {', '.join(CSV_COLUMNS)}",
                f"کالموں کے ناموں میں {'، '.join(missing)} نہیں؛ متوقع کالم: {'، '.join(CSV_COLUMNS)}",
            )
        )
        return result
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            result.problems.append(
                Located(
                    name,
                    line,
                    f"{len(row)} field(s), the header has {len(header)}",
                    f"{len(row)} خانے، جبکہ کالم {len(header)} ہیں",
                )
            )
            continue

        def get(column: str, row: list[str] = row) -> str:
            return row[index[column]].strip() if column in index else ""

        try:
            claim = get("claim")
            if not claim:
                raise InvalidInputError("claim is empty", message_ur="claim (دعویٰ) خالی ہے")
            wording = get("rating")
            rating = normalise_rating(wording)
            if rating is None:
                raise _unreadable_rating(wording)
            organisation = get("organisation")
            if not organisation:
                raise InvalidInputError(
                    "organisation is empty", message_ur="organisation (فیکٹ چیک کرنے والا ادارہ) خالی ہے"
                )
            result.factchecks.append(
                FactCheck(
                    claim=" ".join(claim.split()),
                    language=_language(get("language"), claim),
                    rating=rating,
                    organisation=organisation,
                    url=_url(get("url")),
                    published=_date(get("date")),
                    rating_text=wording,
                )
            )
        except HifazatError as exc:
            result.problems.append(Located(name, line, str(exc), _urdu(exc)))
    return result


def parse_factchecks(source: str, *, name: str, fmt: str | None = None) -> ParseResult:
    """Fact-checks from `source`: `fmt` is `json` or `csv`; guessed from `name` or the content when None."""
    if fmt is None:
        lowered = name.casefold()
        if lowered.endswith((".json", ".jsonld", ".json-ld")):
            fmt = "json"
        elif lowered.endswith(".csv"):
            fmt = "csv"
        else:
            fmt = "json" if source.lstrip("\ufeff \n\r\t").startswith(("{", "[")) else "csv"
    if fmt == "json":
        return parse_claimreview_json(source, name=name)
    if fmt == "csv":
        return parse_factcheck_csv(source, name=name)
    raise InvalidInputError(
        f"unknown fact-check format {fmt!r}", hint="use json (ClaimReview JSON-LD) or csv"
    )
