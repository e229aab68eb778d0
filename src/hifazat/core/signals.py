"""The contracts every detector and the decision step share: items, spans and signals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["en", "ur", "roman-ur", "mixed", "unknown"]
"""Language of a text: English, Urdu in Arabic script, Roman Urdu, a mixture, or unknown."""

Surface = Literal["video", "caption", "comment", "message", "profile", "live", "other"]
"""Where the text appears; some policies weigh differently by surface."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the engine knows about who posted and where. All optional."""

    surface: Surface = "comment"
    account_age_days: int | None = None
    follower_count: int | None = None
    prior_strikes: int = 0
    author_age: int | None = None
    """Age in years of the author, when known (minor-safety rules use it)."""
    extra: Mapping[str, object] = field(default_factory=dict)
    """Operator-defined facts, visible to rules as `context.extra`."""


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range `[start, end)` in the ORIGINAL text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Signal:
    """One detector's finding about one policy."""

    policy: str
    """Guideline policy id, e.g. `safety.threats`."""
    score: float
    """In [0, 1]; calibrated where it comes from a model."""
    detector: str
    """Stable registered detector name; never renamed."""
    version: str
    spans: tuple[Span, ...] = ()
    """Evidence in the original text."""
    note: str = ""
    """Short machine-readable reason (e.g. the lexicon term or pattern id)."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"signal score {self.score} outside [0, 1]")
