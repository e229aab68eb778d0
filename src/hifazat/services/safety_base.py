"""What every part of the safety service shares: the database, the clock, penalties, the engine, and
reading an account's band, own settings and parental controls."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import InvalidInputError
from hifazat.core.safety.age import AgeBand, band_for
from hifazat.core.safety.comments import Assessment
from hifazat.core.safety.decision import (
    ContentRating,
    Decision,
    Party,
    Relationship,
    decide_interaction,
    parse_kind,
)
from hifazat.core.safety.errors import SafetyForbiddenError, unknown_account
from hifazat.core.safety.penalties import NO_PENALTIES, ActivePenalties, NoPenaltySource, PenaltySource
from hifazat.core.safety.settings import (
    DEFAULTS,
    PARENT_CONTROLLED,
    ParentalControls,
    SafetySettings,
    parse_value,
)
from hifazat.services.safety_penalties import StrikeLedgerPenalties
from hifazat.storage.database import READ_ONLY, read_session_factory, session_factory, transaction
from hifazat.storage.safety import SafetyStore
from hifazat.storage.safety_facts import AccountFacts, InteractionFacts, read_interaction_facts

Assessor = Callable[[str], Assessment]
"""Turns a text into the engine's narrow assessment (action + policies)."""
Checker = Callable[[str], Verdict]
"""Runs the moderation engine on a comment; its verdict is stored with the comment's content item."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def assessment_of(verdict: Verdict) -> Assessment:
    """The narrow view of a verdict the comment controls need."""
    return Assessment(verdict.action, frozenset(verdict.policies))


def default_assessor() -> Assessor:
    """The built-in moderation engine as an assessor (loaded on first use)."""
    from hifazat.core.moderator import Moderator

    moderator = Moderator.default()
    return lambda text: assessment_of(moderator.check(text))


def own_settings(values: Mapping[str, Any] | None, band: AgeBand) -> SafetySettings:
    """An account's own choices from stored values (absent: its band's defaults)."""
    if not values:
        return DEFAULTS[band]
    return SafetySettings(**{name: parse_value(name, raw) for name, raw in values.items()})  # type: ignore[arg-type]


def parental_controls(
    values: Mapping[str, Any] | None, band: AgeBand, parent_id: str = ""
) -> ParentalControls | None:
    """Stored parent controls; None when unpaired or once the account is an adult."""
    if values is None or band is AgeBand.ADULT:
        return None
    return ParentalControls(
        {name: parse_value(name, raw) for name, raw in values.items() if name in PARENT_CONTROLLED}, parent_id
    )


def default_checker() -> Checker:
    """The built-in moderation engine on the comment surface (loaded on first use)."""
    from hifazat.core.moderator import Moderator
    from hifazat.core.signals import Context

    moderator, context = Moderator.default(), Context(surface="comment")
    return lambda text: moderator.check(text, context)


class SafetyBase:
    """Shared wiring; see `hifazat.services.safety.SafetyService` for the public methods."""

    def __init__(
        self,
        engine: Engine,
        *,
        sessions: sessionmaker[Session] | None = None,
        penalties: PenaltySource | None = None,
        assessor: Assessor | None = None,
        clock: Callable[[], datetime] = utcnow,
        checker: Checker | None = None,
    ) -> None:
        self.engine = engine
        self.sessions = sessions or session_factory(engine)
        self.read_sessions = read_session_factory(engine)
        if penalties is None:
            has_ledger = inspect(engine).has_table("strikes")
            penalties = StrikeLedgerPenalties(self.read_sessions) if has_ledger else NoPenaltySource()
        self.penalties = penalties
        self._ledger = isinstance(penalties, StrikeLedgerPenalties)
        self.read_engine = engine.execution_options(**{READ_ONLY: True})
        self._assessor = assessor
        self.clock = clock
        self._checker = checker
        self._stand_in = assessor is not None and checker is None

    @property
    def assessor(self) -> Assessor:
        if self._assessor is None:
            found = self.checker
            self._assessor = default_assessor() if found is None else (lambda t: assessment_of(found(t)))
        return self._assessor

    @property
    def checker(self) -> Checker | None:
        """The engine whose verdicts comments are screened on and stored with (their content items).
        None when the service was given only a stand-in `assessor`: its comments are not linked to the
        enforcement workflow until someone reports them (see `hifazat.services.comment_enforcement`)."""
        if self._checker is None and not self._stand_in:
            self._checker = default_checker()
        return self._checker

    def today(self) -> date:
        return self.clock().date()

    @contextmanager
    def store(self) -> Iterator[SafetyStore]:
        """A store in one transaction (committed on success, rolled back on any error)."""
        with transaction(self.sessions) as session:
            yield SafetyStore(session)

    @contextmanager
    def reader(self) -> Iterator[SafetyStore]:
        """A store for reading only."""
        with self.read_sessions() as session:
            yield SafetyStore(session)

    def account(self, store: SafetyStore, account_id: str) -> AccountFacts:
        found = store.account(account_id)
        if found is None:
            raise unknown_account(account_id)
        return found

    def band(self, account: AccountFacts) -> AgeBand:
        return band_for(account.birth_date, self.today())

    def own(self, store: SafetyStore, account: AccountFacts) -> SafetySettings:
        return own_settings(store.settings(account.id), self.band(account))

    def controls(self, store: SafetyStore, account: AccountFacts) -> ParentalControls | None:
        pairing = store.pairing(account.id)
        if pairing is None:
            return None
        return parental_controls(pairing.controls, self.band(account), pairing.parent_id)

    @staticmethod
    def not_allowed(what_en: str, what_ur: str, reason: str = "not_allowed") -> SafetyForbiddenError:
        """A refusal for acting on someone else's account."""
        return SafetyForbiddenError(what_en, message_ur=what_ur, reason=reason)

    def _penalties_of(self, facts: InteractionFacts) -> ActivePenalties:
        if self._ledger and facts.actor_has_strikes is False:
            return NO_PENALTIES  # the strike ledger has nothing on this actor: skip reading it
        return self.penalties.active_penalties(facts.actor.id, now=self.clock())

    # -- the interaction check --

    def check(
        self, *, actor_id: str, target_id: str, kind: str, content_rating: str | None = None
    ) -> Decision:
        """May `actor` do `kind` (comment, message, duet, stitch, mention, follow, view, live, gift) to
        `target`? With actor == target, `live` means hosting a LIVE. `content_rating` (general, mature,
        adult_only) is the level of the one video a `view` is about."""
        parsed_kind, rating = parse_kind(kind), _rating(content_rating)
        with self.read_engine.connect() as connection:
            facts = read_interaction_facts(connection, actor_id, target_id, strikes=self._ledger)
            if facts is None:
                found = SafetyStore.accounts_on(connection, [actor_id, target_id])
                raise unknown_account(actor_id if actor_id not in found else target_id)
        return self.decide(facts, parsed_kind.value, rating)

    def check_many(self, checks: list[Mapping[str, Any]]) -> list[Decision]:
        """Several checks in one read transaction (each: actor, target, kind[, content_rating])."""
        parsed = [
            (c["actor"], c["target"], parse_kind(c["kind"]), _rating(c.get("content_rating"))) for c in checks
        ]
        with self.reader() as store:
            facts = [self.facts(store, actor, target) for actor, target, _kind, _rating_ in parsed]
        return [
            self.decide(f, kind.value, rating)
            for f, (_a, _t, kind, rating) in zip(facts, parsed, strict=True)
        ]

    def facts(self, store: SafetyStore, actor_id: str, target_id: str) -> InteractionFacts:
        """What a decision about `actor` and `target` reads; unknown accounts are refused."""
        facts = store.interaction_facts(actor_id, target_id, strikes=self._ledger)
        if facts is None:
            found = store.accounts([actor_id, target_id])
            raise unknown_account(actor_id if actor_id not in found else target_id)
        return facts

    def decide(self, facts: InteractionFacts, kind: str, rating: ContentRating | None = None) -> Decision:
        """The decision for facts already read (penalties are read now; the pure core does the rest).
        Call it outside any open transaction: the penalty source reads with its own session."""
        today = self.today()
        actor_band = band_for(facts.actor.birth_date, today)
        target_band = band_for(facts.target.birth_date, today)
        actor_parent = parental_controls(facts.actor_controls, actor_band)
        by_parent = actor_parent is not None and actor_parent.values.get("restricted_mode") is True
        restricted_mode = by_parent or own_settings(facts.actor_settings, actor_band).restricted_mode
        actor = Party(facts.actor.id, actor_band, restricted_mode, by_parent)
        target = Party(facts.target.id, target_band)
        relationship = Relationship(facts.follows, facts.followed_by, facts.blocked, facts.restricted)
        return decide_interaction(
            actor,
            target,
            kind,
            relationship,
            own_settings(facts.target_settings, target_band),
            self._penalties_of(facts),
            parental_controls(facts.target_controls, target_band),
            content=rating,
        )


def _rating(raw: str | None) -> ContentRating | None:
    if raw is None:
        return None
    try:
        return ContentRating(raw)
    except ValueError:
        raise InvalidInputError(
            f"unknown content_rating {raw!r}", hint=f"use one of: {', '.join(r.value for r in ContentRating)}"
        ) from None
