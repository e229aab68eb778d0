"""The whole rule pipeline over the guideline catalogue's own Roman Urdu and Urdu examples.

Every violating example must be acted on (not "allow") and no allowed example removed. The few
examples no rule can catch are listed in `KNOWN_GAPS` with the reason; most are Urdu
*descriptions* of a video or an account ("a video in which…"), not text a user would post.
"""

from __future__ import annotations

from functools import cache

import pytest

from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator

KNOWN_GAPS: dict[str, str] = {
    # text prefix: why rules cannot (or should not) catch it
    "سکریو ڈرائیور سے گاڑی کا تالا": "description of a how-to video; the harm is in the footage",
    "مسیحی صفائی کارکنوں کا ذات پات": "description; the slur itself is not quoted",
    "ایک طالبہ کی ویڈیو پر ڈوئٹ": "description of a pile-on; no words to match",
    "Uff yeh load shedding, yeh b***d": "masked profanity 'b***d' (profanity filter, not in scope here)",
    "اُف یہ لوڈشیڈنگ، یہ [گالی]": "the profanity is a placeholder '[گالی]'",
    "اسٹریٹ فوڈ کی ویڈیو پر گالیوں": "description of a song; the words are not given",
    "Agar tum bhi meri tarah fail": "implicit suicide suggestion; needs a learned model",
    "کیپشن: 'اگر تم بھی میری طرح": "implicit suicide suggestion; needs a learned model",
    "ایک رقص کی ویڈیو کے نیچے کسی جنسی": "description; the explicit text is not given",
    "موٹروے پر حادثے کے بعد لاشوں": "graphic footage; nothing in the text",
    "2010 کے سیلاب کی فوٹیج": "old footage re-dated; needs claim/media matching",
    "گنتی مکمل ہونے سے پہلے": "a fake result graphic; image content",
    "پولنگ سے ایک رات پہلے": "synthetic audio; media forensics, not text",
    "Main ne is app se apne paisay double": "deepfake endorsement; the text alone is an ordinary boast",
    "ایک مشہور کرکٹر کی ڈیپ فیک": "description of a deepfake video",
    "ایک گاؤں کے بہہ جانے کی": "description of an unlabelled AI video",
    "صرف 300 روپے میں 1000 فالوورز": "fake-engagement sale; spam detector scope",
    "ایک گھنٹے میں 200 ویڈیوز": "behavioural spam (rate), not text",
    "'PTA Official Helpdesk' نامی اکاؤنٹ": "impersonation by profile name; account signals",
    "ایک مشہور گلوکار کی تصاویر": "impersonation by profile; account signals",
    "پی ٹی اے: آپ کی سم مشکوک": "scam detector scope (PTA SIM-block lure with a link)",
    "HEC degree verification se baat": "scam detector scope (code request without the word OTP)",
    "Bina documents 50 hazar ka qarz": "scam detector scope (scores 0.31, below review)",
    "ہمارے کرپٹو گروپ میں 50 ہزار": "scam detector scope (doubling scheme)",
    "Is larki ka number 0300-xxxxxxx": "doxxing with a masked number; pii detector scope",
    "اس لڑکی کا نمبر 0300-xxxxxxx": "doxxing with a masked number; pii detector scope",
    "کسی شخص کے شناختی کارڈ کی تصویر": "an ID card image; image content",
    "ایک 'پرینک' ویڈیو جس میں باپ": "description of a prank video",
}


@cache
def rule_moderator() -> Moderator:
    """Every registered default detector except the learned one, built through the registry."""
    registry = default_registry()
    detectors = [registry.create(name) for name in DEFAULT_DETECTORS if name != "learned"]
    return Moderator(detectors, default_catalogue())


def _examples(kind: str) -> list[tuple[str, str, str]]:
    rows = []
    for policy_id, policy in default_catalogue().policies.items():
        for example in getattr(policy.examples, kind):
            for lang in ("roman_ur", "ur"):
                text = getattr(example, lang)
                if text:
                    rows.append((policy_id, lang, text))
    return rows


VIOLATING = _examples("violating")
ALLOWED = _examples("allowed")


def _gap(text: str) -> bool:
    return any(text.startswith(prefix) for prefix in KNOWN_GAPS)


@pytest.mark.parametrize(("policy", "lang", "text"), VIOLATING)
def test_violating_example_is_acted_on(policy: str, lang: str, text: str) -> None:
    verdict = rule_moderator().check(text)
    if _gap(text):
        assert verdict.action == "allow", f"now caught: remove it from KNOWN_GAPS: {text}"
        pytest.xfail(f"known gap: {text[:40]}")
    assert verdict.action != "allow", f"{policy} ({lang}) allowed: {text}"


@pytest.mark.parametrize(("policy", "lang", "text"), ALLOWED)
def test_allowed_example_is_not_removed(policy: str, lang: str, text: str) -> None:
    verdict = rule_moderator().check(text)
    assert verdict.action != "remove", f"{policy} ({lang}) removed: {text} {verdict.findings}"


def test_every_known_gap_is_a_violating_example() -> None:
    texts = [text for _policy, _lang, text in VIOLATING]
    stale = [prefix for prefix in KNOWN_GAPS if not any(t.startswith(prefix) for t in texts)]
    assert stale == []


def test_registry_builds_every_rule_detector() -> None:
    names = {d.name for d in rule_moderator().detectors}
    assert {"regulated_goods", "youth_safety", "sexual_content", "harm_promotion", "misinfo_phrases"} <= names
    assert "learned" not in names
