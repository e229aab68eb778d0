"""Deterministic obfuscations of a target word inside a text, as people write them to dodge filters.

Each kind rewrites only the `target` (the abusive word or phrase) of a clean example, because that
is what evasion looks like (`k.i.l.l`, `fսck`, `کـتـے`). A kind applies to Latin targets, Urdu
(Arabic-script) targets, or both; `obfuscate` returns None where it does not apply.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"}
_HOMOGLYPH = {
    "a": "а",
    "c": "с",
    "e": "е",
    "i": "і",
    "o": "о",
    "p": "р",
    "s": "ѕ",
    "x": "х",
    "y": "у",
    "h": "һ",
}
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_SEPARATORS = (".", "-", "_", "*", " ")
_HARAKAT = ("\u064e", "\u0650", "\u064f", "\u0651", "\u0652")
_ARABIC_FORMS = {"ی": "ي", "ک": "ك", "ہ": "ه"}
_NON_JOINING = set("ادڈذرڑزژوے ")


def is_urdu(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _longest_word(target: str) -> tuple[int, int]:
    best = (0, 0)
    pos = 0
    for word in target.split(" "):
        if len(word) > best[1] - best[0]:
            best = (pos, pos + len(word))
        pos += len(word) + 1
    return best


def _on_longest(target: str, fn: Callable[[str], str]) -> str:
    s, e = _longest_word(target)
    return target[:s] + fn(target[s:e]) + target[e:]


def leet(target: str, seed: int) -> str | None:
    if is_urdu(target):
        return None

    def word(w: str) -> str:
        if len(w) <= 2:
            return w  # nobody disguises `se` or `ka`
        chars = list(w)
        done = 0
        for i in range(1, len(w) - 1 if len(w) > 3 else len(w)):
            if chars[i] in _LEET and (done == 0 or (i + seed) % 2 == 0):
                chars[i] = _LEET[chars[i]]
                done += 1
        return "".join(chars)

    return " ".join(word(w) for w in target.split(" "))


def separators(target: str, seed: int) -> str | None:
    sep = _SEPARATORS[seed % len(_SEPARATORS)]

    def word(w: str) -> str:
        use = "." if sep == " " and len(w) < 4 else sep
        return use.join(w)

    return _on_longest(target, word)


def spelled_out(target: str, seed: int) -> str | None:
    """Every word spelt letter by letter, a wider gap between words (`k u t t e   k i`)."""
    words = target.split(" ")
    if sum(len(w) for w in words) < 4 or max(len(w) for w in words) < 2:
        return None
    gap = " " * (2 + seed % 2)
    return gap.join(" ".join(w) for w in words)


def homoglyphs(target: str, seed: int) -> str | None:
    if is_urdu(target):
        return None
    return "".join(_HOMOGLYPH.get(ch, ch) for ch in target)


def zero_width(target: str, seed: int) -> str | None:
    zw = _ZERO_WIDTH[seed % len(_ZERO_WIDTH)]
    return _on_longest(target, lambda w: zw.join(w))


def repeats(target: str, seed: int) -> str | None:
    def word(w: str) -> str:
        if is_urdu(w):
            return w + w[-1] * 3
        vowels = [i for i, ch in enumerate(w) if ch in "aeiou"]
        i = vowels[0] if vowels else len(w) - 1
        return w[: i + 1] + w[i] * 4 + w[i + 1 :] + w[-1] * 2

    return _on_longest(target, word)


def case_mixing(target: str, seed: int) -> str | None:
    if is_urdu(target):
        return None
    return "".join(ch.upper() if (i + seed) % 2 == 0 else ch for i, ch in enumerate(target))


def diacritics(target: str, seed: int) -> str | None:
    if is_urdu(target):
        return "".join(
            ch + (_HARAKAT[(i + seed) % len(_HARAKAT)] if ch != " " else "") for i, ch in enumerate(target)
        )
    return "".join(ch + ("\u0301" if ch in "aeiou" else "") for ch in target)


def arabic_letters(target: str, seed: int) -> str | None:
    if not is_urdu(target):
        return None
    return "".join(_ARABIC_FORMS.get(ch, ch) for ch in target)


def tatweel(target: str, seed: int) -> str | None:
    if not is_urdu(target):
        return None
    out = []
    for i, ch in enumerate(target):
        out.append(ch)
        nxt = target[i + 1] if i + 1 < len(target) else " "
        if ch not in _NON_JOINING and nxt != " ":
            out.append("\u0640" * (1 + seed % 3))
    return "".join(out)


def fullwidth(target: str, seed: int) -> str | None:
    if is_urdu(target):
        return None
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in target)


_SMALL_CAPITALS = {
    unicodedata.name(chr(c))[-1].lower(): chr(c)
    for c in range(0x0250, 0x1D2C)
    if unicodedata.name(chr(c), "").startswith("LATIN LETTER SMALL CAPITAL ")
    and len(unicodedata.name(chr(c))) == len("LATIN LETTER SMALL CAPITAL X")
}


def small_caps(target: str, seed: int) -> str | None:
    """ "Fancy text" small capitals (ᴋɪʟʟ): letters without a small capital stay as they are."""
    if is_urdu(target):
        return None
    return "".join(_SMALL_CAPITALS.get(ch.lower(), ch) for ch in target)


KINDS: dict[str, Callable[[str, int], str | None]] = {
    "leet": leet,
    "separators": separators,
    "spelled_out": spelled_out,
    "homoglyphs": homoglyphs,
    "zero_width": zero_width,
    "repeats": repeats,
    "case_mixing": case_mixing,
    "diacritics": diacritics,
    "arabic_letters": arabic_letters,
    "tatweel": tatweel,
    "fullwidth": fullwidth,
    "small_caps": small_caps,
}
"""Every obfuscation kind by name."""


def obfuscate(text: str, target: str, kind: str, seed: int) -> str | None:
    """`text` with its `target` rewritten by `kind`, or None when the kind does not apply."""
    new = KINDS[kind](target, seed)
    if new is None:
        return None
    return text.replace(target, new, 1)
