"""`hifazat check` and `hifazat moderate`, run as a person would through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hifazat.cli.main import app

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_check_shows_the_action_and_the_evidence_for_a_threat() -> None:
    code, out, _ = run("check", "tujhe jaan se maar dunga")
    assert code == 0
    assert "REMOVE" in out
    assert "safety.threats" in out


def test_check_json_has_the_machine_fields_and_original_offsets() -> None:
    text = "I will f i n d you and k!ll you"
    code, out, _ = run("check", "--json", text)
    assert code == 0
    verdict = json.loads(out)
    assert {
        "action",
        "policies",
        "scores",
        "language",
        "signals",
        "guidelines_version",
        "engine_version",
    } <= set(verdict)
    for signal in verdict["signals"]:
        for start, end in signal["spans"]:
            assert 0 <= start < end <= len(text)


def test_check_gives_urdu_reasons() -> None:
    code, out, _ = run(
        "check", "--lang", "ur", "آپ کا انعام نکلا ہے، اپنا OTP کوڈ اس نمبر پر بھیجیں 03001234567"
    )
    assert code == 0
    assert "فیصلہ: ہٹانا (remove)" in out
    assert "پالیسی" in out  # table headers in Urdu too


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "   "], "text is empty"),  # only spaces
        (["check", "\u200b\u200f"], "text is empty"),  # only invisible characters
        (["check", "x" * 10_001], "the limit is 10,000"),  # too long
        (["check", "--context", "{bad", "hi"], "not valid JSON"),  # broken context
        (["check", "--context", '{"surface": "tv"}', "hi"], "unknown surface"),  # unknown surface
    ],
)
def test_check_refuses_bad_input_with_a_clear_message(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


def test_check_reads_standard_input() -> None:
    code, out, _ = run("check", "--json", "-", stdin="yeh video bohat achi hai")
    assert code == 0
    assert json.loads(out)["action"] == "allow"


def write_csv(path: Path, rows: list[tuple[str, str]]) -> None:
    lines = ["id,text"] + [f'{i},"{t}"' for i, t in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_moderate_csv_writes_one_line_per_row_and_reports_bad_rows(tmp_path: Path) -> None:
    source = tmp_path / "comments.csv"
    source.write_bytes(
        b"id,text\nc1,yeh video bohat achi hai\nc2,jaan se maar dunga tujhe\n"
        + b"c3,broken \xfe row\n"
        + 'c4,""\nc5,آپ بہت اچھے ہیں\n'.encode()
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run("moderate", str(source), "--id-column", "id", "--output", str(out))
    assert code == 1  # done, but some rows are errors: scripts can tell
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["c1", "c2", "c3", "c4", "c5"]
    by_id = {r["id"]: r for r in records}
    assert by_id["c1"]["action"] == "allow"
    assert by_id["c2"]["action"] == "remove"
    assert "row 3" in err and "UTF-8" in err
    assert by_id["c3"]["error"]["code"] == "unreadable"
    assert by_id["c4"]["error"]["code"] == "invalid_input"
    assert by_id["c5"]["language"] == "ur"


def test_moderate_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    texts = [f"comment number {i} is fine" for i in range(40)]
    source.write_text("\n".join(texts) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # an interrupted earlier run: 10 complete lines and a torn eleventh
    first = run("moderate", str(source), "--output", str(out))
    assert first[0] == 0
    kept = out.read_text(encoding="utf-8").splitlines()[:10]
    out.write_text("\n".join(kept) + '\n{"id": "11", "act', encoding="utf-8")
    code, _, _ = run("moderate", str(source), "--output", str(out))
    assert code == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids, key=int) == [str(i) for i in range(1, 41)]
    assert len(ids) == len(set(ids)) == 40


def test_moderate_refuses_duplicate_ids(tmp_path: Path) -> None:
    source = tmp_path / "dup.csv"
    write_csv(source, [("a", "one"), ("a", "two")])
    code, _, err = run("moderate", str(source), "--id-column", "id", "--output", str(tmp_path / "o.jsonl"))
    assert code == 2
    assert "more than once" in err


def test_moderate_summary_in_urdu(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("yeh video bohat achi hai\njaan se maar dunga tujhe\n", encoding="utf-8")
    code, _, err = run("moderate", str(source), "--output", str(tmp_path / "o.jsonl"), "--lang", "ur")
    assert code == 0
    assert "نتیجہ" in err and "ہٹانا" in err
