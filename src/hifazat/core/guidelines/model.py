"""The Community Guidelines as plain frozen objects: areas, policies, examples, law and changelog."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines.vocabulary import LANGS, Action, Band, Lang


def parse_lang(lang: str) -> Lang:
    """Check a language code given by a caller; only `en` and `ur` are accepted."""
    for known in LANGS:
        if lang == known:
            return known
    raise InvalidInputError(f"unknown language {lang!r}", hint="use 'en' (English) or 'ur' (Urdu)")


@dataclass(frozen=True, slots=True)
class Localised:
    """One text in English and in Urdu (Arabic script)."""

    en: str
    ur: str

    def get(self, lang: str) -> str:
        """The text in `lang` (`en` or `ur`); raises InvalidInputError for any other code."""
        return self.en if parse_lang(lang) == "en" else self.ur


@dataclass(frozen=True, slots=True)
class Example:
    """One example post or comment, with its Urdu rendering and, where it was written so, Roman Urdu."""

    en: str
    ur: str
    roman_ur: str | None = None
    """The example as users write it in Roman Urdu, when that is how it typically appears."""

    def get(self, lang: str) -> str:
        """The example in `lang` (`en` or `ur`)."""
        return self.en if parse_lang(lang) == "en" else self.ur


@dataclass(frozen=True, slots=True)
class Examples:
    """What breaks a policy and what does not, as reviewers are trained with."""

    violating: tuple[Example, ...]
    allowed: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class LawRef:
    """A Pakistani law the policy relates to, with a plain-language note."""

    ref: str
    """Short citation, e.g. `PECA 2016 s.11`."""
    note: Localised


@dataclass(frozen=True, slots=True)
class Helpline:
    """A service shown to people who meet this policy (e.g. a mental-health line)."""

    name: Localised
    contact: str
    """Phone number or web address as users dial or type it."""


@dataclass(frozen=True, slots=True)
class Support:
    """What the app shows alongside enforcement: a caring message and helplines."""

    message: Localised
    helplines: tuple[Helpline, ...]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score cut-offs: `score >= high` is the high band, `score >= medium` medium, else low."""

    high: float
    medium: float

    def band(self, score: float) -> Band:
        """The band a score in [0, 1] falls into."""
        if not 0.0 <= score <= 1.0:
            raise InvalidInputError(f"score {score} outside [0, 1]", hint="scores are probabilities")
        if score >= self.high:
            return "high"
        if score >= self.medium:
            return "medium"
        return "low"


@dataclass(frozen=True, slots=True)
class Area:
    """A policy area (a chapter of the guidelines), e.g. `safety` "Safety & Civility"."""

    id: str
    title: Localised
    summary: Localised
    policy_ids: tuple[str, ...]
    """The area's policies, in the order the file lists them."""


@dataclass(frozen=True, slots=True)
class Policy:
    """One sub-policy: what it covers, how severe it is, and what the engine does at each band."""

    id: str
    """Stable id, `<area>.<name>`, e.g. `safety.threats`. Never renamed: signals and strikes store it."""
    area: str
    tier: int
    """1 (zero tolerance) to 4 (label only); see `vocabulary.TIERS`."""
    title: Localised
    summary: Localised
    outcomes: tuple[str, ...]
    actions: Mapping[str, Action]
    """Band (`high`, `medium`, `low`) to automatic action."""
    thresholds: Thresholds
    """Resolved: the policy's own values where given, else the catalogue defaults."""
    strike_weight: int
    feature_tracks: tuple[str, ...]
    exceptions: tuple[str, ...]
    examples: Examples
    law: tuple[LawRef, ...] = ()
    support: Support | None = None

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def zero_tolerance(self) -> bool:
        """True for tier 1: one violation bans the account."""
        return self.tier == 1


@dataclass(frozen=True, slots=True)
class Change:
    """One bilingual note in a changelog entry, with the policies it concerns."""

    note: Localised
    policies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangelogEntry:
    """What one release changed."""

    version: str
    published: date
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One release of the Community Guidelines."""

    version: str
    """`YYYY.N`, e.g. `2026.2`."""
    published: date
    default_thresholds: Thresholds
    areas: Mapping[str, Area]
    policies: Mapping[str, Policy]
    """Every policy by id, in area order then file order."""
    changelog: tuple[ChangelogEntry, ...]
    """Every release up to this one, oldest first."""

    def __hash__(self) -> int:
        return hash(self.version)

    def policy(self, policy_id: str) -> Policy:
        """The policy with this id; NotFoundError with a "did you mean" otherwise."""
        found = self.policies.get(policy_id)
        if found is None:
            raise NotFoundError(
                f"unknown policy {policy_id!r} in guidelines {self.version}",
                hint=suggest(policy_id, self.policies, fallback="policy ids look like 'safety.hate'"),
            )
        return found

    def area(self, area_id: str) -> Area:
        """The area with this id; NotFoundError with a "did you mean" otherwise."""
        found = self.areas.get(area_id)
        if found is None:
            raise NotFoundError(
                f"unknown policy area {area_id!r} in guidelines {self.version}",
                hint=suggest(area_id, self.areas, fallback="areas: " + ", ".join(self.areas)),
            )
        return found

    def band(self, policy_id: str, score: float) -> Band:
        """The confidence band of `score` under the policy's thresholds."""
        return self.policy(policy_id).thresholds.band(score)

    def action_for(self, policy_id: str, score: float) -> Action:
        """The automatic action the guidelines set for `score` under this policy."""
        policy = self.policy(policy_id)
        return policy.actions[policy.thresholds.band(score)]


def suggest(name: str, known: Mapping[str, object] | tuple[str, ...], *, fallback: str) -> str:
    """A "did you mean" hint for a mistyped name, or `fallback` when nothing is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else fallback
