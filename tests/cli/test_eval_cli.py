"""`hifazat eval` and `hifazat train` as a person runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hifazat.cli.main import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_eval_prints_the_metric_and_writes_one_line_per_row(tmp_path: Path) -> None:
    data = tmp_path / "sms.tsv"
    data.write_text(
        "Label\tSMS\nham\tsee you at dinner\nspam\tWINNER! claim your cash prize, call now\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    code, stdout, _ = run("eval", "sms-spam", "--input", str(data), "--output", str(out))
    assert code == 0
    assert "accuracy = " in stdout and "spam" in stdout
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"row": 0, "label": "ham"}, {"row": 1, "label": "spam"}]


def test_eval_without_labels_predicts_and_says_why_there_is_no_metric(tmp_path: Path) -> None:
    data = tmp_path / "olid_test.tsv"
    data.write_text("id\ttweet\n1\t@USER you are an idiot\n2\t@USER have a nice day\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    code, stdout, _ = run("eval", "olid-a", "--input", str(data), "--output", str(out))
    assert code == 0
    assert "no metric" in stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_eval_reports_unreadable_rows_on_stderr_with_their_number(tmp_path: Path) -> None:
    data = tmp_path / "t1.tsv"
    data.write_text("acha hai\t1\nbina label\n", encoding="utf-8")
    code, _, stderr = run(
        "eval", "ruhsold-task1", "--input", str(data), "--output", str(tmp_path / "p.jsonl")
    )
    assert code == 0
    assert "row 1: no tab" in stderr


def test_eval_unknown_data_set_exits_non_zero_with_the_known_names(tmp_path: Path) -> None:
    code, _, stderr = run("eval", "imdb", "--input", str(tmp_path / "x"))
    assert code == 3
    assert "unknown data set 'imdb'" in stderr and "ruhsold-task1" in stderr


def test_eval_missing_file_exits_non_zero(tmp_path: Path) -> None:
    code, _, stderr = run("eval", "olid-a", "--input", str(tmp_path / "missing.tsv"))
    assert code == 3
    assert "does not exist" in stderr


def test_train_with_a_missing_data_folder_explains_how_to_point_at_it(tmp_path: Path) -> None:
    code, _, stderr = run("train", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert code == 3
    assert "does not exist" in stderr and "--data" in stderr
