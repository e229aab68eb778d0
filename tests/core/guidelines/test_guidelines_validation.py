"""Broken copies of a small release: every problem is found, located, and worded exactly as the snapshot.

Snapshots live in `snapshots/<case>.txt`. After a deliberate change to a message, rewrite them with
`HIFAZAT_UPDATE_SNAPSHOTS=1 pytest tests/core/guidelines/test_guidelines_validation.py` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hifazat.core.errors import NotFoundError, ValidationFailedError
from hifazat.core.guidelines import load_catalogue

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "release"
SNAPSHOTS = HERE / "snapshots"

Edit = tuple[str, str, str]
"""(file, old text, new text): `old` must occur exactly once in the file."""

CASES: list[tuple[str, list[Edit]]] = [
    # a misspelt field: reported as unknown with a suggestion, and the real field as missing
    (
        "unknown_field",
        [("safety.yaml", '    title:\n      en: "Hate speech"', '    titel:\n      en: "Hate speech"')],
    ),
    # two policies with one id
    ("duplicate_id", [("safety.yaml", "  - id: safety.profanity", "  - id: safety.hate")]),
    # the Urdu title is missing
    (
        "missing_urdu",
        [("youth.yaml", 'title: {en: "Grooming", ur: "نابالغوں کو ورغلانا"}', 'title: {en: "Grooming"}')],
    ),
    # the Urdu summary is empty
    ("empty_urdu", [("youth.yaml", 'ur: "بچوں کا تحفظ سب سے پہلے۔"', 'ur: ""')]),
    # "Urdu" written in Latin letters
    ("urdu_in_latin", [("safety.yaml", 'ur: "نفرت انگیز تقریر"', 'ur: "Nafrat angez taqreer"')]),
    # Arabic yeh and kaf where Urdu has its own letters
    ("arabic_letters", [("safety.yaml", 'ur: "نازیبا زبان"', 'ur: "نازيبا زبان كى"')]),
    # a tier outside 1..4
    ("bad_tier", [("safety.yaml", "    tier: 2\n", "    tier: 5\n")]),
    # a tier written as text
    ("quoted_tier", [("safety.yaml", "    tier: 2\n", '    tier: "2"\n')]),
    # an outcome that does not exist
    ("bad_outcome", [("safety.yaml", "outcomes: [remove, not_recommended]", "outcomes: [remove, delete]")]),
    # an unknown action and an unknown band
    (
        "bad_action_and_band",
        [
            (
                "youth.yaml",
                "actions: {high: remove, medium: review, low: allow}",
                "actions: {high: ban, med: review, low: allow}",
            )
        ],
    ),
    # remove on an uncertain (medium) score
    (
        "remove_on_medium",
        [
            (
                "safety.yaml",
                "actions: {high: remove, medium: review, low: allow}",
                "actions: {high: remove, medium: remove, low: allow}",
            )
        ],
    ),
    # an action the outcomes do not allow, and tier 4 removing
    (
        "action_without_outcome",
        [
            (
                "safety.yaml",
                "actions: {high: label, medium: label, low: allow}",
                "actions: {high: remove, medium: restrict, low: allow}",
            )
        ],
    ),
    # thresholds out of order
    (
        "thresholds_out_of_order",
        [("youth.yaml", "thresholds: {high: 0.75, medium: 0.35}", "thresholds: {high: 0.3, medium: 0.35}")],
    ),
    # unknown feature track and exception
    (
        "bad_track_and_exception",
        [
            ("safety.yaml", "exceptions: [news, counter_speech]", "exceptions: [news, parody]"),
            ("safety.yaml", "feature_tracks: [content, comments]", "feature_tracks: [content, stories]"),
        ],
    ),
    # a policy filed under the wrong area
    ("wrong_area_prefix", [("youth.yaml", "  - id: youth.grooming", "  - id: safety.grooming")]),
    # too few examples
    (
        "too_few_examples",
        [("youth.yaml", '        - {en: "Come on another app.", ur: "دوسری ایپ پر آ جاؤ۔"}\n', "")],
    ),
    # YAML that does not parse
    ("yaml_syntax", [("youth.yaml", "    tier: 1\n", "    tier: 1\n    strike_weight 3\n")]),
    # a wrongly indented block
    ("yaml_indentation", [("safety.yaml", "    strike_weight: 3\n", "   strike_weight: 3\n")]),
    # catalogue.yaml problems: bad version, last changelog entry not this release, unknown field
    (
        "catalogue_header",
        [
            ("catalogue.yaml", 'version: "2030.1"\npublished', 'version: "v2030"\npublished'),
            ("catalogue.yaml", "published: 2030-01-01\ndefault", "published: 2030-02-30\ndefault"),
            ("catalogue.yaml", "default_thresholds:", "defaults_thresholds:"),
        ],
    ),
    # the changelog's last entry is not this release
    ("changelog_mismatch", [("catalogue.yaml", '  - version: "2030.1"', '  - version: "2029.4"')]),
    # an area listed without a file, and a file not listed
    ("area_files", [("catalogue.yaml", "areas: [safety, youth]", "areas: [safety, youth, privacy]")]),
    # many problems in several files are all reported at once, in file order
    (
        "all_at_once",
        [
            ("safety.yaml", "    tier: 2\n", "    tier: 7\n"),
            ("safety.yaml", "  - id: safety.profanity", "  - id: safety.hate"),
            ("youth.yaml", 'title: {en: "Grooming", ur: "نابالغوں کو ورغلانا"}', 'title: {en: "Grooming"}'),
            ("youth.yaml", "outcomes: [remove]", "outcomes: [remove, delete]"),
            ("catalogue.yaml", "  high: 0.85\n  medium: 0.6", "  high: 0.5\n  medium: 0.6"),
        ],
    ),
]


def _broken_copy(tmp_path: Path, edits: list[Edit]) -> Path:
    release = tmp_path / "release"
    shutil.copytree(FIXTURE, release)
    for file, old, new in edits:
        path = release / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"fixture text to edit not found exactly once in {file}: {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return release


def _message(tmp_path: Path, release: Path) -> str:
    with pytest.raises(ValidationFailedError) as caught:
        load_catalogue(release)
    return str(caught.value).replace(str(tmp_path), "<tmp>") + "\n"


def test_the_fixture_release_is_valid() -> None:
    catalogue = load_catalogue(FIXTURE)
    assert list(catalogue.policies) == ["safety.hate", "safety.profanity", "youth.grooming"]


@pytest.mark.parametrize(("case", "edits"), CASES, ids=[case for case, _ in CASES])
def test_problem_messages_match_the_snapshot(tmp_path: Path, case: str, edits: list[Edit]) -> None:
    message = _message(tmp_path, _broken_copy(tmp_path, edits))
    snapshot = SNAPSHOTS / f"{case}.txt"
    if os.environ.get("HIFAZAT_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(message, encoding="utf-8")
    assert snapshot.exists(), (
        f"no snapshot {snapshot.name}; run with HIFAZAT_UPDATE_SNAPSHOTS=1 and review it"
    )
    assert message == snapshot.read_text(encoding="utf-8")


def test_every_snapshot_belongs_to_a_case() -> None:
    cases = {case for case, _ in CASES}
    assert {p.stem for p in SNAPSHOTS.glob("*.txt")} == cases


def test_problems_carry_file_and_line(tmp_path: Path) -> None:
    release = _broken_copy(tmp_path, dict(CASES)["all_at_once"])
    with pytest.raises(ValidationFailedError) as caught:
        load_catalogue(release)
    located = [(p.file, p.line) for p in caught.value.problems]
    assert located == sorted(
        located, key=lambda fl: (["catalogue.yaml", "safety.yaml", "youth.yaml"].index(fl[0]), fl[1])
    )
    assert all(line >= 1 for _, line in located)
    assert len(located) == 5


@pytest.mark.parametrize(
    "name",
    [
        "missing",  # no such folder
        "release/safety.yaml",  # a file that is not catalogue.yaml
    ],
)
def test_a_path_that_is_not_a_release_folder_is_not_found(tmp_path: Path, name: str) -> None:
    shutil.copytree(FIXTURE, tmp_path / "release")
    with pytest.raises(NotFoundError):
        load_catalogue(tmp_path / name)


def test_the_catalogue_file_itself_names_its_folder() -> None:
    assert load_catalogue(FIXTURE / "catalogue.yaml").version == "2030.1"


def test_a_folder_without_catalogue_yaml_is_reported(tmp_path: Path) -> None:
    release = _broken_copy(tmp_path, [])
    (release / "catalogue.yaml").unlink()
    with pytest.raises(ValidationFailedError) as caught:
        load_catalogue(release)
    assert [str(p) for p in caught.value.problems] == [
        "catalogue.yaml:1: missing: every release folder needs a catalogue.yaml"
    ]
