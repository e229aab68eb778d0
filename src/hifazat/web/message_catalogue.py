"""Keep the gettext catalogues complete: extract every message and merge it into the `.po` files.

    python -m hifazat.web.message_catalogue update [--part console]   # add new msgids, drop unused ones
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

from hifazat.web.i18n import BABEL_LOCALE, LANGS, PARTS, Lang, part_of, po_path, read_parts

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
    """The catalogue of `lang` as stored in the package, every part merged."""
    return read_parts(lang)


def owning_part(places: list[str]) -> str:
    """The part whose file holds a message: the Safety Centre's when any of its pages use it."""
    parts = [part_of(place) for place in places]
    return "messages" if "messages" in parts else sorted(parts)[0]


def update(lang: Lang, messages: dict[str, list[str]], part: str = "messages") -> tuple[int, int]:
    """Merge the messages owned by `part` into its `.po` file of `lang`; returns (added, removed).

    Only that part's file is written, so two people translating different parts never overwrite
    each other's work. Translations are kept when a message moves from one part to another.
    """
    path = WEB_DIR / po_path(lang, part)
    old = read_parts(lang)
    stored: set[str] = set()
    if path.exists():
        with path.open("rb") as handle:
            stored = {str(m.id) for m in read_po(handle, locale=BABEL_LOCALE[lang]) if m.id}
    new = Catalog(
        locale=BABEL_LOCALE[lang],
        project="Hifazat Safety Centre",
        version="1",
        msgid_bugs_address="",
        copyright_holder="Hifazat contributors",
        domain="messages",
    )
    added = 0
    owned = {msgid: places for msgid, places in messages.items() if owning_part(places) == part}
    for msgid, places in sorted(owned.items()):
        previous = old.get(msgid)
        translated = previous.string if previous is not None and previous.string else ""
        if msgid not in stored:
            added += 1
        locations = [(place.rsplit(":", 1)[0], int(place.rsplit(":", 1)[1])) for place in places]
        new.add(msgid, translated, locations=locations)
    removed = len(stored - set(owned))
    if not owned and not path.exists():
        return 0, 0
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
    """Entry point: `update [--part NAME]` or `check`."""
    command = argv[0] if argv else "check"
    messages = extract()
    if command == "update":
        parts = list(PARTS)
        if len(argv) == 3 and argv[1] == "--part" and argv[2] in PARTS:
            parts = [argv[2]]
        elif len(argv) != 1:
            print(f"usage: update [--part {'|'.join(PARTS)}]", file=sys.stderr)
            return 2
        for part in parts:
            for lang in LANGS:
                added, removed = update(lang, messages, part)
                print(f"{part}/{lang}: {added} new, {removed} dropped")
        return 0
    if command == "check":
        missing = untranslated("ur", messages)
        for msgid in missing:
            print(f"missing Urdu: {msgid!r} ({', '.join(messages[msgid][:2])})")
        print(f"{len(messages)} messages, {len(missing)} without Urdu")
        return 1 if missing else 0
    print("usage: python -m hifazat.web.message_catalogue update [--part NAME]|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
