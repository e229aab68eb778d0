"""Cheap rejections in front of the detectors' heavier work must not change what they find."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.phrase_patterns import PhraseMatcher, load_phrase_rules
from hifazat.core.detectors.pii import _EMAIL, find_emails
from hifazat.core.detectors.spam import _BATCH_KEY, _batch_key
from hifazat.core.detectors.urls import LinkFinder
from hifazat.core.text.normalise import normalise


@pytest.mark.parametrize(
    "text",
    [
        "mail me at ali.khan@gmail.com",  # an address
        "a@b.co x@y",  # one address and one that is not
        "@user @user she said so",  # mentions only
        "@user.name hi",  # a mention with a dot but no domain
        "ali@mail.server.pk.",  # a trailing dot
        "contact: sara_99+promo@example.org!",  # plus and underscore
    ],
)
def test_email_rejection_agrees_with_the_full_pattern(text: str) -> None:
    assert [f.value for f in find_emails(text)] == [m.group() for m in _EMAIL.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Earn 5000!! daily",  # ASCII: digits and marks dropped
        "earn_daily 5000",  # an underscore is dropped too
        "یہ ویڈیو 100 بار دیکھی",  # Urdu: the regex path
        "fück this",  # a Latin letter outside ASCII
        "Ali_Khan 😂😂 ٹھیک ہے!!",  # underscore, emoji and Urdu letters
        "",  # nothing at all
    ],
)
def test_batch_key_keeps_only_letters(text: str) -> None:
    norm = normalise(text)
    assert _batch_key(norm) == _BATCH_KEY.sub("", norm.text)


def test_link_finder_hands_out_independent_lists() -> None:
    finder = LinkFinder()
    text = "free prize at jazzcash-bonus.xyz and bit.ly/abc"
    first = finder.find(text)
    first.clear()  # a caller's change must not leak into the next answer
    second = finder.find(text)
    assert [link.url for link in second] == ["jazzcash-bonus.xyz", "bit.ly/abc"]
    assert finder.find(text) == second


def test_phrase_matcher_without_a_keyword_finds_nothing() -> None:
    matcher = PhraseMatcher(load_phrase_rules("spam.yaml", policies=["integrity.spam"]))
    assert list(matcher.find("a perfectly ordinary comment")) == []
    assert [r.id for r, _ in matcher.find("follow for follow please")]  # the keyword path still works
