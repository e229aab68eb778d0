"""Keep the gettext catalogues complete: extract every message and merge it into the `.po` files.

    python -m hifazat.web.message_catalogue update   # add new msgids, drop unused ones
    python -m hifazat.web.message_catalogue check    # exit 1 when a msgid lacks its Urdu text

Messages come from the templates (`_()`) and the Python modules (`_()`, `gettext()`, `N_()`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from hifazat.web.i18n import BABEL_LOCALE, LANGS, Lang, po_path

WEB_DIR = Path(__file__).parent
METHOD_MAP = [
    ("templates/**.html", "jinja2.ext:babel_extract"),
    ("**.py", "python"),
]
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}
OPTIONS = {
    "templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
}


def extract() -> dict[str, list[str]]:
    """Every msgid used by the web package, with the places (file:line) that use it."""
    found: dict[str, list[str]] = {}
    results: Iterable[tuple[str, int, str | tuple[str, ...], list[str], str | None]] = extract_from_dir(
        str(WEB_DIR), METHOD_MAP, options_map=OPTIONS, keywords=KEYWORDS
    )
    for filename, lineno, message, _comments, _context in results:
        msgid = message if isinstance(message, str) else message[0]
        if msgid:
            found.setdefault(msgid, []).append(f"{filename}:{lineno}")
    return found


def read_catalogue(lang: Lang) -> Catalog:
    """The `.po` catalogue of `lang` as stored in the package."""
    with (WEB_DIR / po_path(lang)).open("rb") as handle:
        return read_po(handle, locale=BABEL_LOCALE[lang])


def update(lang: Lang, messages: dict[str, list[str]]) -> tuple[int, int]:
    """Merge `messages` into the `.po` file of `lang`; returns (added, removed)."""
    path = WEB_DIR / po_path(lang)
    if path.exists():
        old = read_catalogue(lang)
    else:
        old = Catalog(locale=BABEL_LOCALE[lang], project="Hifazat", domain="messages")
    new = Catalog(
        locale=BABEL_LOCALE[lang],
        project="Hifazat Safety Centre",
        version="1",
        msgid_bugs_address="",
        copyright_holder="Hifazat contributors",
        domain="messages",
    )
    added = 0
    for msgid, places in sorted(messages.items()):
        previous = old.get(msgid)
        translated = previous.string if previous is not None and previous.string else ""
        if previous is None:
            added += 1
        locations = [(place.rsplit(":", 1)[0], int(place.rsplit(":", 1)[1])) for place in places]
        new.add(msgid, translated, locations=locations)
    removed = sum(1 for message in old if message.id and message.id not in messages)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, new, width=100, sort_output=True, omit_header=False)
    return added, removed


def untranslated(lang: Lang, messages: dict[str, list[str]]) -> list[str]:
    """msgids used in the code that have no translation in `lang` (English needs none)."""
    if lang == "en":
        return []
    catalogue = read_catalogue(lang)
    missing: list[str] = []
    for msgid in messages:
        entry = catalogue.get(msgid)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(msgid)
    return sorted(missing)


def main(argv: list[str]) -> int:
    """Entry point: `update` or `check`."""
    command = argv[0] if argv else "check"
    messages = extract()
    if command == "update":
        for lang in LANGS:
            added, removed = update(lang, messages)
            print(f"{lang}: {len(messages)} messages, {added} new, {removed} dropped")
        return 0
    if command == "check":
        missing = untranslated("ur", messages)
        for msgid in missing:
            print(f"missing Urdu: {msgid!r} ({', '.join(messages[msgid][:2])})")
        print(f"{len(messages)} messages, {len(missing)} without Urdu")
        return 1 if missing else 0
    print("usage: python -m hifazat.web.message_catalogue update|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
