"""Looking policies up, bands and actions, releases by name, and the JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines import (
    Localised,
    Thresholds,
    catalogue_dict,
    default_catalogue,
    load_version,
    policy_dict,
    previous_version,
    resolve_catalogue,
)
from hifazat.core.guidelines.releases import PACKAGED_DIR


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1.0, "high"),  # top of the range
        (0.85, "high"),  # exactly the high threshold belongs to high
        (0.8499, "medium"),  # just under high
        (0.6, "medium"),  # exactly the medium threshold belongs to medium
        (0.5999, "low"),  # just under medium
        (0.0, "low"),  # bottom of the range
    ],
)
def test_thresholds_put_scores_in_bands(score: float, band: str) -> None:
    assert Thresholds(high=0.85, medium=0.6).band(score) == band


@pytest.mark.parametrize("score", [-0.01, 1.01, float("nan")])
def test_scores_outside_zero_to_one_are_refused(score: float) -> None:
    with pytest.raises(InvalidInputError):
        default_catalogue().band("safety.hate", score)


@pytest.mark.parametrize(
    ("version", "policy_id", "score", "action"),
    [
        ("2026.2", "safety.threats", 0.9, "remove"),  # zero tolerance, high band
        ("2026.2", "safety.threats", 0.5, "review"),  # its own lower medium threshold (0.45)
        ("2026.2", "safety.hate", 0.5, "allow"),  # default medium threshold (0.6)
        ("2026.2", "health.self_harm", 0.95, "review"),  # never removed automatically
        ("2026.2", "safety.profanity", 0.99, "label"),  # tier 4: label only
        ("2026.1", "regulated.scams", 0.55, "allow"),  # below the old medium threshold 0.6
        ("2026.2", "regulated.scams", 0.55, "review"),  # 2026.2 lowered it to 0.5
        ("2026.1", "integrity.civic", 0.7, "label"),  # tier 3 labelled uncertain items
        ("2026.2", "integrity.civic", 0.7, "review"),  # tier 2 sends them to review
    ],
)
def test_action_for_follows_the_release(version: str, policy_id: str, score: float, action: str) -> None:
    assert load_version(version).action_for(policy_id, score) == action


def test_unknown_policy_gets_a_did_you_mean() -> None:
    with pytest.raises(NotFoundError) as caught:
        default_catalogue().policy("safety.hat")
    assert caught.value.hint == "did you mean 'safety.hate'?"


def test_unknown_policy_with_nothing_close_gets_the_id_shape() -> None:
    with pytest.raises(NotFoundError) as caught:
        default_catalogue().policy("zzz")
    assert caught.value.hint == "policy ids look like 'safety.hate'"


@pytest.mark.parametrize(("lang", "text"), [("en", "Hate"), ("ur", "نفرت")])
def test_localised_text_by_language(lang: str, text: str) -> None:
    assert Localised(en="Hate", ur="نفرت").get(lang) == text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Localised(en="Hate", ur="نفرت").get("fr")
    assert caught.value.hint == "use 'en' (English) or 'ur' (Urdu)"


def test_default_catalogue_is_the_latest_and_cached() -> None:
    assert default_catalogue().version == "2026.2"
    assert default_catalogue() is default_catalogue()


@pytest.mark.parametrize(
    ("ref", "version"),
    [
        ("2026.1", "2026.1"),  # a packaged version
        ("latest", "2026.2"),  # the newest packaged release
        (str(PACKAGED_DIR / "2026.1"), "2026.1"),  # a folder
        (str(PACKAGED_DIR / "2026.2" / "catalogue.yaml"), "2026.2"),  # its catalogue.yaml
    ],
)
def test_resolve_catalogue_accepts_versions_and_paths(ref: str, version: str) -> None:
    assert resolve_catalogue(ref).version == version


def test_resolve_catalogue_explains_an_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve_catalogue("2026.3")
    assert "neither a packaged guidelines version nor a folder" in caught.value.message
    assert caught.value.hint is not None and "2026" in caught.value.hint


def test_unknown_packaged_version_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        load_version("1999.1")


@pytest.mark.parametrize(("version", "before"), [("2026.2", "2026.1"), ("2026.1", None)])
def test_previous_version(version: str, before: str | None) -> None:
    assert previous_version(version) == before


def test_policy_dict_without_language_keeps_both_side_by_side() -> None:
    body = policy_dict(default_catalogue().policy("health.self_harm"))
    assert body["title"] == {"en": "Suicide and self-harm", "ur": "خودکشی اور خود کو نقصان پہنچانا"}
    assert set(body["examples"]["violating"][0]) == {"en", "ur", "roman_ur"}
    contacts = [line["contact"] for line in body["support"]["helplines"]]
    assert contacts == ["1122"]  # the mental-health line's number is still unverified: withheld
    assert body["thresholds"] == {"high": 0.8, "medium": 0.4}


def test_policy_dict_in_urdu_has_plain_strings() -> None:
    body = policy_dict(default_catalogue().policy("safety.hate"), "ur")
    assert body["title"] == "نفرت انگیز تقریر اور رویہ"
    assert body["law"][0] == {
        "ref": "PECA 2016 s.11",
        "note": default_catalogue().policy("safety.hate").law[0].note.ur,
    }
    assert set(body["examples"]["allowed"][0]) == {"text", "roman_ur"}


def test_catalogue_dict_is_json() -> None:
    body = json.loads(json.dumps(catalogue_dict(default_catalogue(), "en"), ensure_ascii=False))
    assert body["version"] == "2026.2"
    assert len(body["policies"]) == 26
    assert body["areas"][0]["title"] == "Safety & Civility"
