"""Lexicon entries compiled into two Aho-Corasick automata and one dictionary.

1. **exact**: every entry's normalised form (plus Urdu spelling variants: `ھ`/`ہ`, `دوں گا`/`دونگا`,
   phrases written without spaces) over the normalised text;
2. **light**: Latin entries as light keys (letter runs collapsed, spelling equivalences, final vowel
   class: `fuuuuck` -> `fuk`, `kuttay ki olad` and `kutte ki aulaad` -> `kuta ki olad`), over the light
   keys of the text's Latin words;
3. **variant**: single Roman Urdu words as variant keys (a dictionary, no automaton), which drop
   vowels (`bhenchod`, `behnchod`, `bhanchod` -> `bhnchd`), over the variant keys of the text's words.

Both ends of a match must be at word boundaries, except that a `stem` entry may be followed by more
letters and a `sub` entry may sit anywhere in a word; such a match is dropped when the word around it
is a known harmless word (`harmless_words.txt`: assassin, cocktail, Scunthorpe...). A loose form
(squeezed or variant key) is compiled only when it cannot be confused with a common harmless word:
see `_Guard`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

import ahocorasick

from hifazat.core.lexicons.loader import LexiconEntry, common_words, harmless_words
from hifazat.core.text.script import ASCII_LETTER_WORD, LATIN_WORD, LETTER_WORD
from hifazat.core.text.variants import light_key, variant_key

Via = Literal["exact", "light", "variant"]
_WHOLE, _STEM, _SUB = 0, 1, 2

STEM_SUFFIXES: frozenset[str] = frozenset(
    """
    s es ed d er ers r ing in ings ins y ie ies a e i o u on un ya iya iyan yan yon iyon an ain en head
    heads face faces bag bags boy boys hole holes
    """.split()  # noqa: SIM905
)
"""What may follow a `stem` entry inside a word when matched through a loose key (so `fuuuucking`
matches `fuck`, but `fukushima` does not match `fuk`)."""

_EN_RUNS = re.compile(r"([a-z])\1+")
_EN_NON_LETTERS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=50_000)
def english_key(word: str) -> str:
    """An English word's loose key without Roman Urdu vowel merging: letter runs collapsed,
    `ph` -> `f`, `ck` -> `k`, `q` -> `k` (`fuuuck`, `phuck` -> `fuk`; `pakki` -> `paki`, but
    `sheets` stays apart from `shit` and `slot` from `slut`)."""
    t = _EN_RUNS.sub(r"\1", _EN_NON_LETTERS.sub("", word.lower()))
    t = t.replace("ph", "f").replace("ck", "k").replace("q", "k")
    return _EN_RUNS.sub(r"\1", t)


def english_light_ok(entry: LexiconEntry, matched: str, mode: int) -> bool:
    """Whether a light-key match of an English entry is one without Roman Urdu vowel merging.

    The light key writes `e` as `i`, `o` as `u` and merges final vowels, as Roman Urdu spelling
    needs; an English entry must not match through that (`com` is not `cum`)."""
    if entry.language != "en":
        return True
    term, word = english_key(entry.norm), english_key(matched)
    if mode == _WHOLE:
        return word == term
    if mode == _STEM:
        return word.startswith(term)
    return term in word


_LIGHT_SUFFIXES: frozenset[str] = frozenset({""} | {light_key(s, final=False) for s in STEM_SUFFIXES}) | {
    light_key("x" + s)[1:] for s in STEM_SUFFIXES
}


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """One entry found in a normalised text, `[start, end)` in normalised coordinates."""

    entry: LexiconEntry
    start: int
    end: int
    via: Via


def urdu_forms(norm: str) -> set[str]:
    """Spellings of an Urdu-script term: `ھ` written `ہ`, `ں گا` joined, phrases without spaces."""
    forms = {norm}
    for old, new in (("ھ", "ہ"), ("ں گ", "نگ"), ("ں گ", "ںگ")):
        forms |= {f.replace(old, new) for f in forms if old in f}
    forms |= {f.replace(" ", "") for f in forms if " " in f}
    return forms


class _Guard:
    """Decides whether a loose form of an entry may be compiled.

    A loose form that collides only with other lexicon words is fine (`own`). A single-word form
    must have 3+ letters (4+ for a variant key) and must not equal the same key of a common harmless
    word (`kamina` and `kamana`, to earn, share the variant key `kmna`, so `kamina` is matched by
    spelling only).
    Phrases are matched by light key only, which keeps vowels (`maa ki chut` stays apart from
    `maa ki chhat`, "mother's roof").
    """

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        own = {tok for e in entries for tok in e.norm.split()}
        common = [w for w in common_words() if w not in own and w.isalpha()]
        self.common_light = {light_key(w) for w in common}
        self.common_keys = {variant_key(w) for w in common}

    def light_ok(self, tokens: list[str]) -> bool:
        if len(tokens) > 1:
            return True
        key = light_key(tokens[0])
        return len(key) >= 3 and key not in self.common_light

    def key_ok(self, tokens: list[str]) -> bool:
        if len(tokens) > 1:
            return False
        key = variant_key(tokens[0])
        return len(key) >= 4 and key not in self.common_keys


class _Memo(dict[str, str]):
    def __init__(self, fn: object) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        value: str = self.fn(word)  # type: ignore[operator]
        self[word] = value
        return value


class _WordForms(dict[str, str]):
    """Word -> light key, computed on first sight; also remembers the words whose variant key is a
    lexicon key and the words whose light key may start a light entry, so that one set operation
    each tells whether a text needs the variant pass and the light pass."""

    def __init__(self, variant_keys: frozenset[str], light_forms: Iterable[str]) -> None:
        super().__init__()
        self.variant_keys = variant_keys
        self.variant_words: set[str] = set()
        forms = list(light_forms)
        self.light_words_equal = frozenset(f.split(" ")[0] for f in forms if " " in f)
        """First words of light phrases: the key of the phrase's first word in a text equals one."""
        self.light_prefixes = frozenset(f for f in forms if " " not in f)
        """Single-word light forms: the key of a matching word in a text starts with one."""
        alternatives = sorted(map(re.escape, self.light_prefixes), key=len, reverse=True)
        self._light_start = re.compile("|".join(alternatives)) if alternatives else None
        """Matches at the start of a key exactly when one of `light_prefixes` begins it."""
        self.light_words: set[str] = set()
        """Words whose light key may start a light match."""

    def bound(self) -> None:
        """Forget everything past 200,000 words. Called between texts, never while one is keyed, so
        the word sets always cover every word of the text being matched."""
        if len(self) > 200_000:
            self.clear()
            self.variant_words.clear()
            self.light_words.clear()

    def _starts_light(self, key: str) -> bool:
        return self._light_start is not None and self._light_start.match(key) is not None

    def __missing__(self, word: str) -> str:
        value = light_key(word)
        if variant_key(word) in self.variant_keys:
            self.variant_words.add(word)
        if value in self.light_words_equal or self._starts_light(value):
            self.light_words.add(word)
        self[word] = value
        return value


Table = dict[str, dict[tuple[str, int], int]]
"""Form -> (policy, mode) -> index of the entry kept for that form (the highest score wins)."""


def _add(table: Table, form: str, entries: tuple[LexiconEntry, ...], idx: int, mode: int) -> None:
    slot = table.setdefault(form, {})
    key = (entries[idx].policy, mode)
    old = slot.get(key)
    if old is None or _rank(entries[idx], form) > _rank(entries[old], form):
        slot[key] = idx


def _rank(e: LexiconEntry, form: str) -> tuple[float, bool]:
    return (e.score, e.norm == form)


def _targets(slot: dict[tuple[str, int], int]) -> tuple[tuple[int, int], ...]:
    return tuple((idx, mode) for (_policy, mode), idx in sorted(slot.items()))


def _automaton(table: Table, prefix: str = "") -> ahocorasick.Automaton | None:
    """Forms -> (length, targets); with a `prefix`, each form is stored behind it (the length is
    still the form's own), so that `" "` finds forms only where a word starts."""
    if not table:
        return None
    auto = ahocorasick.Automaton()
    for form, slot in table.items():
        auto.add_word(prefix + form, (len(form), _targets(slot)))
    auto.make_automaton()
    return auto


class LexiconMatcher:
    """Finds lexicon entries in normalised text. Build once (milliseconds), share across threads."""

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        self.entries: tuple[LexiconEntry, ...] = tuple(entries)
        guard = _Guard(self.entries)
        exact: Table = {}
        light: Table = {}
        variant: Table = {}
        entries = self.entries
        for idx, e in enumerate(self.entries):
            mode = _SUB if "sub" in e.flags else _STEM if "stem" in e.flags else _WHOLE
            forms = urdu_forms(e.norm) if e.language == "ur" else {e.norm}
            if e.language == "roman-ur" and " " in e.norm:
                forms.add(e.norm.replace(" ", ""))
            for form in forms:
                _add(exact, form, entries, idx, mode)
            if "exact" in e.flags:
                continue
            tokens = LETTER_WORD.findall(e.norm)
            if not tokens:
                continue
            if guard.light_ok(tokens):
                keys = {" ".join(light_key(t) for t in tokens)}
                if mode != _WHOLE:
                    keys.add(" ".join(light_key(t, final=False) for t in tokens))
                for key in keys:
                    _add(light, key, entries, idx, mode)
            if e.language == "roman-ur" and mode == _WHOLE and guard.key_ok(tokens):
                _add(variant, variant_key(tokens[0]), entries, idx, mode)
        self._exact = _automaton(exact)
        self._light = _automaton(light, prefix=" ")
        self._variant = {key: _targets(slot) for key, slot in variant.items()}
        self._forms = _WordForms(frozenset(self._variant), light)
        self._key_memo = _Memo(variant_key)
        self._harmless = harmless_words()
        self.sizes = {"exact": len(exact), "light": len(light), "variant": len(variant)}

    def match(self, text: str, words: list[str] | None = None) -> list[LexiconMatch]:
        """Every entry occurrence in normalised `text` (duplicates across automata included).

        `words` are the letter words of `text` when the caller already has them
        (`NormalisedText.words()`).
        """
        found: list[LexiconMatch] = []
        if self._exact is not None:
            for end_idx, (length, targets) in self._exact.iter(text):
                start, end = end_idx + 1 - length, end_idx + 1
                for idx, mode in targets:
                    if self._bounded(text, start, end, mode):
                        found.append(LexiconMatch(self.entries[idx], start, end, "exact"))
        if words is None:
            words = LETTER_WORD.findall(text)
        if words:
            self._forms.bound()
            forms = list(map(self._forms.__getitem__, words))
            if self._light is not None and not self._forms.light_words.isdisjoint(words):
                self._match_stream(text, words, forms, self._light, "light", found)
            if not self._forms.variant_words.isdisjoint(words):
                self._match_variants(text, found)
        return found

    def _match_variants(self, text: str, found: list[LexiconMatch]) -> None:
        """Single Roman Urdu words found through their variant key (whole words only)."""
        for m in LATIN_WORD.finditer(text):
            targets = self._variant.get(self._key_memo[m.group(0)], ())
            for idx, _mode in targets:
                found.append(LexiconMatch(self.entries[idx], m.start(), m.end(), "variant"))

    def _bounded(self, text: str, start: int, end: int, mode: int) -> bool:
        left_ok = start == 0 or not text[start - 1].isalnum()
        right_ok = end == len(text) or not text[end].isalnum()
        if left_ok and right_ok:
            return True
        if mode == _WHOLE or (mode == _STEM and not left_ok):
            return False
        s, e = start, end
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        return text[s:e] not in self._harmless

    def _match_stream(
        self,
        text: str,
        words: list[str],
        forms: list[str],
        auto: ahocorasick.Automaton,
        via: Via,
        found: list[LexiconMatch],
    ) -> None:
        """Forms found at word starts of the words' keys joined by spaces (`auto` stores each form
        behind a space, and the stream gets one in front, so every hit starts a word)."""
        stream = " ".join(forms)
        # `e` is the hit's last index in " " + stream, so the form is stream[e - length : e]
        hits = [(e - length, e, targets) for e, (length, targets) in auto.iter(" " + stream)]
        if not hits:
            return
        # the words in `text`, found only as far as the last hit needs them
        word_iter = (ASCII_LETTER_WORD if text.isascii() else LETTER_WORD).finditer(text)
        spans: list[re.Match[str]] = []
        for start, end, targets in hits:
            whole = end == len(stream) or stream[end] == " "
            first = stream.count(" ", 0, start)
            last = first + stream.count(" ", start, end)
            rest = forms[last][end - stream.rfind(" ", 0, end) - 1 :]
            if len(spans) <= last:
                spans.extend(islice(word_iter, last + 1 - len(spans)))
            for idx, mode in targets:
                if not whole and (mode == _WHOLE or words[last] in self._harmless):
                    continue
                if not whole and mode == _STEM and rest not in _LIGHT_SUFFIXES:
                    continue
                begin, finish = spans[first].start(), spans[last].end()
                if not english_light_ok(self.entries[idx], text[begin:finish], mode):
                    continue
                found.append(LexiconMatch(self.entries[idx], begin, finish, via))
