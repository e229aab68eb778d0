"""In-app safety features as a service: `SafetyService` is the library API the app (or the HTTP API)
calls before it shows or allows anything.

    service = SafetyService(engine)
    service.check(actor_id="a", target_id="b", kind="message")   # Decision(allowed, reason_code, ...)
    service.settings(account_id="b")                              # SettingsPage
    service.update_settings(account_id="b", by="b", changes={"comment": "friends"})

Settings changes by the account are its own choices; by its paired parent, they are parental controls.
Birth-date and settings changes and pairing events are kept in the safety event log (with notices).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine

from hifazat.core.safety.age import MINIMUM_AGE, AgeBand, band_for
from hifazat.core.safety.changes import (
    SettingView,
    apply_own_changes,
    apply_parent_changes,
    describe,
    parse_changes,
    release_parent_controls,
)
from hifazat.core.safety.errors import SafetyForbiddenError, SafetyInvalidError
from hifazat.core.safety.settings import (
    NO_PARENT,
    SETTINGS,
    SafetySettings,
    SettingValue,
    effective,
)
from hifazat.services.safety_comments import CommentsMixin
from hifazat.services.safety_family import FamilyMixin
from hifazat.services.safety_relations import RelationsMixin
from hifazat.storage.safety import SafetyEvent, SafetyStore
from hifazat.storage.safety_facts import AccountFacts

__all__ = ["SafetyService", "SettingsPage", "seed_safety_demo"]


@dataclass(frozen=True, slots=True)
class SettingsPage:
    """One account's settings page: band, values in force, own choices, and who controls what."""

    account_id: str
    band: AgeBand
    in_force: SafetySettings
    own: SafetySettings
    details: tuple[SettingView, ...]
    parent_id: str | None

    @property
    def parent_controlled(self) -> list[str]:
        return [v.name for v in self.details if v.parent_controlled]

    def to_dict(self) -> dict[str, object]:
        return {
            "account_id": self.account_id,
            "age_band": self.band.value,
            "settings": self.in_force.to_dict(),
            "own": self.own.to_dict(),
            "paired_parent": self.parent_id,
            "parent_controlled": self.parent_controlled,
            "details": [v.to_dict() for v in self.details],
        }


def _plain(values: Mapping[str, SettingValue]) -> dict[str, object]:
    return {k: getattr(v, "value", v) for k, v in values.items()}


class SafetyService(FamilyMixin, CommentsMixin, RelationsMixin):
    """Every safety feature over one database; all methods take keyword arguments."""

    def _page(self, store: SafetyStore, account: AccountFacts) -> SettingsPage:
        band = self.band(account)
        own = self.own(store, account)
        controls = self.controls(store, account)
        pairing = store.pairing(account.id)
        return SettingsPage(
            account_id=account.id,
            band=band,
            in_force=effective(own, band, controls),
            own=own,
            details=tuple(describe(own, band, controls)),
            parent_id=None if pairing is None else pairing.parent_id,
        )

    def settings(self, *, account_id: str) -> SettingsPage:
        """The settings page of `account` (a teen sees here which settings a parent controls)."""
        with self.reader() as store:
            return self._page(store, self.account(store, account_id))

    def update_settings(
        self,
        *,
        account_id: str,
        by: str,
        changes: Mapping[str, object],
        release: list[str] | None = None,
    ) -> SettingsPage:
        """Change settings. `by` is the account itself (own choices) or its paired parent (parental
        controls; `release` hands settings back to the teen). Nothing changes when any value is refused."""
        parsed = parse_changes(changes)
        now = self.clock()
        with self.store() as store:
            account = self.account(store, account_id)
            self.account(store, by)
            band = self.band(account)
            pairing = store.pairing(account_id)
            if by == account_id:
                if release:
                    raise SafetyInvalidError(
                        "only a linked parent can release parental controls",
                        message_ur="والدین کے کنٹرول صرف جڑے ہوئے والدین ہی ختم کر سکتے ہیں۔",
                        reason="not_parent",
                    )
                updated = apply_own_changes(
                    self.own(store, account), parsed, band=band, parental=self.controls(store, account)
                )
                store.save_settings(account_id, updated.to_dict(), now)
                store.add_event(
                    event="settings_changed", actor_id=by, account_id=account_id,
                    data={"as": "own", "changes": _plain(parsed)}, now=now,
                )  # fmt: skip
            elif pairing is not None and pairing.parent_id == by and band is not AgeBand.ADULT:
                current = self.controls(store, account) or NO_PARENT
                controls = apply_parent_changes(current, parsed, band=band)
                controls = release_parent_controls(controls, release or [])
                store.set_controls(account_id, _plain(controls.values))
                names = [*parsed, *(release or [])]
                store.add_event(
                    event="parent_controls_changed", actor_id=by, account_id=account_id,
                    data={"as": "parent", "changes": _plain(parsed), "released": release or []}, now=now,
                    notice=(
                        "A parent or guardian changed these settings through Family Pairing: "
                        + ", ".join(SETTINGS[n].label_en for n in names if n in SETTINGS) + ".",
                        "والدین یا سرپرست نے فیملی پیئرنگ کے ذریعے یہ سیٹنگز تبدیل کیں: "
                        + "، ".join(SETTINGS[n].label_ur for n in names if n in SETTINGS) + "۔",
                    ),
                )  # fmt: skip
            else:
                raise SafetyForbiddenError(
                    f"{by!r} can't change the settings of {account_id!r}",
                    message_ur=f"«{by}» «{account_id}» کی سیٹنگز تبدیل نہیں کر سکتا۔",
                    reason="not_allowed",
                    hint="settings are changed by the account itself or its linked parent",
                )
            return self._page(store, store.account(account_id) or account)

    def set_birth_date(self, *, account_id: str, birth_date: date | None, by: str) -> SettingsPage:
        """Record a (corrected) birth date; settings are clamped to the new age at once, and an account
        that turns out to be an adult is unlinked from Family Pairing. Audited (bands only, not the date)."""
        today = self.today()
        if birth_date is not None and birth_date > today:
            raise SafetyInvalidError(
                "a birth date can't be in the future", message_ur="تاریخِ پیدائش مستقبل کی نہیں ہو سکتی۔",
                reason="bad_birth_date",
            )  # fmt: skip
        if birth_date is not None and band_for(birth_date, today) is AgeBand.UNDER_13:
            raise SafetyInvalidError(
                f"accounts are for people aged {MINIMUM_AGE} and over",
                message_ur=f"اکاؤنٹ صرف {MINIMUM_AGE} سال یا اس سے زیادہ عمر کے افراد کے لیے ہیں۔",
                reason="under_minimum_age",
            )
        with self.store() as store:
            account = self.account(store, account_id)
            self.account(store, by)
            before, after = self.band(account), band_for(birth_date, today)
            store.set_birth_date(account_id, birth_date)
            store.add_event(
                event="birth_date_changed", actor_id=by, account_id=account_id,
                data={"band_before": before.value, "band_after": after.value}, now=self.clock(),
            )  # fmt: skip
            pairing = store.pairing(account_id)
            if after is AgeBand.ADULT and pairing is not None:
                self._end_pairing(store, account_id, pairing.parent_id, by, self.clock())
            refreshed = store.account(account_id) or account
            return self._page(store, refreshed)

    def events(self, *, account_id: str, limit: int = 50) -> list[SafetyEvent]:
        """The safety events and notices of `account`, newest first."""
        with self.reader() as store:
            self.account(store, account_id)
            return store.events(account_id, limit)


# ---- demo accounts --------------------------------------------------------------------------------------

DEMO_ACCOUNTS: tuple[tuple[str, str, str, int | None], ...] = (
    ("demo-teen-14", "ayesha_14", "ur", 14),
    ("demo-teen-17", "bilal_17", "en", 17),
    ("demo-creator", "sana_creates", "ur", 27),
    ("demo-parent", "ammi_jaan", "ur", 44),
)
"""id, handle, language, age in years."""


def seed_safety_demo(engine: Engine) -> list[str]:
    """Demo accounts for the safety features (idempotent): a 14-year-old paired with a parent who set
    Restricted Mode and a 45-minute limit, a 17-year-old, an adult creator with keyword filters and a
    video with comments. Returns what a newcomer should read."""
    from hifazat.core.safety.comments import Assessment

    service = SafetyService(engine, assessor=lambda _text: Assessment())
    today = service.today()
    with service.store() as store:
        for account_id, handle, language, age in DEMO_ACCOUNTS:
            born = None if age is None else today - timedelta(days=int(age * 365.25) + 30)
            store.ensure_account(
                account_id, handle=handle, language=language, birth_date=born, now=service.clock()
            )
        paired = store.pairing("demo-teen-14") is not None
        has_comments = store.creator_of("demo-video-1") is not None
        has_keywords = bool(store.keywords("demo-creator"))
    if not paired:
        code = service.create_pairing_code(parent_id="demo-parent")
        service.confirm_pairing(teen_id="demo-teen-14", code=code.code)
        service.update_settings(
            account_id="demo-teen-14",
            by="demo-parent",
            changes={"restricted_mode": True, "daily_limit_minutes": 45},
        )
    if not has_keywords:
        for keyword in ("bakwas", "ganda"):
            service.add_keyword(owner_id="demo-creator", keyword=keyword)
    if not has_comments:
        service.follow(actor_id="demo-teen-17", target_id="demo-creator")
        service.post_comment(content_id="demo-video-1", creator_id="demo-creator", author_id="demo-teen-17",
                             text="Zabardast video, keep it up!")  # fmt: skip
        service.post_comment(content_id="demo-video-1", creator_id="demo-creator", author_id="demo-teen-17",
                             text="bakwaas video hai")  # fmt: skip
    return [
        "safety: demo accounts demo-teen-14 (14, paired with demo-parent), demo-teen-17 (17), "
        "demo-creator (adult creator, keyword filters), demo-parent (parent)",
        "safety: try POST /v1/interactions/check "
        '{"actor": "demo-creator", "target": "demo-teen-14", "kind": "message"}',
    ]
