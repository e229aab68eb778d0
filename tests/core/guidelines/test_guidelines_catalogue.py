"""The packaged releases: they load, hold exactly the agreed policy ids, and every text is bilingual."""

from __future__ import annotations

import re

import pytest

from hifazat.core.guidelines import Catalogue, Localised, Policy, load_version, packaged_versions
from hifazat.core.guidelines.vocabulary import OUTCOMES

POLICY_IDS_2026_2 = {
    "safety.violence",
    "safety.threats",
    "safety.hate",
    "safety.extremism",
    "safety.harassment",
    "safety.profanity",
    "health.self_harm",
    "health.dangerous_acts",
    "health.disordered_eating",
    "mature.sexual",
    "mature.nudity",
    "mature.graphic",
    "integrity.misinformation",
    "integrity.civic",
    "integrity.synthetic_media",
    "integrity.spam",
    "integrity.impersonation",
    "regulated.scams",
    "regulated.gambling",
    "regulated.drugs",
    "regulated.weapons",
    "privacy.personal_info",
    "privacy.hacking",
    "youth.csea",
    "youth.grooming",
    "youth.minor_harms",
}
ZERO_TOLERANCE = {"safety.threats", "safety.extremism", "youth.csea", "youth.grooming"}
LAW_REFS_SUPPORTED_BY_RESEARCH = {
    "PECA 2016 s.11",
    "PECA 2016 s.21",
    "PECA 2016 s.22",
    "PECA 2016 s.24",
    "PECA 2016 s.26A",
    "PECA 2016 s.37",
    "PPC s.295-A",
    "PPC s.292A",
    "PPC ss.292B-292C",
    "PPC s.328C",
}
URDU_LETTER = re.compile(r"[\u0600-\u06FF]")
ARABIC_NOT_URDU = re.compile("[\u064a\u0643\u0647]")


def _releases() -> list[Catalogue]:
    return [load_version(v) for v in packaged_versions()]


def _texts(policy: Policy) -> list[tuple[str, Localised]]:
    """Every bilingual text of a policy, named for failure messages."""
    texts = [("title", policy.title), ("summary", policy.summary)]
    for kind, examples in (("violating", policy.examples.violating), ("allowed", policy.examples.allowed)):
        texts += [(f"{kind}[{i}]", Localised(e.en, e.ur)) for i, e in enumerate(examples)]
    texts += [(f"law {law.ref}", law.note) for law in policy.law]
    if policy.support:
        texts.append(("support", policy.support.message))
        texts += [(f"helpline {h.contact}", h.name) for h in policy.support.helplines]
    return texts


def test_two_releases_are_packaged_oldest_first() -> None:
    assert packaged_versions() == ["2026.1", "2026.2"]


def test_the_latest_release_holds_exactly_the_agreed_policy_ids() -> None:
    assert set(load_version("2026.2").policies) == POLICY_IDS_2026_2
    assert set(load_version("2026.1").policies) == POLICY_IDS_2026_2 - {"integrity.synthetic_media"}


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_areas_list_their_policies_in_order(version: str) -> None:
    catalogue = load_version(version)
    assert list(catalogue.areas) == [
        "safety",
        "health",
        "mature",
        "integrity",
        "regulated",
        "privacy",
        "youth",
    ]
    listed = [pid for area in catalogue.areas.values() for pid in area.policy_ids]
    assert listed == list(catalogue.policies)


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_tiers_match_the_brief(version: str) -> None:
    catalogue = load_version(version)
    assert {p.id for p in catalogue.policies.values() if p.tier == 1} == ZERO_TOLERANCE
    assert catalogue.policy("safety.profanity").tier == 4
    assert catalogue.policy("safety.profanity").strike_weight == 0


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_every_text_is_complete_in_english_and_urdu(version: str) -> None:
    for policy in load_version(version).policies.values():
        for name, text in _texts(policy):
            assert text.en.strip() and text.ur.strip(), f"{policy.id} {name}"
            assert URDU_LETTER.search(text.ur), f"{policy.id} {name}: Urdu side has no Urdu letters"
            assert not ARABIC_NOT_URDU.search(text.ur), f"{policy.id} {name}: Arabic ي/ك/ه in Urdu"
            assert not URDU_LETTER.search(text.en), f"{policy.id} {name}: English side has Urdu letters"


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_summaries_are_two_to_four_sentences(version: str) -> None:
    for policy in load_version(version).policies.values():
        english = len(re.findall(r"[.!?](?:\s|$)", policy.summary.en))
        urdu = len(re.findall(r"[۔؟!](?:\s|$)", policy.summary.ur))
        assert 2 <= english <= 4, f"{policy.id}: {english} English sentences"
        assert 2 <= urdu <= 4, f"{policy.id}: {urdu} Urdu sentences"


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_enforcement_settings_are_safe(version: str) -> None:
    for policy in load_version(version).policies.values():
        assert len(policy.examples.violating) >= 2 and len(policy.examples.allowed) >= 2, policy.id
        assert policy.actions["medium"] != "remove" and policy.actions["low"] != "remove", policy.id
        assert 0 < policy.thresholds.medium < policy.thresholds.high <= 1, policy.id
        assert set(policy.outcomes) <= set(OUTCOMES), policy.id
        if policy.tier == 1:
            assert policy.actions["high"] == "remove", policy.id


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_self_harm_is_never_removed_automatically_and_offers_support(version: str) -> None:
    policy = load_version(version).policy("health.self_harm")
    assert "remove" not in policy.actions.values()
    assert policy.support is not None and policy.support.helplines


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_law_references_are_only_those_the_research_supports(version: str) -> None:
    refs = {law.ref for p in load_version(version).policies.values() for law in p.law}
    assert refs <= LAW_REFS_SUPPORTED_BY_RESEARCH
    assert "PECA 2016 s.11" in {law.ref for law in load_version(version).policy("safety.hate").law}


def test_each_release_keeps_the_history_of_the_ones_before() -> None:
    old, new = load_version("2026.1"), load_version("2026.2")
    assert new.changelog[: len(old.changelog)] == old.changelog
    assert [e.version for e in new.changelog] == ["2026.1", "2026.2"]
    assert new.changelog[-1].published == new.published


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_changelog_notes_name_policies_of_their_release(version: str) -> None:
    catalogue = load_version(version)
    latest = catalogue.changelog[-1]
    for change in latest.changes:
        assert set(change.policies) <= set(catalogue.policies)


def test_zero_tolerance_policies_send_more_to_review() -> None:
    catalogue = load_version("2026.2")
    for policy_id in ZERO_TOLERANCE:
        assert catalogue.policy(policy_id).thresholds.medium < catalogue.default_thresholds.medium, policy_id
