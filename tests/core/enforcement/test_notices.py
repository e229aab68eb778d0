"""Notices in English and Urdu: complete, written in Urdu letters, and private for reporters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hifazat.core.enforcement.notices import (
    YOUR_KIND_UR,
    all_texts,
    decision_notice,
    report_outcome_notice,
    when,
)
from hifazat.core.enforcement.standing import Strike, expiry, standing
from hifazat.core.enforcement.vocabulary import CONTENT_KINDS, OUTCOMES

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)
ARABIC_ONLY = "يكه"  # Arabic yeh, kaf, heh: Urdu uses ی ک ہ instead
POLICY = ("Harassment and bullying", "ہراسانی اور دھونس")


def test_every_text_has_both_languages_and_urdu_letters() -> None:
    for english, urdu in all_texts():
        assert english.strip() and urdu.strip()
        assert not set(urdu) & set(ARABIC_ONLY), urdu
        assert any("\u0600" <= ch <= "\u06ff" for ch in urdu), urdu
        # both sides use the same placeholders (Urdu may say {your_kind} where English says {kind})
        assert set(_fields(english)) - {"kind"} <= set(_fields(urdu)) | {"kind"}


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_every_kind_has_an_urdu_phrase() -> None:
    assert set(YOUR_KIND_UR) == set(CONTENT_KINDS)


@pytest.mark.parametrize("outcome", [o for o in OUTCOMES if o != "no_violation"])
@pytest.mark.parametrize("language", ["en", "ur"])
def test_decision_notices_name_the_guideline_and_the_appeal(outcome: str, language: str) -> None:
    notice = decision_notice(
        language=language,  # type: ignore[arg-type]
        kind="video",
        outcome=outcome,  # type: ignore[arg-type]
        policy=POLICY,
        appeal_until=T0,
    )
    assert POLICY[0 if language == "en" else 1] in notice.body
    assert when(T0, language) in notice.body  # type: ignore[arg-type]
    assert "{" not in notice.title + notice.body


def test_a_strike_notice_in_urdu_reads_naturally() -> None:
    struck = Strike(1, "a", 1, "safety.harassment", "comments", 2, 2, T0, expiry(T0, 2))
    notice = decision_notice(
        language="ur",
        kind="comment",
        outcome="remove",
        policy=POLICY,
        appeal_until=T0,
        strike_expires=struck.expires_at,
        struck=True,
        standing=standing([struck], T0),
    )
    assert notice.title == "آپ کے تبصرے کو ہٹا دیا گیا ہے"
    assert "اسٹرائیک" in notice.body and "31 جنوری 2027" in notice.body
    assert "پاکستانی وقت" in notice.body


def test_reporters_learn_the_outcome_not_the_account() -> None:
    acted = report_outcome_notice(language="en", kind="comment", actioned=True, policy=POLICY)
    cleared = report_outcome_notice(language="ur", kind="comment", actioned=False, policy=None)
    assert POLICY[0] in acted.body
    for text in (acted.body, cleared.body):
        for private in ("strike", "ban", "suspend", "اسٹرائیک", "معطل"):
            assert private not in text


def test_times_are_shown_in_pakistan_time() -> None:
    assert when(T0, "en") == "2 Nov 2026, 14:00 PKT"
    assert when(T0, "ur") == "2 نومبر 2026، 14:00 (پاکستانی وقت)"
