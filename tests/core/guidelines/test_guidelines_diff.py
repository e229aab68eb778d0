"""Comparing releases finds the real changes made in 2026.2."""

from __future__ import annotations

import json

from hifazat.core.guidelines import CatalogueDiff, diff_catalogues, diff_dict, load_version


def _diff() -> CatalogueDiff:
    return diff_catalogues(load_version("2026.1"), load_version("2026.2"))


def _fields(diff: CatalogueDiff, policy_id: str) -> dict[str, tuple[object, object]]:
    (change,) = [c for c in diff.changed if c.policy_id == policy_id]
    return {f.field: (f.old, f.new) for f in change.fields}


def test_the_new_policy_is_added_and_nothing_removed() -> None:
    diff = _diff()
    assert diff.added == ("integrity.synthetic_media",)
    assert diff.removed == ()


def test_civic_integrity_moved_to_tier_two() -> None:
    fields = _fields(_diff(), "integrity.civic")
    assert fields == {"tier": (3, 2), "actions.medium": ("label", "review"), "strike_weight": (1, 2)}


def test_scams_changed_weight_threshold_and_examples() -> None:
    fields = _fields(_diff(), "regulated.scams")
    assert fields["strike_weight"] == (2, 3)
    assert fields["thresholds.medium"] == (0.6, 0.5)
    old, new = fields["examples.violating"]
    assert isinstance(old, list) and isinstance(new, list) and len(new) > len(old)
    assert any("PTA" in example["en"] for example in new)
    assert {"summary.en", "summary.ur"} <= set(fields)


def test_personal_information_now_covers_live() -> None:
    old, new = _fields(_diff(), "privacy.personal_info")["feature_tracks"]
    assert isinstance(old, list) and isinstance(new, list)
    assert set(new) - set(old) == {"live"}


def test_reworded_summaries_are_found_in_both_languages() -> None:
    diff = _diff()
    for policy_id in ("integrity.misinformation", "safety.harassment", "mature.nudity"):
        assert {"summary.en", "summary.ur"} <= set(_fields(diff, policy_id)), policy_id
    (area,) = diff.areas_changed
    assert area.area_id == "integrity"
    assert {f.field for f in area.fields} == {"summary.en", "summary.ur", "policies"}


def test_unchanged_policies_are_not_listed() -> None:
    changed = {c.policy_id for c in _diff().changed}
    assert "safety.threats" not in changed
    assert "youth.csea" not in changed


def test_the_notes_are_the_new_release_changelog() -> None:
    diff = _diff()
    assert [e.version for e in diff.notes] == ["2026.2"]
    noted = {pid for change in diff.notes[0].changes for pid in change.policies}
    assert {"integrity.synthetic_media", "integrity.civic", "regulated.scams"} <= noted


def test_a_release_against_itself_is_empty() -> None:
    diff = diff_catalogues(load_version("2026.2"), load_version("2026.2"))
    assert diff.empty
    assert diff.notes == ()


def test_the_reverse_diff_removes_the_new_policy() -> None:
    diff = diff_catalogues(load_version("2026.2"), load_version("2026.1"))
    assert diff.removed == ("integrity.synthetic_media",)
    assert _fields(diff, "integrity.civic")["tier"] == (2, 3)


def test_diff_dict_is_json_with_notes_in_the_chosen_language() -> None:
    body = json.loads(json.dumps(diff_dict(_diff(), "ur"), ensure_ascii=False))
    assert body["from"] == "2026.1" and body["to"] == "2026.2"
    assert body["added"] == ["integrity.synthetic_media"]
    assert isinstance(body["notes"][0]["changes"][0]["note"], str)
    assert "مصنوعی ذہانت" in body["notes"][0]["changes"][0]["note"]
