"""Personal information (doxxing): CNIC numbers, Pakistani phone numbers, e-mail addresses, home addresses.

Locators work on the ORIGINAL text (leet folding would damage digits and `@`), accept ASCII,
Urdu (۰–۹) and Arabic-Indic (٠–٩) digits, and return spans into it. The detector scores each
kind by who the information seems to be about: someone else ("iska number", "here is her
address") scores high, the poster's own business contact ("order ke liye rabta karein") low.
Nothing is masked: spans point at the information itself so a moderator can see it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar, Literal

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.phrase_patterns import KeywordGate, tolerant
from hifazat.core.signals import Signal, Span

PiiKind = Literal["cnic", "phone", "email", "address"]
About = Literal["other", "self", "unknown"]

_D = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_D17 = r"[1-7\u0661-\u0667\u06F1-\u06F7]"
_SEP = r"[ \t.\-\u2010-\u2015]{0,2}"


def _digit(ascii_digit: str) -> str:
    """A character class for one digit in ASCII, Arabic-Indic and Urdu forms."""
    value = int(ascii_digit)
    return f"[{value}{chr(0x0660 + value)}{chr(0x06F0 + value)}]"


_ZERO, _THREE, _PK = _digit("0"), _digit("3"), _digit("9") + _digit("2")
_MOBILE = re.compile(
    rf"(?<![\w+])(?:(?:\+|{_ZERO}{_ZERO})?{_PK}{_SEP}{_ZERO}?|{_ZERO}){_SEP}{_THREE}(?:{_SEP}{_D}){{9}}(?!{_D})"
)
_LANDLINE = re.compile(
    rf"(?<![\w+])(?:(?:\+|{_ZERO}{_ZERO}){_PK}{_SEP}|\(?{_ZERO})(?!{_THREE})"
    rf"{_D}{{2,3}}\)?[ \t.\-]{{1,2}}{_D}{{6,8}}(?!{_D})"
)
_CNIC_DASHED = re.compile(
    rf"(?<!{_D}){_D17}{_D}{{4}}[\-\u2010-\u2015 ]{_D}{{7}}[\-\u2010-\u2015 ]{_D}(?!{_D})"
)
_CNIC_PLAIN = re.compile(rf"(?<!{_D}){_D17}{_D}{{12}}(?!{_D})")
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_EMAIL_DOMAIN = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
"""The part of `_EMAIL` from the `@` on: it starts with a literal, so text without it is rejected fast."""
_CNIC_WORDS = re.compile(tolerant(r"\b(?:cnic|nic|id card|shanakhti|shanakht)\b|شناختی|شناخت"))

_NUM = rf"(?:no\.?|number|num|nmbr|nbr|#)?\s*[:#]?\s*{_D}+[a-z]?\b"
_ADDRESS_PARTS: tuple[tuple[str, int, str], ...] = (
    ("house", 2, rf"\b(?:house|flat|apartment|apt|bungalow|kothi)\s*{_NUM}"),
    ("house", 2, rf"\b(?:h|ghar|makan|plot)\s*(?:no\.?|number|num|#)\s*[:#]?\s*{_D}+[a-z]?\b"),
    ("street", 1, rf"\b(?:street|st|gali|galli|lane|road|rd)\s*{_NUM}"),
    ("block", 1, r"\b(?:block|phase|sector)\s*[a-z0-9]{1,3}(?:[-/][a-z0-9]{1,2})?\b"),
    ("sector", 1, r"\b[a-i]-\d{1,2}(?:/\d)?\b"),
    ("mohalla", 1, r"\b(?:mohall?ah?|muhall?ah?)\s+[a-z]\w+(?:\s(?:abad|nagar|pura|town|colony)\b)?"),
    (
        "area",
        1,
        r"\b(?:bahria town|model town|johar town|dha|gulberg|gulshan[- ]e[- ]iqbal|satellite town)\b",
    ),
    ("city", 0, r"\b(?:islamabad|rawalpindi|lahore|karachi|peshawar|quetta|multan|faisalabad|sialkot)\b"),
    ("house", 2, rf"(?:مکان|گھر|فلیٹ|پلاٹ)\s*(?:نمبر|#)?\s*{_D}+"),
    ("street", 1, rf"(?:گلی|سٹریٹ|اسٹریٹ|روڈ)\s*(?:نمبر|#)?\s*{_D}+"),
    ("block", 1, r"(?:بلاک|سیکٹر|فیز)\s*\S{1,5}"),
    ("mohalla", 1, r"محلہ\s+\S+(?:\s(?:آباد|نگر|پورہ|ٹاؤن|کالونی))?"),
    ("city", 0, r"(?:اسلام آباد|راولپنڈی|لاہور|کراچی|پشاور|کوئٹہ|ملتان|فیصل آباد)"),
)
_ADDRESS = re.compile(
    "|".join(f"(?P<p{i}>{tolerant(p)})" for i, (_, _, p) in enumerate(_ADDRESS_PARTS)),
    re.IGNORECASE,
)
_ADDRESS_GAP = 40
"""Address parts closer than this many characters belong to one address."""

_PII_NOUN = (
    r"(?:number|numbr|nmbr|num|no|phone|mobile|cell|contact|whatsapp|address|adress|ghar|house|home|pata|"
    r"location|cnic|id card|email|mail)"
)
_ABOUT_OTHER_NEAR = re.compile(
    tolerant(
        r"\b(?:is|us|in|un|iss|uss)(?:\s?|\s+(?:larki|larka|larke|bande|banday|aurat|ladki|ladka|ladke|bachi|"
        r"admi|insan|dost|teacher)\s+)(?:ka|ki|ke)\b(?:\s+\S+){0,3}?\s+" + _PII_NOUN + r"\b"
        r"|\b(?:her|his|their|this (?:guy|girl|man|woman|person)'?s?)\s+(?:\w+\s+)?" + _PII_NOUN + r"\b"
        r"|(?:اس|ان)\s(?:کا|کی|کے)(?:\s+\S+){0,3}?\s+(?:نمبر|فون|گھر|پتہ|ایڈریس|شناختی)"
    ),
    re.IGNORECASE,
)
"""Someone else's information named just before it: "iska number", "is ki behen ka ghar", "us larki ka
number", "her address"."""
_DOXXING = re.compile(
    tolerant(
        r"\b(?:leak(?:ed)?|dox(?:x)?(?:ed|ing)?|expose[ds]?|exposing)\b"
        r"|\bhere(?:'s| is)\s+(?:his|her|their)\b"
        r"|\b(?:sab|sb|everyone|everybody|all of you)\s+(?:is\s+|isko\s+|usko\s+)?(?:ko\s+)?"
        r"(?:call|msg|message|text|spam|tang|harass)\w*"
        r"|\b(?:isko|usko|isay|usay|ise|use|her|him)\s+(?:call|msg|message|tang|spam|harass)\w*"
        r"|سب\s+(?:اس کو|اسے)?\s*(?:کال|میسج|تنگ)"
    ),
    re.IGNORECASE,
)
"""Calls to use the information against someone, anywhere in the text."""
_ABOUT_SELF = re.compile(
    tolerant(
        r"\b(?:my|mera|meri|mere|hamara|hamari|our)\s+(?:\w+\s+)?" + _PII_NOUN + r"\b"
        r"|\bcontact\s+(?:us|me)\b|\b(?:call|whatsapp|email|text|dm)\s+(?:us|me)\b"
        r"|\bfor\s+(?:orders?|booking|bookings|business|inquir\w*|enquir\w*|collab\w*|details|info|promotion)\b"
        r"|\border\s+(?:now|karein|karen|ke liye|kay liye)\b|\bra+b+ta\b|\bhum se\b|\bhumse\b"
        r"|میرا|ہمارا|رابطہ|آرڈر|بکنگ"
    ),
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_SEVEN_DIGITS = re.compile(
    r"[0-9\u0660-\u0669\u06F0-\u06F9](?:[ \t.\-\u2010-\u2015()]{0,2}[0-9\u0660-\u0669\u06F0-\u06F9]){6}"
)
"""Cheap test before the phone and CNIC patterns: seven digits, maybe separated."""
_ADDRESS_WORDS = (
    "house", "street", "gali", "lane", "road", "block", "phase", "sector", "mohall", "muhall", "flat",
    "apartment", "apt", "plot", "bungalow", "kothi", "ghar n", "ghar #", "makan", "h#", "h #", "h no",
    "مکان", "گھر", "فلیٹ", "پلاٹ", "گلی", "سٹریٹ", "اسٹریٹ", "روڈ", "بلاک", "سیکٹر", "فیز", "محلہ",
)  # fmt: skip

_SCORES: dict[str, dict[About, float]] = {
    "cnic": {"other": 0.9, "unknown": 0.75, "self": 0.5},
    "cnic-plain": {"other": 0.8, "unknown": 0.5, "self": 0.35},
    "phone": {"other": 0.85, "unknown": 0.4, "self": 0.15},
    "email": {"other": 0.75, "unknown": 0.3, "self": 0.1},
    "address": {"other": 0.9, "unknown": 0.6, "self": 0.25},
    "address-weak": {"other": 0.8, "unknown": 0.4, "self": 0.15},
}


@dataclass(frozen=True, slots=True)
class Found:
    """One piece of personal information located in the original text."""

    kind: PiiKind
    start: int
    end: int
    value: str
    """The matched text; for numbers, its digits in ASCII."""
    strong: bool = True
    """False for forms that need context (13 bare digits, an address without a house number)."""


def ascii_digits(text: str) -> str:
    """Only the digits of `text`, converted to ASCII (Urdu and Arabic-Indic digits included)."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdecimal())


def find_phones(text: str) -> list[Found]:
    """Pakistani mobile (03xx-xxxxxxx, +92 3xx…) and landline numbers (0xx-xxxxxxx) in `text`."""
    found: list[Found] = []
    for m in _MOBILE.finditer(text):
        digits = ascii_digits(m.group())
        national = "0" + digits[digits.index("3") :] if not digits.startswith("03") else digits
        if len(national) == 11:
            found.append(Found("phone", m.start(), m.end(), national))
    taken = [(f.start, f.end) for f in found]
    for m in _LANDLINE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(Found("phone", m.start(), m.end(), ascii_digits(m.group())))
    return sorted(found, key=lambda f: f.start)


def find_cnics(text: str) -> list[Found]:
    """CNIC numbers: `xxxxx-xxxxxxx-x` (strong) and 13 bare digits (weak) in `text`."""
    found = [Found("cnic", m.start(), m.end(), ascii_digits(m.group())) for m in _CNIC_DASHED.finditer(text)]
    found += [
        Found("cnic", m.start(), m.end(), ascii_digits(m.group()), strong=False)
        for m in _CNIC_PLAIN.finditer(text)
    ]
    return sorted(found, key=lambda f: f.start)


def find_emails(text: str) -> list[Found]:
    """E-mail addresses in `text`."""
    if not _EMAIL_DOMAIN.search(text):  # `@user` mentions: no address, and no slow scan
        return []
    return [Found("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


def find_addresses(text: str) -> list[Found]:
    """Home addresses: nearby address parts merged into one span; strong when a house number is in it."""
    parts: list[tuple[int, int, str, int]] = []
    for m in _ADDRESS.finditer(text):
        index = int(str(m.lastgroup)[1:])
        kind, weight, _ = _ADDRESS_PARTS[index]
        parts.append((m.start(), m.end(), kind, weight))
    found: list[Found] = []
    group: list[tuple[int, int, str, int]] = []
    for part in [*parts, (len(text) + 10 * _ADDRESS_GAP, 0, "", 0)]:
        if group and part[0] - group[-1][1] > _ADDRESS_GAP:
            weights = [w for _, _, _, w in group]
            located = [g for g in group if g[3] > 0]
            if located and (max(weights) >= 2 or len(located) >= 2):
                start, end = group[0][0], group[-1][1]
                found.append(Found("address", start, end, text[start:end], strong=max(weights) >= 2))
            group = []
        group.append(part)
    return found


def about_whom(text: str, start: int, end: int) -> About:
    """Whether the information at `[start, end)` of the original text is presented as someone
    else's (doxxing), as the poster's own (business contact), or neither."""
    if _DOXXING.search(text) or _ABOUT_OTHER_NEAR.search(text, max(0, start - 80), end):
        return "other"
    if _ABOUT_SELF.search(text):
        return "self"
    return "unknown"


_RANK: dict[About, int] = {"self": 0, "unknown": 1, "other": 2}


class PiiDetector(Detector):
    """privacy.personal_info: one signal per kind of personal information found."""

    name: ClassVar[str] = "pii"
    version: ClassVar[str] = "2"

    def __init__(self) -> None:
        self._address_gate = KeywordGate((word, 0) for word in _ADDRESS_WORDS)

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The address-word gate (for a shared keyword pass)."""
        return (self._address_gate,)

    def detect(self, item: Item) -> list[Signal]:
        text = item.text
        found: list[Found] = []
        if _DIGIT.search(text) is not None:
            if _SEVEN_DIGITS.search(text) is not None:
                cnics = find_cnics(text)
                taken = [(f.start, f.end) for f in cnics]
                found += cnics
                found += [
                    p for p in find_phones(text) if not any(s < p.end and p.start < e for s, e in taken)
                ]
            if self._address_gate.any_in(item.norm):
                found += find_addresses(text)
        if "@" in text:
            found += find_emails(text)
        if not found:
            return []
        by_kind: dict[str, tuple[About, list[Found]]] = {}
        for f in found:
            about = about_whom(text, f.start, f.end)
            key = f.kind if f.strong else f"{f.kind}-{'plain' if f.kind == 'cnic' else 'weak'}"
            if key == "cnic-plain" and about == "unknown" and _CNIC_WORDS.search(item.norm.text):
                key = "cnic"
            was, items = by_kind.get(key, ("self", []))
            by_kind[key] = (max(was, about, key=_RANK.__getitem__), [*items, f])
        signals = [
            Signal(
                policy="privacy.personal_info",
                score=_SCORES[key][about],
                detector=self.name,
                version=self.version,
                spans=tuple(Span(f.start, f.end) for f in items),
                note=f"pii:{key};about={about}",
            )
            for key, (about, items) in by_kind.items()
        ]
        return sorted(signals, key=lambda s: -s.score)
