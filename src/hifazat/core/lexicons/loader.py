"""Read and validate the lexicon files: every problem is reported with its file and line.

File format (tab-separated, `#` starts a comment line, the first non-comment line is the header)::

    term	policy	score	language	flags
    bhenchod	safety.profanity	0.95	roman-ur	stem

- `term`: written as people write it; it is normalised like the text it will be matched against.
- `policy`: a guideline policy id.
- `score`: in (0, 1], how strongly the term alone indicates the policy.
- `language`: `en`, `ur` (Arabic script) or `roman-ur`.
- `flags`: `-`, or a comma list of `stem` (may be followed by more letters: `fuck` matches `fucking`),
  `sub` (may occur anywhere inside a word; only for long, distinctive terms) and `exact` (only the
  exact normalised spelling matches, never a squeezed or variant-key form).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

from hifazat.core.errors import Located, ValidationFailedError
from hifazat.core.text.normalise import normalise
from hifazat.core.text.script import has_arabic

LexiconLanguage = Literal["en", "ur", "roman-ur"]
LANGUAGES: tuple[LexiconLanguage, ...] = ("en", "ur", "roman-ur")
FLAGS: frozenset[str] = frozenset({"stem", "sub", "exact"})
HEADER: tuple[str, ...] = ("term", "policy", "score", "language", "flags")

POLICIES: frozenset[str] = frozenset(
    """
    safety.violence safety.threats safety.hate safety.extremism safety.harassment safety.profanity
    health.self_harm health.dangerous_acts health.disordered_eating mature.sexual mature.nudity
    mature.graphic integrity.misinformation integrity.civic integrity.synthetic_media integrity.spam
    integrity.impersonation regulated.scams regulated.gambling regulated.drugs regulated.weapons
    privacy.personal_info privacy.hacking youth.csea youth.grooming youth.minor_harms
    """.split()  # noqa: SIM905
)
"""The guideline policy ids a lexicon entry may name."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One validated lexicon term."""

    term: str
    """As written in the file."""
    norm: str
    """Normalised like the text it is matched against."""
    policy: str
    score: float
    language: LexiconLanguage
    flags: frozenset[str]
    where: Located
    """File and line, for error messages and audits."""


def read_word_list(name: str) -> list[str]:
    """The words of a packaged word list (`#` comments and blank lines skipped), normalised."""
    raw = resources.files("hifazat.core.lexicons").joinpath(name).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return [normalise(w).text for w in words if w]


@cache
def harmless_words() -> frozenset[str]:
    """Hand-curated harmless look-alikes (`harmless_words.txt`)."""
    return frozenset(read_word_list("harmless_words.txt"))


@cache
def common_words() -> frozenset[str]:
    """Frequent words of non-abusive data rows (`common_words.txt`) plus the harmless list."""
    return frozenset(read_word_list("common_words.txt")) | harmless_words()


def _parse_line(
    fields: list[str], where: Located, problems: list[Located], harmless: frozenset[str]
) -> LexiconEntry | None:
    def bad(message: str) -> None:
        problems.append(Located(where.file, where.line, message))

    if len(fields) != len(HEADER):
        bad(f"expected {len(HEADER)} tab-separated fields ({', '.join(HEADER)}), found {len(fields)}")
        return None
    term, policy, score_s, language, flags_s = (f.strip() for f in fields)
    ok = True
    norm = normalise(term).text
    if not norm:
        bad(f"term {term!r} is empty after normalisation")
        ok = False
    elif norm in harmless:
        bad(f"term {term!r} is listed as a harmless word in harmless_words.txt")
        ok = False
    if policy not in POLICIES:
        close = difflib.get_close_matches(policy, sorted(POLICIES), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        bad(f"unknown policy {policy!r}{hint}")
        ok = False
    try:
        score = float(score_s)
    except ValueError:
        bad(f"score {score_s!r} is not a number")
        score, ok = 0.0, False
    else:
        if not 0.0 < score <= 1.0:
            bad(f"score {score} must be in (0, 1]")
            ok = False
    if language not in LANGUAGES:
        bad(f"language {language!r} must be one of {', '.join(LANGUAGES)}")
        ok = False
    elif norm and (language == "ur") != has_arabic(norm):
        bad(f"term {term!r} is not written in the script of language {language!r}")
        ok = False
    flags = frozenset() if flags_s == "-" else frozenset(f.strip() for f in flags_s.split(","))
    unknown = sorted(flags - FLAGS)
    if unknown:
        bad(f"unknown flag(s) {', '.join(unknown)}; known: {', '.join(sorted(FLAGS))} or '-'")
        ok = False
    if not ok:
        return None
    return LexiconEntry(term, norm, policy, score, language, flags, where)  # type: ignore[arg-type]


def parse_lexicon(name: str, text: str) -> tuple[list[LexiconEntry], list[Located]]:
    """Entries and problems of one lexicon file's text."""
    entries: list[LexiconEntry] = []
    problems: list[Located] = []
    header_seen = False
    harmless = harmless_words()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(f.strip() for f in fields) != HEADER:
                problems.append(Located(name, lineno, f"header must be: {chr(9).join(HEADER)}"))
            continue
        entry = _parse_line(fields, Located(name, lineno, ""), problems, harmless)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def check_duplicates(entries: Iterable[LexiconEntry]) -> list[Located]:
    """A normalised term may appear once per policy."""
    seen: dict[tuple[str, str], LexiconEntry] = {}
    problems: list[Located] = []
    for e in entries:
        key = (e.norm, e.policy)
        if key in seen:
            first = seen[key].where
            msg = f"duplicate of {first.file}:{first.line} ({e.term!r} normalises to {e.norm!r})"
            problems.append(Located(e.where.file, e.where.line, msg))
        else:
            seen[key] = e
    return problems


def lexicon_files() -> list[Traversable]:
    """The packaged `*.tsv` files, sorted by name."""
    pkg = resources.files("hifazat.core.lexicons")
    return sorted((f for f in pkg.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)


def load_lexicon(sources: Iterable[tuple[str, str]] | None = None) -> list[LexiconEntry]:
    """Validated entries from `(name, text)` sources, or from the packaged files.

    Raises `ValidationFailedError` listing every problem with its file and line.
    """
    if sources is None:
        sources = [(f.name, f.read_text(encoding="utf-8")) for f in lexicon_files()]
    entries: list[LexiconEntry] = []
    problems: list[Located] = []
    for name, text in sources:
        found, bad = parse_lexicon(name, text)
        entries += found
        problems += bad
    problems += check_duplicates(entries)
    if problems:
        raise ValidationFailedError("lexicon", problems)
    return entries
