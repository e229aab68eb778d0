"""Phrase rules kept as data: regexes that tolerate spelling noise, gated by an Aho–Corasick keyword pass.

Rule files live in `detectors/data/*.yaml`::

    macros:
      FUT: '(?:d[ou]n\\s?g[aie])'       # referenced as %FUT%, may use earlier macros
    rules:
      - id: ru.maar-dunga               # stable id, reported in the signal note
        policy: safety.threats
        score: 0.95
        keys: [mar]                     # literal stems; the rule runs only when one occurs
        tags: [first-person]            # free labels the detector's own logic reads
        pattern: '\\bma+r\\s?%FUT%'

Every pattern is rewritten by `tolerant()` before compiling, so a rule written with plain
spelling also matches the normaliser's output whatever its letter-squeezing does (`kill`
matches `kil`, `kiill`, `kiiiill`), and Urdu letters match their Arabic look-alikes.
All problems in a file are reported together, each with its line (`ValidationFailedError`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from hifazat.core.detectors.keyword_gate import KeywordGate
from hifazat.core.errors import Located, ValidationFailedError
from hifazat.core.signals import Span

if TYPE_CHECKING:
    from hifazat.core.text.normalise import NormalisedText

__all__ = [
    "KeywordGate",
    "PhraseFile",
    "PhraseMatcher",
    "PhraseRule",
    "key_variants",
    "load_phrase_file",
    "load_phrase_rules",
    "merge_spans",
    "read_data",
    "tolerant",
]

_URDU_VARIANTS: Mapping[str, str] = {
    "ی": "یيى",
    "ک": "کك",
    "ہ": "ہهة",
    "آ": "آا",
    "ؤ": "ؤو",
    "ۓ": "ۓے",
    "ئ": "ئی",
}
"""Urdu letters and the Arabic (or undecorated) forms a text may use instead."""

_GATE_STEM = 8
_GATE_STEM_URDU = 5
"""Keyword stems are cut to this many letters (Latin, Urdu): the gate needs only a necessary condition,
and every letter of a stem is tried single and doubled."""
_GROUP_HEAD = re.compile(r"\(\?(?:[:=!>]|<[=!]|P<\w+>|P=\w+\))")
_MACRO_REF = re.compile(r"%([A-Z][A-Z0-9_]*)%")


def _is_letter(c: str) -> bool:
    """A Latin lower-case letter or an Arabic-script letter (not a diacritic or a digit)."""
    return "a" <= c <= "z" or "\u0621" <= c <= "\u064a" or "\u0671" <= c <= "\u06d3"


def _repeatable(atom: str, run: int, nxt: str) -> tuple[str, int]:
    """`atom` (one letter or class) written `run` times, then `nxt`: the tolerant form and how many
    quantifier characters it consumed."""
    # `xx*` rather than `x+`: the regex engine then sees a literal first character and can skip
    # ahead to it, which makes a rule three to four times faster on text where it does not match.
    if nxt == "{":
        return atom * run, 0
    if nxt in ("?", "*"):
        return (atom + "*" if run == 1 else atom + atom + "*"), 1
    if nxt == "+":
        return atom + atom + "*", 1
    return atom + atom + "*", 0


def tolerant(src: str) -> str:
    """Rewrite a regex so that every letter and character class also matches a run of itself.

    The normaliser squeezes a letter repeated three or more times to two, so `kill` must also
    match `kiill`: runs in the source collapse (`kill` -> `k+i+l+`, `[ou]n` -> `[ou]+n+`),
    an optional letter becomes a starred one (`wa?jib` -> `w+a*j+i+b+`), and Urdu letters gain
    their Arabic variants (`ی` -> `[یيى]+`). Escapes, group heads and `{m,n}` are copied as is.
    """
    out: list[str] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            out.append(src[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            parts = ["["]
            if j < n and src[j] == "^":
                parts.append("^")
                j += 1
            first = True
            while j < n and (src[j] != "]" or first):
                if src[j] == "\\":
                    parts.append(src[j : j + 2])
                    j += 2
                else:
                    parts.append(_URDU_VARIANTS.get(src[j], src[j]))
                    j += 1
                first = False
            parts.append("]")
            i = j + 1
            form, used = _repeatable("".join(parts), 1, src[i] if i < n else "")
            out.append(form)
            i += used
            continue
        if c == "(" and src.startswith("(?", i):
            head = _GROUP_HEAD.match(src, i)
            if head is None:
                raise ValueError(f"unsupported group at {i} in {src!r}")
            out.append(head.group())
            i = head.end()
            continue
        if c == "{":
            close = src.index("}", i)
            out.append(src[i : close + 1])
            i = close + 1
            continue
        if _is_letter(c):
            j = i
            while j < n and src[j] == c:
                j += 1
            variants = _URDU_VARIANTS.get(c)
            atom = f"[{variants}]" if variants else c
            form, used = _repeatable(atom, j - i, src[j] if j < n else "")
            out.append(form)
            i = j + used
            continue
        out.append(c)
        i += 1
    return "".join(out)


def key_variants(stem: str) -> set[str]:
    """Spellings of a keyword stem for the gate: its first letters, each single letter also doubled
    (the normaliser leaves at most two), Urdu letters in every variant form. A letter the stem
    doubles stays double: list `mar` and `maar` both when both spellings are common."""
    limit = _GATE_STEM if stem.isascii() else _GATE_STEM_URDU
    forms = {""}
    for run in re.finditer(r"(.)\1*", stem[:limit]):
        ch, doubled = run.group(1), len(run.group()) > 1
        options = _URDU_VARIANTS.get(ch, ch)
        if not _is_letter(ch):
            forms = {f + run.group() for f in forms}
        elif doubled:
            forms = {f + v + v for f in forms for v in options}
        else:
            forms = {f + v for f in forms for v in options} | {f + v + v for f in forms for v in options}
    return forms


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """One compiled phrase rule."""

    id: str
    policy: str
    score: float
    regex: re.Pattern[str]
    keys: tuple[str, ...]
    tags: frozenset[str]


class PhraseMatcher:
    """Rules of one file with their keyword gate; `find` returns every rule match in a text."""

    def __init__(self, rules: Sequence[PhraseRule]) -> None:
        self.rules = tuple(rules)
        self.gate = KeywordGate((k, i) for i, r in enumerate(self.rules) for k in r.keys)

    def find(self, text: str) -> Iterator[tuple[PhraseRule, re.Match[str]]]:
        """Every (rule, match) in `text`, rules in file order, matches left to right."""
        indexes = self.gate.candidates(text)
        if not indexes:
            return iter(())  # most texts: no keyword, so no generator to build
        return self._matches(text, indexes)

    def find_in(self, norm: NormalisedText) -> Iterator[tuple[PhraseRule, re.Match[str]]]:
        """`find(norm.text)`, with the keyword gate answered by a shared pass when there is one."""
        indexes = self.gate.candidates_in(norm)
        if not indexes:
            return iter(())
        return self._matches(norm.text, indexes)

    def _matches(self, text: str, indexes: list[int]) -> Iterator[tuple[PhraseRule, re.Match[str]]]:
        for index in indexes:
            rule = self.rules[index]
            for match in rule.regex.finditer(text):
                yield rule, match


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans sorted by position, with overlapping or touching ones joined."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            merged.append(Span(last.start, max(last.end, span.end)))
        else:
            merged.append(span)
    return tuple(merged)


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A YAML loader (the C one when built) that records each mapping's line as `__line__`."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_data(name: str) -> str:
    """Text of a packaged data file under `detectors/data/`."""
    return resources.files("hifazat.core.detectors").joinpath("data", name).read_text(encoding="utf-8")


def _expand(pattern: str, macros: Mapping[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        return macros[m.group(1)]

    return _MACRO_REF.sub(sub, pattern)


@dataclass(frozen=True, slots=True)
class PhraseFile:
    """A loaded rule file: its compiled rules and its macros (expanded, not yet `tolerant`)."""

    rules: tuple[PhraseRule, ...]
    macros: Mapping[str, str]


def load_phrase_rules(name: str, *, policies: Iterable[str], text: str | None = None) -> list[PhraseRule]:
    """The compiled rules of `data/<name>` (see `load_phrase_file`)."""
    return list(load_phrase_file(name, policies=policies, text=text).rules)


def load_phrase_file(name: str, *, policies: Iterable[str], text: str | None = None) -> PhraseFile:
    """Load and compile the rule file `data/<name>`; raise `ValidationFailedError` listing every problem.

    `policies` are the policy ids rules in this file may name. `text` replaces the packaged
    file (tests use it to check the error messages).
    """
    source = read_data(name) if text is None else text
    allowed = frozenset(policies)
    problems: list[Located] = []
    try:
        doc = yaml.load(source, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise ValidationFailedError(name, [Located(name, line, f"not valid YAML: {exc}")]) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise ValidationFailedError(name, [Located(name, 1, "expected a mapping with a `rules:` list")])
    macros: dict[str, str] = {}
    for key, value in (doc.get("macros") or {}).items():
        if key == "__line__":
            continue
        unknown = [m for m in _MACRO_REF.findall(str(value)) if m not in macros]
        if unknown:
            problems.append(Located(name, doc["macros"]["__line__"], f"macro {key} uses unknown {unknown}"))
            continue
        macros[str(key)] = _expand(str(value), macros)
    rules: list[PhraseRule] = []
    seen: set[str] = set()
    for entry in doc["rules"]:
        line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
        rule = _compile_rule(name, line, entry, macros, allowed, seen, problems)
        if rule is not None:
            rules.append(rule)
    if problems:
        raise ValidationFailedError(name, problems)
    return PhraseFile(tuple(rules), macros)


def _compile_rule(
    name: str,
    line: int,
    entry: object,
    macros: Mapping[str, str],
    allowed: frozenset[str],
    seen: set[str],
    problems: list[Located],
) -> PhraseRule | None:
    if not isinstance(entry, dict):
        problems.append(Located(name, line, "each rule must be a mapping"))
        return None
    before = len(problems)
    rule_id = entry.get("id")
    where = f"rule {rule_id!r}"
    if not isinstance(rule_id, str) or not rule_id:
        problems.append(Located(name, line, "rule needs a non-empty string `id`"))
    elif rule_id in seen:
        problems.append(Located(name, line, f"{where}: duplicate id"))
    else:
        seen.add(rule_id)
    policy = entry.get("policy")
    if policy not in allowed:
        hint = ", ".join(sorted(allowed))
        problems.append(Located(name, line, f"{where}: policy {policy!r} is not one of {hint}"))
    score = entry.get("score")
    if not isinstance(score, int | float) or not 0.0 <= float(score) <= 1.0:
        problems.append(Located(name, line, f"{where}: `score` must be a number in [0, 1]"))
    keys = entry.get("keys")
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
        problems.append(
            Located(
                name, line, f'{where}: `keys` must be a non-empty list of strings (quote numbers: "8171")'
            )
        )
    tags = entry.get("tags", [])
    if not isinstance(tags, list):
        problems.append(Located(name, line, f"{where}: `tags` must be a list"))
    pattern = entry.get("pattern")
    regex: re.Pattern[str] | None = None
    if not isinstance(pattern, str) or not pattern:
        problems.append(Located(name, line, f"{where}: `pattern` must be a non-empty string"))
    else:
        unknown = [m for m in _MACRO_REF.findall(pattern) if m not in macros]
        if unknown:
            problems.append(Located(name, line, f"{where}: unknown macro(s) {unknown}"))
        else:
            try:
                regex = re.compile(tolerant(_expand(pattern, macros)))
            except (re.error, ValueError) as exc:
                problems.append(Located(name, line, f"{where}: pattern does not compile: {exc}"))
    if len(problems) > before or regex is None:
        return None
    assert isinstance(rule_id, str) and isinstance(policy, str) and isinstance(score, int | float)
    assert isinstance(keys, list)
    return PhraseRule(
        id=rule_id,
        policy=policy,
        score=float(score),
        regex=regex,
        keys=tuple(str(k) for k in keys),
        tags=frozenset(str(t) for t in tags),
    )
