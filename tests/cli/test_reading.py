"""Reading input files for `hifazat moderate`: every row accounted for, bad rows named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hifazat.cli.reading import completed_ids, guess_format, read_rows
from hifazat.core.errors import InvalidInputError


def test_csv_with_an_invalid_utf8_row_reports_it_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        b"id,text\n"
        b"a1,hello there\n"
        b"a2,bad \xff byte\n" + 'a3,"یہ ویڈیو، بہت اچھی ہے"\n'.encode() + b'a4,"multi\nline"\n'
    )
    rows = list(read_rows(path, "csv", text_column="text", id_column="id"))
    assert [r.id for r in rows] == ["a1", "a2", "a3", "a4"]
    assert rows[1].error is not None and "0xff" in rows[1].error and rows[1].text is None
    assert rows[2].text == "یہ ویڈیو، بہت اچھی ہے"
    assert rows[3].text == "multi\nline"


def test_csv_without_the_text_column_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,comment\n1,hi\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="its columns are: id, comment"):
        list(read_rows(path, "csv", text_column="text"))


def test_jsonl_rows_with_broken_json_or_missing_text_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "x", "text": "ok"}\n{"id": "y", "text": \n{"id": "z"}\n\n[1, 2]\n', encoding="utf-8"
    )
    rows = list(read_rows(path, "jsonl"))
    assert [(r.number, r.id, r.error is None) for r in rows] == [
        (1, "x", True),  # fine
        (2, "2", False),  # broken JSON: the line number stands in for the id
        (3, "z", False),  # no text field
        (5, "5", False),  # not an object
    ]
    assert rows[1].error is not None and rows[1].error.startswith("not valid JSON")


def test_text_lines_keep_urdu_and_strip_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes("\ufeffپہلی سطر\r\nsecond\n".encode())
    rows = list(read_rows(path, "text"))
    assert [(r.id, r.text) for r in rows] == [("1", "پہلی سطر"), ("2", "second")]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="input file not found"):
        list(read_rows(tmp_path / "nope.csv", "csv"))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.csv", "csv"),
        ("a.TSV", "csv"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.txt", "text"),
        ("a", "text"),
    ],
)
def test_format_from_the_file_name(name: str, fmt: str) -> None:
    assert guess_format(Path(name)) == fmt


def test_completed_ids_cuts_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(
        json.dumps({"id": "1"}) + "\n" + json.dumps({"id": "2"}) + "\n" + '{"id": "3", "act', encoding="utf-8"
    )
    assert completed_ids(out) == {"1", "2"}
    assert out.read_text(encoding="utf-8").endswith("}\n")
    assert completed_ids(tmp_path / "absent.jsonl") == set()
