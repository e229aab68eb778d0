"""`hifazat articles ...` and `hifazat helplines`, run as an editor would, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hifazat.cli.main import app

runner = CliRunner()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIFAZAT_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "alert.en.md").write_text(
        '---\ntitle: "Scam alert: fake prizes"\nsummary: Do not pay to claim a prize.\n---\n\nNever pay a fee.\n',
        encoding="utf-8",
    )
    (tmp_path / "alert.ur.md").write_text(
        '---\ntitle: "فراڈ سے خبردار: جعلی انعام"\nsummary: انعام کے لیے پیسے نہ دیں۔\n---\n\nکبھی فیس نہ دیں۔\n',
        encoding="utf-8",
    )
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_draft_review_publish(workspace: Path) -> None:
    en, ur = str(workspace / "alert.en.md"), str(workspace / "alert.ur.md")
    assert run("articles", "draft", "fake-prizes", en, ur, "--author", "ayesha")[0] == 0
    assert run("articles", "submit", "fake-prizes", "--by", "ayesha") == (0, "fake-prizes: review\n", "")
    code, _, err = run("articles", "publish", "fake-prizes", "--by", "ayesha")
    assert code != 0 and "cannot also publish" in err  # four eyes
    assert run("articles", "publish", "fake-prizes", "--by", "bilal")[1] == "fake-prizes: published\n"
    code, out, _ = run("articles", "history", "fake-prizes")
    assert code == 0 and "published" in out and "bilal" in out


def test_schedule_needs_a_time_zone(workspace: Path) -> None:
    en, ur = str(workspace / "alert.en.md"), str(workspace / "alert.ur.md")
    run("articles", "draft", "fake-prizes", en, ur, "--author", "ayesha")
    run("articles", "submit", "fake-prizes", "--by", "ayesha")
    code, _, err = run("articles", "publish", "fake-prizes", "--by", "bilal", "--at", "2030-01-01T09:00")
    assert code == 2 and "time zone" in err
    code, out, _ = run(
        "articles", "publish", "fake-prizes", "--by", "bilal", "--at", "2030-01-01T09:00+05:00"
    )
    assert (code, out) == (0, "fake-prizes: scheduled\n")


def test_missing_file_is_a_clear_error(workspace: Path) -> None:
    code, _, err = run(
        "articles", "draft", "x", str(workspace / "nope.md"), str(workspace / "alert.ur.md"), "--author", "a"
    )
    assert code == 1 and "no such file" in err


def test_helplines_lists_what_needs_verification() -> None:
    code, out, _ = run("helplines", "--unverified")
    assert code == 0 and "nccia-1799" in out and "drf-cyber-harassment" not in out
