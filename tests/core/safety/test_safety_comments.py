"""Keyword filters, comment screening and visibility, screen time, and the bilingual messages."""

from __future__ import annotations

from datetime import date

import pytest

from hifazat.core.errors import InvalidInputError
from hifazat.core.safety import messages
from hifazat.core.safety.comments import (
    NUDGE_UR,
    Assessment,
    CommentFacts,
    in_feed,
    screen_comment,
    should_nudge,
    visible_comments,
)
from hifazat.core.safety.keywords import KeywordFilter, clean_keyword, skeleton
from hifazat.core.safety.screen_time import ScreenTimeStatus
from hifazat.core.safety.settings import SETTINGS, SafetySettings

FILTER = KeywordFilter(["kutta", "bakwas", "idiot", "chup kar", "گدھا"])


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("tu kutta hai", "kutta"),  # plain Roman Urdu
        ("تو کتا ہے", "kutta"),  # the same word in Urdu script
        ("KUTTAAA", "kutta"),  # shouting, repeated letters
        ("bakwaas band karo", "bakwas"),  # Roman Urdu spelling variant
        ("i d i o t", "idiot"),  # spaced out
        ("id10t", "idiot"),  # leetspeak
        ("what an idoit", "idiot"),  # misspelt (one transposition)
        ("CHUP KAR yaar", "chup kar"),  # two-word keyword
        ("gadha hai tu", "گدھا"),  # Urdu-script keyword, Roman Urdu comment
        ("گدہا", "گدھا"),  # Urdu letter variant (ہ for ھ)
    ],
)
def test_keyword_catches_variants(text: str, keyword: str) -> None:
    assert FILTER.match(text) == keyword


@pytest.mark.parametrize(
    "text",
    [
        "what a lovely video",  # nothing
        "he flew a kite",  # kite shares a skeleton and a short variant key with kutta: not enough
        "chup",  # half of a two-word keyword
        "idiom",  # two edits from idiot
    ],
)
def test_keyword_leaves_innocent_text(text: str) -> None:
    assert FILTER.match(text) is None


def test_skeletons_agree_across_scripts() -> None:
    assert skeleton("kutta") == skeleton("کتا") == "kt"
    assert skeleton("khabees") == skeleton("خبیث")


@pytest.mark.parametrize("raw", ["", "   ", "!!!", "x" * 61])
def test_bad_keywords(raw: str) -> None:
    with pytest.raises(InvalidInputError):
        clean_keyword(raw)


OFFENSIVE = Assessment("review", frozenset({"safety.harassment"}))
SPAM = Assessment("label", frozenset({"integrity.spam"}))
CLEAN = Assessment()


@pytest.mark.parametrize(
    ("text", "assessment", "settings", "by_creator", "want"),
    [
        # Clean comment, default settings: shown.
        ("nice", CLEAN, SafetySettings(), False, ("visible", None)),
        # The engine removes: removed even for the creator.
        (
            "x",
            Assessment("remove", frozenset({"safety.threats"})),
            SafetySettings(),
            True,
            ("removed", "engine"),
        ),
        # A creator's keyword holds the comment.
        ("bakwaas", CLEAN, SafetySettings(), False, ("held", "keyword")),
        # Offensive and spam comments are held while the filter is on ...
        ("x", OFFENSIVE, SafetySettings(), False, ("held", "spam_offensive")),
        ("x", SPAM, SafetySettings(), False, ("held", "spam_offensive")),
        # ... and shown when the creator turned it off.
        ("x", OFFENSIVE, SafetySettings(filter_spam_offensive=False), False, ("visible", None)),
        # Filter all: every comment waits for approval ...
        ("nice", CLEAN, SafetySettings(filter_all_comments=True), False, ("held", "filter_all")),
        # ... except the creator's own.
        ("nice", CLEAN, SafetySettings(filter_all_comments=True), True, ("visible", None)),
    ],
)
def test_screen_comment(
    text: str,
    assessment: Assessment,
    settings: SafetySettings,
    by_creator: bool,
    want: tuple[str, str | None],
) -> None:
    got = screen_comment(
        text=text, assessment=assessment, creator_settings=settings, keywords=FILTER, by_creator=by_creator
    )
    assert (got.state, got.reason) == want


def test_nudge_only_for_unkind_words() -> None:
    assert should_nudge(OFFENSIVE)
    assert not should_nudge(SPAM)
    assert not should_nudge(CLEAN)
    assert "؟" in NUDGE_UR


COMMENTS = [
    CommentFacts("c1", "alice", "visible"),
    CommentFacts("c2", "rude", "visible"),  # author restricted by the creator
    CommentFacts("c3", "bob", "held"),
    CommentFacts("c4", "troll", "visible"),  # the viewer and troll blocked each other
    CommentFacts("c5", "alice", "deleted"),
]


@pytest.mark.parametrize(
    ("viewer", "ids"),
    [
        ("viewer", ["c1"]),  # a bystander sees only visible comments of unrestricted, unblocked authors
        ("rude", ["c1", "c2", "c4"]),  # a restricted author still sees their own comment
        ("bob", ["c1", "c3", "c4"]),  # a held comment is seen by its author
    ],
)
def test_visible_comments(viewer: str, ids: list[str]) -> None:
    blocked = frozenset({"troll"}) if viewer == "viewer" else frozenset()
    shown = visible_comments(
        viewer, COMMENTS, blocked_with_viewer=blocked, restricted_by_creator=frozenset({"rude"})
    )
    assert [c.id for c in shown] == ids


def test_mute_hides_from_feed_only() -> None:
    assert not in_feed("noisy", muted=frozenset({"noisy"}), blocked_with_viewer=frozenset())
    assert in_feed("friend", muted=frozenset({"noisy"}), blocked_with_viewer=frozenset())


@pytest.mark.parametrize(
    ("used", "limit", "extended", "remaining", "passcode"),
    [
        (30, 60, 0, 30, False),  # half way
        (60, 60, 0, 0, True),  # limit reached: passcode needed
        (75, 60, 30, 15, False),  # after one passcode extension
        (500, None, 0, None, False),  # adults without a limit
    ],
)
def test_screen_time(
    used: int, limit: int | None, extended: int, remaining: int | None, passcode: bool
) -> None:
    status = ScreenTimeStatus(date(2026, 11, 25), used, limit, extended)
    assert status.remaining_minutes == remaining and status.needs_passcode is passcode
    en, ur = status.summary()
    assert str(used) in en and str(used) in ur


def _urdu_strings() -> list[str]:
    out = [ur for _en, ur in messages.CANNOT.values()]
    out += [ur for _en, ur in messages.BECAUSE.values()]
    out += [ur for _en, ur in messages.ALLOWED.values()]
    out += [s.label_ur for s in SETTINGS.values()]
    out.append(NUDGE_UR)
    return out


@pytest.mark.parametrize("text", _urdu_strings())
def test_urdu_uses_urdu_letters(text: str) -> None:
    assert not set(text) & {"ي", "ك", "ه"}, "Arabic yeh/kaf/heh instead of Urdu ی ک ہ"
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)
