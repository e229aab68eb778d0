"""Links in text and what their domains say: official, shortened, chat, look-alike or brand misuse.

Domains are split with the offline Public Suffix List (`publicsuffixlist`, no network), so
`jazzcash-bonus.xyz` has the registrable domain `jazzcash-bonus.xyz` and the label
`jazzcash-bonus`. Labels are compared with the brands in `data/domains.yaml` on a homoglyph
skeleton (Cyrillic `а`, `0`/`o`, `rn`/`m` …) by containment and by Damerau–Levenshtein distance.
URLs are found in the ORIGINAL text, since leet folding would damage them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import yaml
from publicsuffixlist import PublicSuffixList

from hifazat.core.detectors.phrase_patterns import read_data
from hifazat.core.errors import Located, ValidationFailedError
from hifazat.core.text.distance import osa_distance

LinkKind = Literal[
    "official", "homoglyph", "lookalike", "brand", "ip", "shortener", "risky-tld", "messaging", "plain"
]

KIND_SCORES: Mapping[LinkKind, float] = {
    "homoglyph": 0.95,
    "lookalike": 0.9,
    "brand": 0.85,
    "ip": 0.6,
    "shortener": 0.35,
    "risky-tld": 0.3,
    "messaging": 0.2,
    "plain": 0.0,
    "official": 0.0,
}
"""How suspicious a link of each kind is on its own (the scam detector combines it with wording)."""

_L = r"a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\uff10-\uff5a"
_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))"
_URL = re.compile(
    rf"(?:(?:https?|hxxps?)://|www{_DOT})[^\s<>\"'“”]+"
    rf"|(?<![\w@.\-])(?:[{_L}](?:[{_L}\-]{{0,61}}[{_L}])?{_DOT})+[a-z\u0400-\u04ff]{{2,24}}(?![\w@\-])(?:/[^\s<>\"'“”]*)?",
    re.IGNORECASE,
)
_GATE = re.compile(rf"[{_L}]{_DOT}[a-z\u0400-\u04ff]", re.IGNORECASE)
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
"""A dot followed by a letter: a literal first character, so the engine scans for it at C speed."""
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_TRAILING = ".,;:!?)]}'\"”’…"

_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ѵ": "v", "ԝ": "w", "к": "k",
        "м": "m", "т": "t", "в": "b", "н": "h", "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i",
        "κ": "k", "τ": "t", "ε": "e", "υ": "u", "χ": "x", "β": "b",
        "0": "o", "1": "l", "i": "l", "|": "l", "3": "e", "4": "a", "5": "s", "$": "s", "7": "t", "@": "a",
    }
)  # fmt: skip


def skeleton(label: str) -> str:
    """A comparison form of a domain label: look-alike letters and digits folded, `rn` -> `m`."""
    folded = unicodedata.normalize("NFKC", label).casefold().translate(_CONFUSABLES)
    return folded.replace("rn", "m").replace("vv", "w")


def damerau(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours)."""
    return osa_distance(a, b)


@dataclass(frozen=True, slots=True)
class Link:
    """One link found in the original text."""

    start: int
    end: int
    url: str
    host: str
    registrable: str
    kind: LinkKind
    brand: str | None = None
    """The imitated or named brand, for `homoglyph`, `lookalike`, `brand` and `official` links."""

    @property
    def score(self) -> float:
        """How suspicious this link is on its own."""
        return KIND_SCORES[self.kind]


@dataclass(frozen=True, slots=True)
class _Brand:
    key: str
    names: tuple[str, ...]
    skeletons: tuple[str, ...]
    official: frozenset[str]


class DomainCatalogue:
    """Brands, official domains, shorteners and suffix lists from `data/domains.yaml`."""

    def __init__(self, text: str | None = None) -> None:
        name = "domains.yaml"
        doc = yaml.safe_load(read_data(name) if text is None else text)
        problems: list[Located] = []
        if not isinstance(doc, dict):
            raise ValidationFailedError(name, [Located(name, 1, "expected a mapping")])
        lists: dict[str, frozenset[str]] = {}
        for key in (
            "official_suffixes",
            "bait_words",
            "shorteners",
            "messaging",
            "risky_tlds",
            "bare_suffixes",
        ):
            value = doc.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(Located(name, 1, f"`{key}` must be a list of strings"))
                value = []
            lists[key] = frozenset(str(v).lower() for v in value)
        brands: list[_Brand] = []
        for key, entry in (doc.get("brands") or {}).items():
            names = entry.get("names") if isinstance(entry, dict) else None
            official = entry.get("official") if isinstance(entry, dict) else None
            if not isinstance(names, list) or not names or not isinstance(official, list):
                problems.append(Located(name, 1, f"brand {key!r} needs `names` and `official` lists"))
                continue
            names_t = tuple(str(n).lower() for n in names)
            brands.append(
                _Brand(str(key), names_t, tuple(skeleton(n) for n in names_t), frozenset(map(str, official)))
            )
        if problems:
            raise ValidationFailedError(name, problems)
        self.brands = tuple(brands)
        self.near_index: dict[str, set[tuple[str, str]]] = {}
        """Every long brand skeleton and its one-letter deletions -> (brand, skeleton): look-alikes
        are found by looking up a token and its own deletions (symmetric-delete), not by scanning."""
        for brand in self.brands:
            for skel in brand.skeletons:
                if len(skel) > _SHORT_NAME:
                    for form in _deletions(skel):
                        self.near_index.setdefault(form, set()).add((brand.key, skel))
        self.name_lengths = sorted({len(k) for b in self.brands for k in b.skeletons if len(k) > _SHORT_NAME})
        self.official_suffixes = lists["official_suffixes"]
        self.bait_words = lists["bait_words"]
        self.shorteners = lists["shorteners"]
        self.messaging = lists["messaging"]
        self.risky_tlds = lists["risky_tlds"]
        self.bare_suffixes = lists["bare_suffixes"]


_RECENT_TEXTS = 4096
"""How many texts' links `LinkFinder` remembers (about one batch)."""


class LinkFinder:
    """Finds links in text and classifies their domains. Build once; `find` is cheap on link-free text.

    Detectors share one through `LinkFinder.shared()`, so a domain is classified once per process.
    """

    @staticmethod
    @lru_cache(maxsize=1)
    def shared() -> LinkFinder:
        """The process-wide finder over the packaged catalogue."""
        return LinkFinder()

    def __init__(self, catalogue: DomainCatalogue | None = None) -> None:
        self.catalogue = catalogue or DomainCatalogue()
        self._psl = PublicSuffixList(accept_unknown=False)
        self._classify = lru_cache(maxsize=4096)(self._classify_host)
        self._recent: dict[str, tuple[Link, ...]] = {}
        """Links of the texts that passed the gate lately: the scam and spam detectors both ask."""

    def find(self, text: str) -> list[Link]:
        """Every link in `text` (original), classified; bare words that only look like domains are skipped."""
        if not (
            _DOT_LETTER.search(text) or "://" in text or (("[" in text or "(" in text) and _GATE.search(text))
        ):
            return []
        known = self._recent.get(text)
        if known is not None:
            return list(known)
        links = self._find(text)
        if len(self._recent) >= _RECENT_TEXTS:
            self._recent.clear()
        self._recent[text] = tuple(links)
        return links

    def _find(self, text: str) -> list[Link]:
        links: list[Link] = []
        for m in _URL.finditer(text):
            raw = m.group().rstrip(_TRAILING)
            explicit = "://" in raw or raw.lower().startswith("www")
            host = _host_of(raw)
            classified = self._classify(host, explicit)
            if classified is None:
                continue
            registrable, kind, brand = classified
            links.append(Link(m.start(), m.start() + len(raw), raw, host, registrable, kind, brand))
        return links

    def _classify_host(self, host: str, explicit: bool) -> tuple[str, LinkKind, str | None] | None:
        cat = self.catalogue
        if _IP.match(host):
            return (host, "ip", None) if explicit else None
        ascii_host = _decode_idn(host)
        suffix = self._psl.publicsuffix(ascii_host)
        registrable = self._psl.privatesuffix(ascii_host)
        if suffix is None or registrable is None:
            return None
        for brand in cat.brands:
            if any(registrable == o or ascii_host.endswith("." + o) for o in brand.official):
                return registrable, "official", brand.key
        if registrable in cat.shorteners:
            return registrable, "shortener", None
        if registrable in cat.messaging or ascii_host in cat.messaging:
            return registrable, "messaging", None
        labels = ascii_host[: -len(suffix) - 1].split(".") if len(ascii_host) > len(suffix) else []
        brand_hit = self._brand_in(labels)
        official_suffix = any(ascii_host.endswith("." + s) for s in cat.official_suffixes)
        if brand_hit is not None and not official_suffix:
            key, how = brand_hit
            kind: LinkKind = "homoglyph" if how == "homoglyph" else how
            return registrable, kind, key
        if not explicit and suffix not in cat.bare_suffixes:
            return None
        if official_suffix:
            return registrable, "official", None
        if suffix.rsplit(".", 1)[-1] in cat.risky_tlds:
            return registrable, "risky-tld", None
        return registrable, "plain", None

    def _brand_in(self, labels: list[str]) -> tuple[str, Literal["brand", "lookalike", "homoglyph"]] | None:
        """The brand a domain's labels imitate, and how: named, misspelt, or with look-alike letters."""
        cat = self.catalogue
        best: tuple[str, Literal["brand", "lookalike", "homoglyph"]] | None = None
        for label in labels:
            mixed = any(not ch.isascii() for ch in label)
            how: Literal["lookalike", "homoglyph"] = "homoglyph" if mixed else "lookalike"
            tokens = [t for t in label.split("-") if t]
            plain = [t.lower() for t in tokens]
            skels = [skeleton(t) for t in tokens]
            glued = label.lower().replace("-", "")
            whole = skeleton(glued)
            for brand in cat.brands:
                for name, skel in zip(brand.names, brand.skeletons, strict=True):
                    if len(name) <= _SHORT_NAME:
                        if any(_short_name_in(name, t, cat.bait_words) for t in plain):
                            best = best or (brand.key, "brand")
                        elif any(_short_name_in(skel, t, cat.bait_words) for t in skels):
                            return brand.key, how
                    elif name in glued:
                        best = best or (brand.key, "brand")
                    elif skel in whole:
                        return brand.key, how
            if best is None:
                near = self._near_brand([*skels, *self._glued_windows(whole)])
                if near is not None:
                    return near, how
        return best

    def _glued_windows(self, whole: str) -> list[str]:
        """The start and the end of a glued label, at every brand-name length ±1 ("jazcashbonus")."""
        out: list[str] = []
        for length in self.catalogue.name_lengths:
            for size in (length - 1, length, length + 1):
                if size < len(whole):
                    out += [whole[:size], whole[-size:]]
        return out

    def _near_brand(self, candidates: list[str]) -> str | None:
        """The brand one of `candidates` misspells by one edit, if any."""
        index = self.catalogue.near_index
        for cand in candidates:
            for form in _deletions(cand):
                for key, skel in index.get(form, ()):
                    if skel != cand and damerau(skel, cand) <= 1:
                        return key
        return None


_SHORT_NAME = 4
"""Brand names this short (hbl, pta, bisp) match only as whole tokens, never by edit distance."""


def _deletions(word: str) -> set[str]:
    """`word` and every string made by deleting one of its letters."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _short_name_in(name: str, token: str, bait: frozenset[str]) -> bool:
    """A short brand name as a whole token, or glued to digits or to one bait word."""
    if token == name:
        return True
    for rest in (token.removeprefix(name), token.removesuffix(name)):
        if rest != token and (rest.isdigit() or rest in bait):
            return True
    return False


_SCHEME = re.compile(r"^(?:https?|hxxps?)://", re.IGNORECASE)
_OBFUSCATED_DOT = re.compile(r"\[\.\]|\(\.\)|\[dot\]|\(dot\)", re.IGNORECASE)
_PATH_START = re.compile(r"[/?#]")


def _host_of(raw: str) -> str:
    """The host of a URL as written: scheme, path, port and user info removed, dots de-obfuscated."""
    host = _SCHEME.sub("", raw)
    host = _OBFUSCATED_DOT.sub(".", host)
    host = _PATH_START.split(host, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return unicodedata.normalize("NFKC", host).lower().strip(".")


def _decode_idn(host: str) -> str:
    """Punycode labels (`xn--…`) decoded, so look-alike letters can be compared."""
    if "xn--" not in host:
        return host
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host
