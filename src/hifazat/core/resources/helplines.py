"""Pakistani helplines and reporting channels, loaded and validated from packaged YAML.

Every entry carries its sources and the date it was last checked. An entry whose confidence is
`check` or `unverified` must say `needs_verification: true`; `Directory.public()` leaves those
out, so the Safety Centre never shows an unconfirmed number to the public as fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from hifazat.core.errors import Located, ValidationFailedError

Confidence = Literal["ok", "check", "unverified"]
ContactKind = Literal["phone", "sms", "email", "web"]
CATEGORIES = (
    "emergency",
    "cyber_crime",
    "harassment",
    "children",
    "women",
    "human_rights",
    "mental_health",
    "scam_check",
    "fact_check",
)
CONFIDENCES: tuple[Confidence, ...] = ("ok", "check", "unverified")
CONTACT_KINDS: tuple[ContactKind, ...] = ("phone", "sms", "email", "web")
PACKAGED = "helplines.yaml"


@dataclass(frozen=True, slots=True)
class Text:
    """A text in English and Urdu."""

    en: str
    ur: str

    def get(self, lang: str) -> str:
        """The text in `lang` (`ur` for Urdu, anything else English)."""
        return self.ur if lang == "ur" else self.en


@dataclass(frozen=True, slots=True)
class Contact:
    """One way to reach a service, as people dial or type it."""

    kind: ContactKind
    value: str

    @property
    def href(self) -> str:
        """A link target: `tel:`, `sms:`, `mailto:` or the web address."""
        digits = "".join(ch for ch in self.value if ch.isdigit() or ch == "+")
        return {
            "phone": f"tel:{digits}",
            "sms": f"sms:{digits}",
            "email": f"mailto:{self.value}",
            "web": self.value,
        }[self.kind]


@dataclass(frozen=True, slots=True)
class Helpline:
    """A helpline or reporting channel."""

    id: str
    category: str
    name: Text
    helps_with: Text
    coverage: Text
    hours: Text | None
    contacts: tuple[Contact, ...]
    confidence: Confidence
    needs_verification: bool
    verification_note: str
    """For editors: what still has to be checked."""
    sources: tuple[str, ...]
    last_verified: date
    method: str
    """How it was last checked, e.g. `published sources` or `dialled`."""


@dataclass(frozen=True, slots=True)
class Directory:
    """Every packaged entry, in file order."""

    entries: tuple[Helpline, ...]

    def public(self) -> tuple[Helpline, ...]:
        """Entries that may be shown to the public: confirmed ones only."""
        return tuple(entry for entry in self.entries if not entry.needs_verification)

    def confirms(self, contact: str) -> bool:
        """True when `contact` (a number as people dial it) belongs to a confirmed, public entry.

        Helplines elsewhere (the guidelines' support blocks) are shown only when this is true, so a
        number still being verified is never given to someone in crisis as fact."""
        digits = _digits(contact)
        return bool(digits) and digits in self._public_numbers()

    def _public_numbers(self) -> frozenset[str]:
        return frozenset(
            _digits(c.value) for entry in self.public() for c in entry.contacts if c.kind == "phone"
        )

    def needing_verification(self) -> tuple[Helpline, ...]:
        """Entries an editor must confirm before they can be published."""
        return tuple(entry for entry in self.entries if entry.needs_verification)

    def by_category(self, entries: tuple[Helpline, ...]) -> list[tuple[str, tuple[Helpline, ...]]]:
        """`entries` grouped by category, in the order of `CATEGORIES`; empty groups left out."""
        groups = [(cat, tuple(e for e in entries if e.category == cat)) for cat in CATEGORIES]
        return [(cat, found) for cat, found in groups if found]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class _Reader:
    """Turns YAML nodes into helplines, collecting every problem with its line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Located] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Located(self.name, node.start_mark.line + 1, message))

    def mapping(self, node: yaml.Node, where: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where} must be a mapping")
            return {}
        return {str(key.value): value for key, value in node.value}

    def scalar(
        self, fields: dict[str, yaml.Node], key: str, parent: yaml.Node, *, optional: bool = False
    ) -> str:
        node = fields.get(key)
        if node is None:
            if not optional:
                self.problem(parent, f"missing field {key!r}")
            return ""
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(node, f"{key!r} must be a non-empty text")
            return ""
        return str(node.value).strip()

    def text(self, fields: dict[str, yaml.Node], key: str, parent: yaml.Node) -> Text | None:
        node = fields.get(key)
        if node is None:
            self.problem(parent, f"missing field {key!r} (with 'en' and 'ur')")
            return None
        inner = self.mapping(node, key)
        return Text(en=self.scalar(inner, "en", node), ur=self.scalar(inner, "ur", node))

    def entry(self, node: yaml.Node, seen: set[str]) -> Helpline | None:
        fields = self.mapping(node, "an entry")
        known = {
            "id", "category", "name", "helps_with", "coverage", "hours", "contacts", "confidence",
            "needs_verification", "verification_note", "sources", "last_verified", "method",
        }  # fmt: skip
        for key, value in fields.items():
            if key not in known:
                self.problem(value, f"unknown field {key!r}")
        ident = self.scalar(fields, "id", node)
        if ident in seen:
            self.problem(node, f"duplicate id {ident!r}")
        seen.add(ident)
        category = self.scalar(fields, "category", node)
        if category and category not in CATEGORIES:
            self.problem(
                fields["category"], f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}"
            )
        confidence = self.scalar(fields, "confidence", node)
        if confidence and confidence not in CONFIDENCES:
            self.problem(fields["confidence"], "confidence must be ok, check or unverified")
        flag = self.scalar(fields, "needs_verification", node).lower()
        if flag not in ("true", "false"):
            self.problem(fields.get("needs_verification", node), "needs_verification must be true or false")
        needs = flag == "true"
        if confidence in ("check", "unverified") and not needs:
            self.problem(node, f"{ident}: confidence {confidence} requires needs_verification: true")
        contacts = self.contacts(fields.get("contacts"), node)
        sources = self.sources(fields.get("sources"), node)
        checked = self.date(fields.get("last_verified"), node)
        hours = self.text(fields, "hours", node) if "hours" in fields else None
        name = self.text(fields, "name", node)
        helps = self.text(fields, "helps_with", node)
        coverage = self.text(fields, "coverage", node)
        if name is None or helps is None or coverage is None or checked is None:
            return None
        return Helpline(
            id=ident,
            category=category,
            name=name,
            helps_with=helps,
            coverage=coverage,
            hours=hours,
            contacts=contacts,
            confidence=confidence,  # type: ignore[arg-type]
            needs_verification=needs,
            verification_note=self.scalar(fields, "verification_note", node, optional=True),
            sources=sources,
            last_verified=checked,
            method=self.scalar(fields, "method", node),
        )

    def contacts(self, node: yaml.Node | None, parent: yaml.Node) -> tuple[Contact, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node or parent, "contacts must list at least one {kind, value}")
            return ()
        found: list[Contact] = []
        for item in node.value:
            fields = self.mapping(item, "a contact")
            kind = self.scalar(fields, "kind", item)
            value = self.scalar(fields, "value", item)
            if kind not in CONTACT_KINDS:
                self.problem(item, f"contact kind {kind!r} is not one of {', '.join(CONTACT_KINDS)}")
                continue
            if kind == "web" and not value.startswith("https://"):
                self.problem(item, f"web address {value!r} must start with https://")
            found.append(Contact(kind=kind, value=value))
        return tuple(found)

    def sources(self, node: yaml.Node | None, parent: yaml.Node) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node or parent, "sources must list at least one URL")
            return ()
        urls = tuple(str(item.value) for item in node.value if isinstance(item, yaml.ScalarNode))
        for item, url in zip(node.value, urls, strict=False):
            if not url.startswith(("https://", "http://")):
                self.problem(item, f"source {url!r} is not a web address")
        return urls

    def date(self, node: yaml.Node | None, parent: yaml.Node) -> date | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node or parent, "last_verified must be a date, YYYY-MM-DD")
            return None
        try:
            return date.fromisoformat(str(node.value))
        except ValueError:
            self.problem(node, f"last_verified {node.value!r} is not a date (YYYY-MM-DD)")
            return None


def parse_directory(text: str, *, name: str = PACKAGED) -> Directory:
    """Parse and validate a helplines file; ValidationFailedError lists every problem with its line."""
    reader = _Reader(name)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark: Any = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ValidationFailedError(f"{name} is not valid YAML", [Located(name, line, str(exc))]) from exc
    if root is None:
        raise ValidationFailedError(f"{name} is empty", [Located(name, 1, "expected 'entries:'")])
    top = reader.mapping(root, "the file")
    entries_node = top.get("entries")
    entries: list[Helpline] = []
    if not isinstance(entries_node, yaml.SequenceNode):
        reader.problem(entries_node or root, "'entries' must be a list")
    else:
        seen: set[str] = set()
        for node in entries_node.value:
            entry = reader.entry(node, seen)
            if entry is not None:
                entries.append(entry)
    if reader.problems:
        raise ValidationFailedError(f"{name} has problems", reader.problems)
    return Directory(entries=tuple(entries))


@cache
def default_directory() -> Directory:
    """The packaged helplines directory (read once)."""
    text = resources.files("hifazat.core.resources").joinpath(PACKAGED).read_text(encoding="utf-8")
    return parse_directory(text)
