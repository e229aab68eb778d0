"""Every user-facing message has natural Urdu; the catalogues match the code; Urdu letters are Urdu."""

from __future__ import annotations

import re

import pytest

from hifazat.web.i18n import choose_language, from_accept_language, translations
from hifazat.web.message_catalogue import extract, read_catalogue, untranslated

ARABIC_LETTERS = re.compile("[يكهة]")  # Arabic yeh, kaf, heh, teh marbuta: Urdu uses ی ک ہ ۃ
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.fixture(scope="module")
def messages() -> dict[str, list[str]]:
    return extract()


def test_messages_are_found(messages: dict[str, list[str]]) -> None:
    assert len(messages) > 150
    assert "Skip to main content" in messages  # from base.html
    assert "Choose what the problem is." in messages  # from a Python module (N_)


def test_every_message_has_an_urdu_translation(messages: dict[str, list[str]]) -> None:
    assert untranslated("ur", messages) == []


def test_catalogues_hold_no_stale_messages(messages: dict[str, list[str]]) -> None:
    for lang in ("en", "ur"):
        stored = {m.id for m in read_catalogue(lang) if m.id}
        assert stored == set(messages), f"run: python -m hifazat.web.message_catalogue update ({lang})"


def test_translations_keep_their_placeholders() -> None:
    for message in read_catalogue("ur"):
        if message.id and message.string:
            msgid, translated = str(message.id), str(message.string)
            assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(translated)), msgid


def test_urdu_uses_urdu_letters_not_arabic() -> None:
    for message in read_catalogue("ur"):
        if message.string:
            assert not ARABIC_LETTERS.search(str(message.string)), message.id


def test_urdu_translations_are_not_copies_of_the_english() -> None:
    copied = [m.id for m in read_catalogue("ur") if m.id and m.string == m.id]
    assert copied == []


def test_compiled_catalogue_translates() -> None:
    assert translations("ur").gettext("Report something") == "رپورٹ کریں"
    assert translations("en").gettext("Report something") == "Report something"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ur-PK", "ur"),  # a regional tag
        ("en-GB,en;q=0.9", "en"),  # English first
        ("pa-PK, ur;q=0.7, en;q=0.3", "ur"),  # Punjabi first, not supported: Urdu is next
        ("ur;q=0, en;q=0.1", "en"),  # q=0 means "not this one"
        ("*", None),  # anything: let the default decide
        ("", None),  # nothing
        ("ur;q=abc", None),  # a broken q-value counts as 0
    ],
)
def test_accept_language(header: str, expected: str | None) -> None:
    assert from_accept_language(header) == expected


def test_query_choice_is_remembered_only_when_it_changes() -> None:
    assert choose_language(query="ur", cookie="en", accept_language=None, default="en").remember
    assert not choose_language(query="ur", cookie="ur", accept_language=None, default="en").remember
