"""Showing a reviewed text with its evidence highlighted, exactly as it was written.

The engine's evidence spans are offsets into the ORIGINAL text. The text is cut into segments at the
span edges (overlapping spans merge), never reordered or normalised; the template puts each marked
segment in a `<mark>` inside a `dir="auto"` container, so the browser's bidi algorithm lays Urdu out
right to left around the marks. Invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin),
which can disguise text, are cut out as segments of their own and shown as visible code points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Arabic letter mark, LRM/RLM, embeddings, overrides and isolates."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the original text: plain, marked as evidence, or one invisible control character."""

    text: str
    marked: bool = False
    policies: tuple[str, ...] = ()
    control: bool = False

    @property
    def code_point(self) -> str:
        """`U+202E` for a control segment."""
        return f"U+{ord(self.text[0]):04X}" if self.text else ""


def spans_of(payloads: Iterable[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, policy) of every evidence span in stored verdict payloads (malformed ones skipped)."""
    found: list[tuple[int, int, str]] = []
    for payload in payloads:
        findings = payload.get("findings")
        if not isinstance(findings, list):
            continue
        for finding in findings:
            if not isinstance(finding, Mapping):
                continue
            policy = str(finding.get("policy", ""))
            for span in finding.get("spans") or ():
                if (
                    isinstance(span, (list, tuple))
                    and len(span) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                ):
                    found.append((span[0], span[1], policy))
    return found


def _merge(text_length: int, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    clean = sorted(
        (max(0, s), min(text_length, e), p) for s, e, p in spans if min(text_length, e) > max(0, s)
    )
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, policy in clean:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] + ([policy] if policy not in last[2] else []))
        else:
            merged.append((start, end, [policy]))
    return [(s, e, tuple(p for p in ps if p)) for s, e, ps in merged]


def _split_controls(text: str, marked: bool, policies: tuple[str, ...]) -> list[Segment]:
    out: list[Segment] = []
    run = ""
    for char in text:
        if char in BIDI_CONTROLS:
            if run:
                out.append(Segment(run, marked, policies))
                run = ""
            out.append(Segment(char, marked, policies, control=True))
        else:
            run += char
    if run:
        out.append(Segment(run, marked, policies))
    return out


def segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """`text` cut at the evidence spans; joining the segments' text gives `text` back unchanged."""
    out: list[Segment] = []
    cursor = 0
    for start, end, policies in _merge(len(text), spans):
        if start > cursor:
            out += _split_controls(text[cursor:start], False, ())
        out += _split_controls(text[start:end], True, policies)
        cursor = end
    if cursor < len(text):
        out += _split_controls(text[cursor:], False, ())
    return out


def has_controls(text: str) -> bool:
    """True when the text holds invisible direction controls (worth pointing out to a reviewer)."""
    return any(char in BIDI_CONTROLS for char in text)


def reveal(text: str) -> Markup:
    """`text` escaped for HTML, with each invisible direction control shown as its code point."""
    parts = []
    for segment in _split_controls(text, False, ()):
        if segment.control:
            code = segment.code_point
            parts.append(Markup('<span class="bidi-control" title="{0}">{0}</span>').format(code))
        else:
            parts.append(escape(segment.text))
    return Markup("").join(parts)
