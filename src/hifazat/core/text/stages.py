"""The context-dependent normalisation steps, each keeping the offset map exact.

Each step takes the current text and its per-character `offs`/`ends` lists (or `None` for the
identity map, which is materialised only when a step changes the length) and returns new ones:

1. `join_split_letters`: `k.i.l.l`, `k i l l`, `k-i-l-l`, `ک-ت-ا` -> `kill`, `کتا` (separators removed);
2. `fold_leet`: `k1ll`, `sh!t`, `a$$` -> `kill`, `shit`, `ass` (one character for one, so offsets stay);
3. `squeeze_repeats`: three or more of the same letter -> two (`fuuuuck` -> `fuuck`);
4. `collapse_spaces`: runs of whitespace -> one space, none at the ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Offsets = list[int] | None
"""Per-character start offsets into the original, or None for the identity map."""

_IDENTITY: tuple[int, ...] = tuple(range(4097))


_SHARED_UP_TO = 1024
_STARTS: dict[int, tuple[int, ...]] = {}
_ENDS: dict[int, tuple[int, ...]] = {}
"""Identity maps of texts up to `_SHARED_UP_TO` characters, shared (tuples are immutable): most
texts keep their length, and one tuple per length saves two allocations per text."""


def identity(n: int) -> tuple[int, ...]:
    """`(0, 1, ..., n-1)`, shared for short texts."""
    found = _STARTS.get(n)
    if found is None:
        found = _IDENTITY[:n] if n < len(_IDENTITY) else tuple(range(n))
        if n <= _SHARED_UP_TO:
            _STARTS[n] = found
    return found


def identity_ends(n: int) -> tuple[int, ...]:
    """`(1, 2, ..., n)`, shared for short texts."""
    found = _ENDS.get(n)
    if found is None:
        found = _IDENTITY[1 : n + 1] if n < len(_IDENTITY) else tuple(range(1, n + 1))
        if n <= _SHARED_UP_TO:
            _ENDS[n] = found
    return found


Edit = tuple[int, int, str, list[tuple[int, int]]]
"""`(start, end, replacement, sources)`: replace `text[start:end]`; character j of the replacement
covers the original range from `offs[a]` to `ends[b-1]` where `(a, b) = sources[j]`."""


def apply_edits(
    text: str, offs: Offsets, ends: Offsets, edits: list[Edit]
) -> tuple[str, list[int], list[int]]:
    """Apply non-overlapping edits (in order) and carry the offset map through them."""
    pieces: list[str] = []
    new_offs: list[int] = []
    new_ends: list[int] = []
    prev = 0
    if offs is None or ends is None:  # the identity map: ranges, without materialising it first
        for start, end, repl, sources in edits:
            pieces.append(text[prev:start])
            new_offs.extend(range(prev, start))
            new_ends.extend(range(prev + 1, start + 1))
            pieces.append(repl)
            for a, b in sources:
                new_offs.append(a)
                new_ends.append(b)
            prev = end
        pieces.append(text[prev:])
        new_offs.extend(range(prev, len(text)))
        new_ends.extend(range(prev + 1, len(text) + 1))
        return "".join(pieces), new_offs, new_ends
    for start, end, repl, sources in edits:
        pieces.append(text[prev:start])
        new_offs.extend(offs[prev:start])
        new_ends.extend(ends[prev:start])
        pieces.append(repl)
        for a, b in sources:
            new_offs.append(offs[a])
            new_ends.append(ends[b - 1])
        prev = end
    pieces.append(text[prev:])
    new_offs.extend(offs[prev:])
    new_ends.extend(ends[prev:])
    return "".join(pieces), new_offs, new_ends


Step = Callable[[str, Offsets, Offsets], tuple[str, Offsets, Offsets]]

# --- 1. letters split by a repeated separator ---------------------------------------------------

_SPLIT = re.compile(r"(?<![^\W_])[^\W_](?P<sep>\s+|\s?[-._*/+~·•,|]\s?)(?:[^\W_](?P=sep))+[^\W_](?![^\W_])")


_SPLIT_WORDS = re.compile(r"(?<![^\W_])[^\W_](?: [^\W_])+(?: {2,}[^\W_](?: [^\W_])*)+(?![^\W_])")
"""Words spelt letter by letter, one space between letters and more between words:
`m a i n   t u j h e`, `م ی ں   ت ج ھ ے` (the words can be shorter than four letters)."""


def _split_words_edit(m: re.Match[str]) -> Edit | None:
    """The edit that joins the letters of each word of a `_SPLIT_WORDS` match, one space between words."""
    text = m.group()
    units = [(m.start() + i, c) for i, c in enumerate(text) if c != " "]
    if len(units) < 4 or sum(c.isalpha() for _, c in units) < 2:
        return None
    out: list[str] = []
    sources: list[tuple[int, int]] = []
    for k, (pos, c) in enumerate(units):
        if k and pos - units[k - 1][0] > 2:  # a wider gap: a new word
            out.append(" ")
            sources.append((units[k - 1][0] + 1, units[k - 1][0] + 2))
        out.append(c)
        sources.append((pos, pos + 1))
    return (m.start(), m.end(), "".join(out), sources)


def join_split_letters(text: str, offs: Offsets, ends: Offsets) -> tuple[str, Offsets, Offsets]:
    """Join single letters split by the same separator: 3+ with punctuation, 4+ with spaces, and
    words spelt letter by letter with wider gaps between them.

    At least two of the units must be letters, so `1.2.3` and `0 3 0 0` stay as they are.
    """
    edits: list[Edit] = []
    if "  " in text:
        for m in _SPLIT_WORDS.finditer(text):
            edit = _split_words_edit(m)
            if edit is not None:
                edits.append(edit)
    taken = [(e[0], e[1]) for e in edits]
    for m in _SPLIT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        sep = m.group("sep")
        unit_pos = list(range(m.start(), m.end(), len(sep) + 1))
        units = [text[i] for i in unit_pos]
        if sep.isspace() and len(units) < 4:
            continue
        if sum(u.isalpha() for u in units) < 2:
            continue
        edits.append((m.start(), m.end(), "".join(units), [(i, i + 1) for i in unit_pos]))
    if not edits:
        return text, offs, ends
    edits.sort(key=lambda e: e[0])
    return apply_edits(text, offs, ends, edits)


# --- 2. leetspeak -------------------------------------------------------------------------------

LEET: dict[str, str] = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "l",
}
"""Leet characters and the letter each stands for (`1` reads as `i`: `k1ll`, `b1tch`, `sh1t`)."""


def _leet_token(tok: str) -> str:
    """Fold the leet characters of one ASCII token; numbers with units (`rs500`, `covid19`, `4g`) stay."""
    letters = [i for i, c in enumerate(tok) if "a" <= c <= "z"]
    if not letters:
        return tok
    first, last = letters[0], letters[-1]
    out = list(tok)
    changed = False
    for i, c in enumerate(tok):
        sub = LEET.get(c)
        if sub is None:
            continue
        interior = first < i < last
        if c in "$|":
            ok = True  # never part of a number: `$hit`, `a$$`, `ki||`
        elif c.isdigit():
            # a single leading digit before 3+ letters (`5hit`, `1diot`; `0tp` with a zero), or a
            # trailing 3 or 0 after 3+ letters (`tujh3`, `kutt3`); never a unit suffix (`rs500`, `4g`)
            ok = (
                interior
                or (i == 0 and first == 1 and len(letters) >= (2 if c == "0" else 3) and tok[1:].isalpha())
                or (c in "30" and i == len(tok) - 1 and len(letters) >= 3 and tok[:-1].isalpha())
            )
        elif c == "@":  # a leading "@" is a mention; a trailing one after 3+ letters is `dung@`
            ok = interior or (i == len(tok) - 1 and len(letters) >= 3 and tok[:-1].isalpha())
        else:  # "!" (a trailing one is punctuation)
            ok = interior
        if ok:
            out[i] = sub
            changed = True
    return "".join(out) if changed else tok


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and (text[start - 1] in LEET or "a" <= text[start - 1] <= "z"):
        start -= 1
    end = pos
    n = len(text)
    while end < n and (text[end] in LEET or "a" <= text[end] <= "z" or text[end].isdigit()):
        end += 1
    return start, end


_LEET_RUN = re.compile(r"[0-9@$!|]+")


def fold_leet(text: str, offs: Offsets, ends: Offsets) -> tuple[str, Offsets, Offsets]:
    """Replace leet characters inside tokens that contain letters (offsets are unchanged)."""
    pieces: list[str] = []
    prev = 0
    n = len(text)
    for m in _LEET_RUN.finditer(text):
        s, e = m.start(), m.end()
        if s < prev:
            continue
        before = s > 0 and "a" <= text[s - 1] <= "z"
        after = e < n and "a" <= text[e] <= "z"
        only_marks = text[s] in "!@" and text[e - 1] in "!@"
        trailing_at = before and not after and text[s:e] == "@"
        if not (before and after) and (only_marks or not (before or after)) and not trailing_at:
            continue  # `!` and `@` count only between letters (`wow!!`, `@ali`), or `@` ending a word
        start, end = _token_bounds(text, s)
        start = max(start, prev)
        pieces.append(text[prev:start])
        pieces.append(_leet_token(text[start:end]))
        prev = end
    if not pieces:
        return text, offs, ends
    pieces.append(text[prev:])
    return "".join(pieces), offs, ends


# --- 3. repeated letters ------------------------------------------------------------------------

_REPEAT = re.compile(r"([^\W\d_])\1{2,}")


def squeeze_repeats(text: str, offs: Offsets, ends: Offsets) -> tuple[str, Offsets, Offsets]:
    """Three or more of the same letter become two; both cover the whole original run."""
    edits: list[Edit] = []
    for m in _REPEAT.finditer(text):
        s, e = m.start(), m.end()
        edits.append((s, e, m.group(1) * 2, [(s, e), (s, e)]))
    if not edits:
        return text, offs, ends
    return apply_edits(text, offs, ends, edits)


# --- 4. whitespace ------------------------------------------------------------------------------

_NEEDS_SPACE_WORK = re.compile(r"^\s|\s$|\s\s|[^\S ]")
_INNER_SPACE_WORK = re.compile(r"\s{2,}|[^\S ]")
"""A whitespace run that must change; between non-spaces it always matches from the run's start."""


def collapse_spaces(text: str, offs: Offsets, ends: Offsets) -> tuple[str, Offsets, Offsets]:
    """Whitespace runs -> one space; leading and trailing whitespace removed."""
    if not _NEEDS_SPACE_WORK.search(text):
        return text, offs, ends
    n = len(text)
    stripped = text.strip()
    lead = n - len(text.lstrip())
    body_end = lead + len(stripped)
    inner = _INNER_SPACE_WORK.search(stripped)
    if inner is None and (offs is None or ends is None):  # only the ends go: a shifted identity map
        return stripped, list(range(lead, body_end)), list(range(lead + 1, body_end + 1))
    edits: list[Edit] = [(0, lead, "", [])] if lead else []
    if inner is not None:  # only runs that change: two or more characters, or one that is not " "
        for m in _INNER_SPACE_WORK.finditer(text, lead, body_end):
            edits.append((m.start(), m.end(), " ", [(m.start(), m.end())]))
    if body_end < n:
        edits.append((body_end, n, "", []))
    if not edits:
        return text, offs, ends
    return apply_edits(text, offs, ends, edits)


STEPS: tuple[Step, ...] = (join_split_letters, fold_leet, squeeze_repeats, collapse_spaces)
"""The steps after per-character folding, in the order they run."""

# --- cheap tests that let a text skip a step ------------------------------------------------------

_SHAPE = str.maketrans(
    {
        i: ("a" if chr(i).isalnum() else " " if chr(i).isspace() else "." if chr(i) in "-._*/+~,|" else "#")
        for i in range(128)
    }
)
_SPLIT_SHAPES = ("a.a.a", "a. a. a", "a .a .a", "a . a . a", " a a a a ", "a  a  a  a", "a a  a")
_SPLIT_PUNCT_HINT = re.compile(r"[-._*/+~,|]\s?[a-zA-Z0-9]\s?[-._*/+~,|]")
_SPLIT_SPACE_HINT = re.compile(r"\s[a-zA-Z0-9]\s{1,2}[a-zA-Z0-9]\s")
"""Every split shape has one unit between two separators (`.a.`, `. a .`) or two single units between
spaces (` a a `, ` a  a `); these start with a rarer character than a letter, so they scan fast."""
_SPLIT_HINT = re.compile(r"[ .\-_*/+~·•,|][^ .\-_*/+~·•,|][ .\-_*/+~·•,|]+[^ .\-_*/+~·•,|][ .\-_*/+~·•,|]")
_LEET_CHARS = frozenset(LEET)
_REPEAT_ASCII = re.compile(r"([a-z])\1\1")
_REPEAT_ANY = re.compile(r"(.)\1\1")


def _needs_spaces(text: str) -> bool:
    return "  " in text or text[:1] == " " or text[-1:] == " "


def run_steps_ascii(text: str) -> tuple[str, Offsets, Offsets]:
    """All steps on lowercased ASCII without control characters, skipping those that cannot apply."""
    offs: Offsets = None
    ends: Offsets = None
    if _SPLIT_PUNCT_HINT.search(text) or _SPLIT_SPACE_HINT.search(" " + text + " "):
        shape = " " + text.translate(_SHAPE) + " "
        if any(p in shape for p in _SPLIT_SHAPES):
            text, offs, ends = join_split_letters(text, offs, ends)
    if not _LEET_CHARS.isdisjoint(text):
        text, offs, ends = fold_leet(text, offs, ends)
    if _REPEAT_ASCII.search(text):
        text, offs, ends = squeeze_repeats(text, offs, ends)
    if _needs_spaces(text) or not text.isprintable():
        text, offs, ends = collapse_spaces(text, offs, ends)
    return text, offs, ends


def run_steps(text: str, offs: Offsets, ends: Offsets) -> tuple[str, Offsets, Offsets]:
    """All steps on folded text of any script (whitespace is already plain spaces)."""
    if _SPLIT_HINT.search(" " + text + " "):
        text, offs, ends = join_split_letters(text, offs, ends)
    if not _LEET_CHARS.isdisjoint(text):
        text, offs, ends = fold_leet(text, offs, ends)
    if _REPEAT_ANY.search(text):
        text, offs, ends = squeeze_repeats(text, offs, ends)
    if _needs_spaces(text):
        text, offs, ends = collapse_spaces(text, offs, ends)
    return text, offs, ends
