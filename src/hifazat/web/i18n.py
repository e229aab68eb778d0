"""Languages of the web pages: choosing one per request, and the gettext catalogues for en and ur.

The language comes from `?lang=ur|en` (remembered in a cookie), then that cookie, then the
browser's `Accept-Language`, then `settings.default_locale`. Catalogues are read from
`locale/<lang>/LC_MESSAGES/messages.po` and compiled in memory when the app starts, so a
stale `.mo` file can never hide a new translation.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

Lang = Literal["en", "ur"]
LANGS: tuple[Lang, ...] = ("en", "ur")
DIRECTION: dict[Lang, str] = {"en": "ltr", "ur": "rtl"}
BABEL_LOCALE: dict[Lang, str] = {"en": "en_PK", "ur": "ur_PK"}
"""Babel locale used for dates and numbers (Pakistani conventions)."""
NATIVE_NAME: dict[Lang, str] = {"en": "English", "ur": "اردو"}
LANG_COOKIE = "hz_lang"
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated where it is shown."""
    return message


def parse_lang(value: str | None) -> Lang | None:
    """`value` when it names a supported language, else None."""
    if value == "en":
        return "en"
    if value == "ur":
        return "ur"
    return None


def from_accept_language(header: str | None) -> Lang | None:
    """The supported language the browser prefers most (by q-value), or None."""
    if not header:
        return None
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        lang = parse_lang(tag.split("-")[0])
        if lang is None or quality <= 0:
            continue
        candidate = (quality, -position, lang)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    """The language for one request and whether it should be remembered in the cookie."""

    lang: Lang
    remember: bool
    """True when `?lang=` named a language different from the cookie's."""


def choose_language(
    *, query: str | None, cookie: str | None, accept_language: str | None, default: Lang
) -> LanguageChoice:
    """Apply the order: query, cookie, Accept-Language, default."""
    asked = parse_lang(query)
    remembered = parse_lang(cookie)
    if asked is not None:
        return LanguageChoice(asked, remember=asked != remembered)
    if remembered is not None:
        return LanguageChoice(remembered, remember=False)
    return LanguageChoice(from_accept_language(accept_language) or default, remember=False)


PARTS: tuple[str, ...] = ("messages", "console", "ambassadors")
"""The catalogue is kept in one `.po` file per part of the site, so that the moderator console and
the ambassador pages can be translated without touching the Safety Centre's file."""


def part_of(place: str) -> str:
    """The catalogue part that holds a message used at `place` (a path inside the web package)."""
    name = place.replace("\\", "/")
    if "console" in name:
        return "console"
    if "ambassador" in name:
        return "ambassadors"
    return "messages"


def po_path(lang: Lang, part: str = "messages") -> str:
    """Where one part of the catalogue of `lang` lives inside the package (for tools and tests)."""
    return f"locale/{lang}/LC_MESSAGES/{part}.po"


def read_parts(lang: Lang) -> Catalog:
    """Every part of the catalogue of `lang` merged into one (parts that do not exist are skipped)."""
    merged = Catalog(locale=BABEL_LOCALE[lang], domain="messages")
    for part in PARTS:
        source = resources.files("hifazat.web").joinpath(po_path(lang, part))
        if not source.is_file():
            continue
        with source.open("rb") as handle:
            catalogue = read_po(handle, locale=BABEL_LOCALE[lang])
        for message in catalogue:
            if message.id:
                merged[message.id] = message
    return merged


@cache
def translations(lang: Lang) -> Translations:
    """The compiled gettext catalogue for `lang` (English falls back to the msgids)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_parts(lang))
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages")
