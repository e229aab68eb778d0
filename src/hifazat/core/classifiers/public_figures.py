"""Names of public figures and parties, blanked out before a learned model scores a comment.

The Roman Urdu training tweets (RUHSOLD) are full of politics, and the model learned who is being talked
about as well as how: "Nawaz Sharif chor hai" scored 0.87 harassment and was removed, "Imran Khan chor
hai" scored 0.45 and was allowed. Which politician is named must not decide a verdict. So production
scoring blanks these names: each of their characters becomes `_`, which the feature tokeniser skips, so
the text keeps its length (evidence offsets still map to the original) and the model sees only what is
said about the person. Data set evaluation (`hifazat eval`) scores the data sets' own texts unchanged.

The list holds full names, and single names only where politics is what they usually mean ("Nawaz",
"Zardari", "Bilawal", "Modi"): a common name or word alone ("Imran", "Shahbaz", "Rizvi", "sharif" =
decent) stays, because blanking it would change what private people's comments say.
"""

from __future__ import annotations

import re

import ahocorasick

_ROMAN = (
    # Pakistani leaders, past and present, and their parties
    "nawaz sharif", "nawaz shareef", "mian nawaz", "nawaz", "shahbaz sharif", "shahbaz shareef", "shehbaz sharif",
    "shehbaz shareef", "maryam nawaz", "hamza shahbaz", "imran khan", "imran niazi", "niazi",
    "asif zardari", "asif ali zardari", "zardari", "bilawal bhutto", "bilawal", "bhutto", "benazir bhutto",
    "fazlur rehman", "fazal ur rehman", "fazl ur rehman", "fazlur", "maulana fazl",
    "altaf hussain", "altaf bhai", "musharraf", "qamar bajwa", "general bajwa", "asim munir",
    "usman buzdar", "buzdar", "pervaiz elahi", "parvez elahi", "sheikh rasheed", "shaikh rasheed",
    "ishaq dar", "khawaja asif", "jahangir tareen", "shah mehmood qureshi", "fawad chaudhry",
    "murad ali shah", "siraj ul haq", "saad rizvi", "khadim rizvi",
    "pti", "pmln", "pml-n", "pml n", "noon league", "ppp", "mqm", "jui", "juif", "jui-f", "tlp",
    # neighbours' leaders, as often named in these comments
    "modi", "narendra modi", "rahul gandhi", "ashraf ghani",
)  # fmt: skip

_URDU = (
    "نواز شریف", "نواز", "شہباز شریف", "مریم نواز", "حمزہ شہباز", "عمران خان", "عمران نیازی", "نیازی",
    "آصف زرداری", "آصف علی زرداری", "زرداری", "بلاول بھٹو", "بلاول", "بھٹو",
    "فضل الرحمان", "فضل الرحمن", "مولانا فضل", "الطاف حسین", "مشرف", "قمر باجوہ", "جنرل باجوہ", "عاصم منیر",
    "بزدار", "پرویز الہی", "شیخ رشید", "اسحاق ڈار", "جہانگیر ترین", "سعد رضوی", "خادم رضوی", "مودی",
    "پی ٹی آئی", "ن لیگ", "مسلم لیگ ن", "پیپلز پارٹی", "ایم کیو ایم", "جے یو آئی", "ٹی ایل پی",
)  # fmt: skip


def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted({n.lower() for n in names}, key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in longest_first)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _normalised(names: tuple[str, ...]) -> tuple[str, ...]:
    """The Urdu names as the normaliser writes them (آ -> ا, ئ -> ی, ...), so they match normalised text."""
    from hifazat.core.text.normalise import normalise

    return tuple(normalise(n).text for n in names)


_NAMES = _pattern(_ROMAN + _normalised(_URDU))
_FRAGMENTS = (
    "nawaz", "shahbaz", "shehbaz", "imran", "niazi", "zardari", "bilawal", "bhutto", "fazl", "fazal", "altaf",
    "musharraf", "bajwa", "munir", "buzdar", "elahi", "rasheed", "ishaq", "khawaja", "tareen", "qureshi",
    "fawad", "murad ali", "siraj", "rizvi", "pti", "pml", "noon league", "ppp", "mqm", "jui", "tlp", "modi",
    "gandhi", "ghani",
    "نواز", "شریف", "شہباز", "عمران", "نیازی", "زرداری", "بلاول", "بھٹو", "فضل", "الطاف", "مشرف", "باجوہ",
    "منیر", "بزدار", "الہی", "رشید", "ڈار", "ترین", "رضوی", "مودی", "پی ٹی", "لیگ", "پیپلز", "ایم کیو", "جے یو",
    "ٹی ایل",
)  # fmt: skip
"""A superset of the names: pieces without boundaries or alternative spellings, found in one Aho–Corasick
pass, so most texts are let through without running the name pattern at all."""


def _automaton(fragments: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for fragment in fragments:
        automaton.add_word(fragment, fragment)
    automaton.make_automaton()
    return automaton


_CHEAP = _automaton(_FRAGMENTS)


def blank_public_figures(text: str) -> str:
    """`text` (normalised) with every listed name's characters replaced by `_` (same length)."""
    if next(_CHEAP.iter(text), None) is None:
        return text
    return _NAMES.sub(lambda m: re.sub(r"\S", "_", m.group(0)), text)
