"""Reading YAML *nodes* with line numbers, collecting every problem instead of stopping at the first.

The guideline loader walks the node tree that `yaml.compose` (SafeLoader) returns, so each value keeps
the line it came from and each problem can be reported as `file:line: message`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from hifazat.core.errors import Located
from hifazat.core.guidelines.model import Localised, suggest

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ARABIC_NOT_URDU = {"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0647": "\u06c1"}
"""Arabic letters that have a distinct Urdu form: ي→ی, ك→ک, ه→ہ."""

_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True, slots=True)
class Where:
    """Who owns a value (`policy safety.hate`) and the field path inside it (`examples.allowed[1].ur`)."""

    owner: str
    path: str = ""

    def key(self, name: str) -> Where:
        """The place of field `name` inside this one."""
        return Where(self.owner, f"{self.path}.{name}" if self.path else name)

    def item(self, index: int) -> Where:
        """The place of list item `index` (0-based) inside this one."""
        return Where(self.owner, f"{self.path}[{index}]")

    def __str__(self) -> str:
        return f"{self.owner}: {self.path}" if self.path else self.owner


def line_of(node: yaml.Node) -> int:
    """1-based line where a node starts."""
    return int(node.start_mark.line) + 1


class NodeReader:
    """Typed access to the nodes of one file; every problem is added to a shared list."""

    def __init__(self, file: str, problems: list[Located]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, line: int, where: Where | str, message: str) -> None:
        """Record one problem at `line` of this file."""
        prefix = str(where)
        self.problems.append(Located(self.file, line, f"{prefix}: {message}" if prefix else message))

    def compose(self, path: Path) -> yaml.Node | None:
        """Parse the file into a node tree (safe loader); YAML errors become located problems."""
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            self.problem(1, "", f"not UTF-8 text ({err.reason} at byte {err.start})")
            return None
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            self.problem(*_syntax_error(err))
            return None
        except yaml.YAMLError as err:
            self.problem(1, "", f"YAML error: {err}")
            return None
        if node is None:
            self.problem(1, "", "the file is empty")
        return node

    def fields(
        self, node: yaml.Node, where: Where, spec: Mapping[str, bool], *, what: str = "a mapping"
    ) -> dict[str, yaml.Node] | None:
        """Check a mapping against `spec` (field name -> required); return its fields by name.

        Reports duplicate keys, unknown keys (with a "did you mean") and missing required keys.
        """
        if not isinstance(node, yaml.MappingNode):
            self.problem(line_of(node), where, f"expected {what}, found {_kind(node)}")
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in found:
                self.problem(line_of(key_node), where, f"field {key!r} appears twice")
            elif key not in spec:
                hint = suggest(key, tuple(spec), fallback="allowed: " + ", ".join(spec))
                self.problem(line_of(key_node), where, f"unknown field {key!r} ({hint})")
            else:
                found[key] = value_node
        for name, required in spec.items():
            if required and name not in found:
                self.problem(line_of(node), where, f"missing required field {name!r}")
        return found

    def items(self, node: yaml.Node, where: Where, *, min_items: int = 0) -> list[yaml.Node] | None:
        """The items of a sequence, checking there are at least `min_items`."""
        if not isinstance(node, yaml.SequenceNode):
            self.problem(line_of(node), where, f"expected a list, found {_kind(node)}")
            return None
        if len(node.value) < min_items:
            self.problem(line_of(node), where, f"needs at least {min_items} item(s), found {len(node.value)}")
        return list(node.value)

    def scalar(self, node: yaml.Node, where: Where) -> yaml.ScalarNode | None:
        """The node as a scalar, or None (with a problem) for a list or mapping."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(line_of(node), where, f"expected a single value, found {_kind(node)}")
            return None
        return node

    def text(self, node: yaml.Node, where: Where, *, script: str = "any") -> str | None:
        """A non-empty text; `script` `en`/`ur`/`roman_ur` also checks the letters used."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = "" if scalar.tag == _NULL else str(scalar.value).strip()
        if not value:
            self.problem(line_of(node), where, "text is empty")
            return None
        if script == "ur":
            self._check_urdu(line_of(node), where, value)
        elif script in ("en", "roman_ur") and not _LATIN_LETTER.search(value):
            self.problem(line_of(node), where, f"has no Latin letters; is this Urdu script? ({_clip(value)})")
        return value

    def _check_urdu(self, line: int, where: Where, value: str) -> None:
        if not any(ch.isalpha() and _ARABIC_SCRIPT.match(ch) for ch in value):
            self.problem(line, where, f"Urdu text has no Urdu (Arabic-script) letters ({_clip(value)})")
            return
        for arabic, urdu in _ARABIC_NOT_URDU.items():
            if arabic in value:
                self.problem(
                    line,
                    where,
                    f"uses the Arabic letter {arabic} (U+{ord(arabic):04X}); write the Urdu "
                    f"{urdu} (U+{ord(urdu):04X})",
                )

    def localised(self, node: yaml.Node, where: Where) -> Localised | None:
        """A `{en: ..., ur: ...}` pair; both languages are required and checked."""
        found = self.fields(node, where, {"en": False, "ur": False}, what="an {en, ur} pair")
        if found is None:
            return None
        texts: dict[str, str | None] = {}
        for lang, name in (("en", "English"), ("ur", "Urdu")):
            if lang in found:
                texts[lang] = self.text(found[lang], where.key(lang), script=lang)
            else:
                texts[lang] = None
                self.problem(line_of(node), where, f"missing the {name} text ({lang!r})")
        en, ur = texts["en"], texts["ur"]
        return Localised(en, ur) if en is not None and ur is not None else None

    def choice(self, node: yaml.Node, where: Where, allowed: Sequence[str], what: str) -> str | None:
        """One value from a closed vocabulary, with a "did you mean" when it is not."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = str(scalar.value)
        if value not in allowed:
            hint = suggest(value, tuple(allowed), fallback="expected one of: " + ", ".join(allowed))
            self.problem(line_of(node), where, f"unknown {what} {value!r} ({hint})")
            return None
        return value

    def choices(
        self, node: yaml.Node, where: Where, allowed: Sequence[str], what: str, *, min_items: int = 0
    ) -> tuple[str, ...] | None:
        """A list of distinct values from a closed vocabulary."""
        nodes = self.items(node, where, min_items=min_items)
        if nodes is None:
            return None
        values: list[str] = []
        ok = True
        for index, item in enumerate(nodes):
            value = self.choice(item, where.item(index), allowed, what)
            if value is None:
                ok = False
            elif value in values:
                self.problem(line_of(item), where.item(index), f"{what} {value!r} is listed twice")
            else:
                values.append(value)
        return tuple(values) if ok else None

    def integer(self, node: yaml.Node, where: Where) -> int | None:
        """A whole number written as a YAML integer (not quoted)."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        if scalar.tag != _INT:
            self.problem(line_of(node), where, f"expected a whole number, found {scalar.value!r}")
            return None
        value = _construct(scalar)
        assert isinstance(value, int)
        return value

    def number(self, node: yaml.Node, where: Where) -> float | None:
        """A number (integer or decimal) written unquoted."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        if scalar.tag not in (_INT, _FLOAT):
            self.problem(line_of(node), where, f"expected a number, found {scalar.value!r}")
            return None
        value = _construct(scalar)
        assert isinstance(value, int | float)
        return float(value)

    def day(self, node: yaml.Node, where: Where) -> date | None:
        """A calendar date written `YYYY-MM-DD`."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        raw = str(scalar.value)
        try:
            value = _construct(scalar) if scalar.tag == _TIMESTAMP else date.fromisoformat(raw)
        except ValueError:
            value = None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.problem(line_of(node), where, f"expected a date like 2026-01-15, found {raw!r}")
            return None
        return value

    def pattern(self, node: yaml.Node, where: Where, regex: re.Pattern[str], example: str) -> str | None:
        """A value written exactly as `regex` demands (ids, versions); the source text is used as is."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = str(scalar.value)
        if not regex.fullmatch(value):
            self.problem(line_of(node), where, f"{value!r} is not well formed (expected e.g. {example!r})")
            return None
        return value


def _syntax_error(err: yaml.MarkedYAMLError) -> tuple[int, str, str]:
    """Line and message of a YAML syntax error.

    A scanner error ("while scanning a simple key") is reported at the line where the token began,
    which is the line to fix; a parser error at the line where it was noticed, naming where the
    enclosing block began.
    """
    problem = err.problem or "invalid YAML"
    noticed = int(err.problem_mark.line) + 1 if err.problem_mark is not None else 1
    if err.context and err.context_mark is not None:
        began = int(err.context_mark.line) + 1
        if err.context.startswith("while scanning"):
            suffix = f" (noticed at line {noticed})" if noticed != began else ""
            return began, "", f"YAML syntax error: {problem} {err.context}{suffix}"
        hint = "; check the indentation" if "block" in problem else ""
        return noticed, "", f"YAML syntax error: {problem} ({err.context} that starts at line {began}{hint})"
    return noticed, "", f"YAML syntax error: {problem}"


def _construct(node: yaml.ScalarNode) -> object:
    """The Python value of a scalar node, by the safe loader's own rules."""
    return yaml.constructor.SafeConstructor().construct_object(node)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.value!r}" if node.tag != _NULL else "nothing"


def _clip(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")
