"""`hifazat guidelines …`: list, show, validate, diff and versions, with their exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hifazat.cli.guidelines import app
from hifazat.core.guidelines.releases import PACKAGED_DIR

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_every_policy_of_the_latest_release() -> None:
    code, out, _ = run("list")
    assert code == 0
    assert "Community Guidelines 2026.2" in out
    assert "safety.threats" in out and "integrity.synthetic_media" in out
    assert "Violent extremism" in out


def test_list_in_urdu_and_for_an_older_release() -> None:
    code, out, _ = run("list", "--lang", "ur", "--version", "2026.1")
    assert code == 0
    assert "تحفظ اور شائستگی" in out
    assert "integrity.synthetic_media" not in out


def test_show_renders_a_policy_for_people() -> None:
    code, out, _ = run("show", "health.self_harm")
    assert code == 0
    assert "Suicide and self-harm" in out
    assert "1122" in out and "0311-7786264" not in out  # unverified numbers are never shown as fact
    assert "high ≥ 0.80 → review" in out


def test_show_json_has_both_languages_without_lang() -> None:
    code, out, _ = run("show", "safety.threats", "--json")
    assert code == 0
    body = json.loads(out)
    assert body["tier"] == 1
    assert body["title"] == {
        "en": "Threats and incitement to violence",
        "ur": "تشدد کی دھمکیاں اور اشتعال انگیزی",
    }


def test_show_json_in_urdu_has_plain_strings() -> None:
    code, out, _ = run("show", "safety.threats", "--json", "--lang", "ur", "--version", "2026.1")
    assert code == 0
    assert json.loads(out)["title"] == "تشدد کی دھمکیاں اور اشتعال انگیزی"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("show", "safety.hat"), 3, "did you mean 'safety.hate'?"),  # unknown policy
        (
            ("show", "safety.hate", "--version", "2031.1"),
            3,
            "neither a packaged guidelines version",
        ),  # no release
        (("diff", "2026.1", "nowhere"), 3, "neither a packaged guidelines version"),  # bad NEW
        (
            ("show", "integrity.synthetic_media", "--version", "2026.1"),
            3,
            "unknown policy",
        ),  # added in 2026.2
    ],
)
def test_errors_are_one_clear_line_and_an_exit_code(args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, _, err = run(*args)
    assert exit_code == code
    assert message in err
    assert "Traceback" not in err


def test_an_unknown_language_is_a_usage_error() -> None:
    code, _, err = run("list", "--lang", "fr")
    assert code == 2
    assert "fr" in err


def test_validate_a_good_release() -> None:
    code, out, _ = run("validate", str(PACKAGED_DIR / "2026.2"))
    assert code == 0
    assert out.startswith("valid: 26 policies in 7 areas (guidelines 2026.2")


def test_validate_a_broken_release_prints_every_problem(tmp_path: Path) -> None:
    release = tmp_path / "broken"
    shutil.copytree(PACKAGED_DIR / "2026.2", release)
    safety = release / "safety.yaml"
    safety.write_text(
        safety.read_text(encoding="utf-8").replace("    tier: 1\n", "    tier: 9\n", 1), encoding="utf-8"
    )
    youth = release / "youth.yaml"
    youth.write_text(youth.read_text(encoding="utf-8").replace("outcomes: [remove]", "outcomes: [delete]", 1))
    code, out, err = run("validate", str(release))
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[0] == f"invalid: {release}: 2 problem(s)"
    assert lines[1].startswith("  safety.yaml:") and "unknown tier 9" in lines[1]
    assert lines[2].startswith("  youth.yaml:") and "unknown outcome 'delete'" in lines[2]


def test_validate_a_missing_folder() -> None:
    code, _, err = run("validate", "/no/such/release")
    assert code == 3
    assert "no guidelines release folder" in err


def test_diff_for_people_names_the_changes() -> None:
    code, out, _ = run("diff", "2026.1", "2026.2")
    assert code == 0
    assert "+ added   integrity.synthetic_media" in out
    assert "tier: 3 → 2" in out
    assert "strike_weight: 2 → 3" in out


def test_diff_accepts_a_folder_and_prints_json() -> None:
    code, out, _ = run("diff", str(PACKAGED_DIR / "2026.1"), "latest", "--json")
    assert code == 0
    body = json.loads(out)
    assert body["added"] == ["integrity.synthetic_media"]
    assert body["notes"][0]["version"] == "2026.2"


def test_versions_lists_the_packaged_releases() -> None:
    code, out, _ = run("versions")
    assert code == 0
    assert "2026.1" in out and "2026.2" in out and "latest" in out
