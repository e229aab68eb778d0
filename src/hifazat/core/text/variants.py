"""Spelling-variant keys for Roman Urdu, where one word has many spellings.

Roman Urdu has no standard orthography: `bohat`, `bohot`, `bahut` and `bht` are one word, and so are
`kutta`, `kuta`, `kuttay` and `kutte`. `variant_key` maps such spellings to one key:

1. a few very common short words map through a table (`nh`, `nahi`, `nahin`, `nai` -> `nhi`);
2. spelling equivalences: `ph` -> `f`, `q` -> `k`, `v` -> `w`, `c` (not in `ch`) -> `k`, `ee` -> `i`,
   `oo` -> `u`, `au` -> `o`, `cch` -> `ch`, then every run of one letter collapses to one;
3. the first letter is kept, vowels after it are dropped (`bohat` -> `bht`), `h` and `y` stay
   (`bhen`, `behn` and `bahen` all give `bhn`; `kh`, `gh`, `ch`, `sh` survive);
4. a word-final vowel keeps only its class: `a`/`e`/`ay`/`ey`/`ai` -> `a` (masculine, plural and
   oblique endings are one class), `i`/`ee` -> `i`, `o`/`u`/`oo` -> `u`.

Keys are lossy on purpose, so short keys collide with unrelated words (`kite` and `kutta` both give
`kta`). The lexicon therefore matches through keys only when the key is long enough and does not
equal the key of a common harmless word.

`light_key` keeps where the vowels are, so it is far less lossy:

- letter runs collapsed, `ph` -> `f`, `ck` -> `k`, `qu` -> `kw`, `q` -> `k`, `v` -> `w`, `au` -> `o`,
  `ou` -> `ow` (so `count` stays apart from a slur);
- inside the word `e` -> `i` and `o` -> `u`: Roman Urdu writes one vowel many ways (`kameena` and
  `kamina`, `doonga` and `dunga`), and a stretched `moooron` is `moron`;
- a word-final vowel cluster becomes `u` if it is only `o`/`u`, else `a` (`kuttay`, `kutte`,
  `kutty`, `kutti` -> `kuta`; `aulaad`, `olad` -> `ulad`; `sy`, `se` -> `sa`).

`squeeze` only collapses letter runs (`fuuuck` -> `fuck`).

`variant_key` and `light_key` are not cached here: the lexicon matcher memoises both per word in
plain dictionaries, which cost the garbage collector far less than `lru_cache` nodes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import methodcaller

_WORD_KEYS: dict[str, str] = {
    # "is" / "are"
    "h": "hai",
    "hai": "hai",
    "hy": "hai",
    "hay": "hai",
    "hae": "hai",
    "hei": "hai",
    "hain": "hain",
    "hein": "hain",
    "hen": "hain",
    # "not"
    "nh": "nhi",
    "nhi": "nhi",
    "nahi": "nhi",
    "nahin": "nhi",
    "nahee": "nhi",
    "nahien": "nhi",
    "nhn": "nhi",
    "nai": "nhi",
    "ni": "nhi",
    # "what"
    "kia": "kya",
    "kya": "kya",
    "kyaa": "kya",
    # "very"
    "bht": "bht",
    "bohat": "bht",
    "bohot": "bht",
    "bahut": "bht",
    "buhat": "bht",
    "boht": "bht",
    # "in"
    "mein": "mein",
    "main": "mein",
    "me": "mein",
    "mai": "mein",
    "mei": "mein",
    "men": "mein",
}
"""Short, very frequent words whose spellings the general rules would not join (or would over-join)."""

_EQUIV = (
    ("ph", "f"),
    ("ck", "k"),
    ("cch", "ch"),
    ("ee", "i"),
    ("oo", "u"),
    ("au", "o"),
    ("q", "k"),
    ("v", "w"),
)
_FIRST = methodcaller("group", 1)
"""Replacement by group 1, as a C-level callable (a `"\\1"` template costs a Python call per `sub`)."""
_C_NOT_CH = re.compile(r"c(?!h)")
_RUNS = re.compile(r"([a-z])\1+")
_ANY_RUNS = re.compile(r"(.)\1+")
_NON_LETTERS = re.compile(r"[^a-z]+")
_FINAL = re.compile(r"(?<=[^aeiou])(?:[aeiou]+y?|y)$")
_DROP_VOWELS = str.maketrans("", "", "aeiou")


def _final_class(cluster: str) -> str:
    if cluster in ("i", "ie", "iy", "yi", "ii"):
        return "i"
    if cluster in ("o", "u", "ou", "uo", "uu", "ow"):
        return "u"
    if cluster == "ia":
        return "ya"
    return "a"


def variant_key(token: str) -> str:
    """One key for the spelling variants of a Roman Urdu word (see the module docstring)."""
    t = token.lower()
    if t in _WORD_KEYS:
        return _WORD_KEYS[t]
    if not t.isascii() or not t.isalpha():
        t = _NON_LETTERS.sub("", t.lower())
        if not t:
            return ""
    for old, new in _EQUIV:
        if old in t:
            t = t.replace(old, new)
    if "c" in t:
        t = _C_NOT_CH.sub("k", t)
    t = _RUNS.sub(_FIRST, t)
    if len(t) <= 1:
        return t
    final = ""
    m = _FINAL.search(t, 1)
    if m is not None:
        final = _final_class(m.group(0))
        t = t[: m.start()]
    key = t[0] + t[1:].translate(_DROP_VOWELS) + final
    return _RUNS.sub(_FIRST, key)


@lru_cache(maxsize=200_000)
def squeeze(token: str) -> str:
    """Every run of one letter collapsed to one letter (`fuuuck` -> `fuck`, `kuttay` -> `kutay`)."""
    return _RUNS.sub(_FIRST, token)


_LIGHT_EQUIV = (("ph", "f"), ("ck", "k"), ("au", "o"), ("ou", "ow"), ("qu", "kw"), ("q", "k"), ("v", "w"))


def light_key(token: str, final: bool = True) -> str:
    """A key that keeps vowel positions (see the module docstring).

    With `final=False` the word end is keyed like the rest (for prefixes: `whore` in `whores`).
    A word in another script (Urdu) only has its letter runs collapsed (`کتیااا` -> `کتیا`).
    """
    t = token.lower()
    if not t.isascii():
        return _ANY_RUNS.sub(_FIRST, t)
    if not t.isalpha():
        t = _NON_LETTERS.sub("", t)
    t = _RUNS.sub(_FIRST, t)
    changed = False
    for old, new in _LIGHT_EQUIV:
        if old in t:
            t = t.replace(old, new)
            changed = True
    if changed:  # a replacement may have made a new run (`phf` -> `ff`)
        t = _RUNS.sub(_FIRST, t)
    m = _FINAL.search(t, 1) if final and len(t) > 1 else None
    body = t[: m.start()] if m else t
    if "e" in body or "o" in body:  # e -> i, o -> u, then runs again (`kameena` -> `kamina`)
        body = _RUNS.sub(_FIRST, body.replace("e", "i").replace("o", "u"))
    if m is None:
        return body
    end = "u" if set(m.group(0)) <= {"o", "u"} else "a"
    return body if body.endswith(end) else body + end  # body has no runs; only the join can
