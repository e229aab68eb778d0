"""Family Pairing (one-time codes, links, unlinking with notices) and screen time with a passcode.

A parent links to a teen: the parent creates a one-time code, the teen confirms it. The parent then
sets some of the teen's settings (`PARENT_CONTROLLED`) through `update_settings(by=parent)`; a parent
never reads the teen's messages or comments (no method here returns them).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hifazat.core.safety.age import AgeBand
from hifazat.core.safety.errors import (
    SafetyConflictError,
    SafetyExpiredError,
    SafetyForbiddenError,
    SafetyInvalidError,
    SafetyNotFoundError,
)
from hifazat.core.safety.screen_time import EXTENSION_MINUTES, ScreenTimeStatus
from hifazat.core.safety.settings import effective
from hifazat.services.safety_base import SafetyBase
from hifazat.storage.safety import SafetyStore
from hifazat.storage.safety_facts import AccountFacts

CODE_LIFETIME = timedelta(minutes=15)
"""How long a pairing code can be confirmed."""
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I, so a code read aloud is typed right."""
PASSCODE_ITERATIONS = 60_000


def code_hash(code: str) -> str:
    """The stored form of a pairing code (case, spaces and hyphens do not matter)."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(cleaned.encode()).hexdigest()


def hash_passcode(passcode: str) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", passcode.encode(), bytes.fromhex(salt), PASSCODE_ITERATIONS).hex()
    return f"pbkdf2${PASSCODE_ITERATIONS}${salt}${digest}"


def passcode_matches(passcode: str, stored: str) -> bool:
    _scheme, iterations, salt, digest = stored.split("$")
    given = hashlib.pbkdf2_hmac("sha256", passcode.encode(), bytes.fromhex(salt), int(iterations)).hex()
    return hmac.compare_digest(given, digest)


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """A new pairing code: show it to the teen (as text or a QR code); it works once, until `expires_at`."""

    code: str
    parent_id: str
    expires_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "parent_id": self.parent_id, "expires_at": self.expires_at.isoformat()}


def _not_a_teen(account: AccountFacts, band: AgeBand) -> SafetyInvalidError | None:
    if band is AgeBand.ADULT:
        return SafetyInvalidError(
            f"{account.id!r} is an adult; Family Pairing links a parent to a teen (13–17)",
            message_ur=(
                f"«{account.id}» بالغ ہے؛ فیملی پیئرنگ والدین کو صرف نوعمر (13 سے 17 سال) اکاؤنٹ سے جوڑتی ہے۔"
            ),
            reason="not_a_teen",
        )
    if band is AgeBand.UNKNOWN:
        return SafetyInvalidError(
            f"{account.id!r} has no birth date on record; add it before pairing",
            message_ur=f"«{account.id}» کی تاریخِ پیدائش درج نہیں؛ جوڑنے سے پہلے اسے درج کریں۔",
            reason="age_unknown",
        )
    return None


class FamilyMixin(SafetyBase):
    """Family Pairing and screen time."""

    def create_pairing_code(self, *, parent_id: str) -> IssuedCode:
        """A one-time code for `parent` (an adult) that a teen confirms within `CODE_LIFETIME`."""
        now = self.clock()
        with self.store() as store:
            parent = self.account(store, parent_id)
            if self.band(parent) is not AgeBand.ADULT:
                raise SafetyInvalidError(
                    "only an adult can be the parent or guardian in Family Pairing",
                    message_ur="فیملی پیئرنگ میں والدین یا سرپرست صرف کوئی بالغ فرد ہو سکتا ہے۔",
                    reason="parent_not_adult",
                )
            raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
            store.add_code(code_hash(raw), parent_id, now, now + CODE_LIFETIME)
        return IssuedCode(f"{raw[:4]}-{raw[4:]}", parent_id, now + CODE_LIFETIME)

    def confirm_pairing(self, *, teen_id: str, code: str) -> dict[str, object]:
        """The teen confirms a parent's code: the two accounts are linked and both are told."""
        now = self.clock()
        with self.store() as store:
            teen = self.account(store, teen_id)
            hashed = code_hash(code)
            issued = store.code(hashed)
            if issued is None:
                raise SafetyNotFoundError(
                    "this pairing code does not exist",
                    message_ur="یہ پیئرنگ کوڈ موجود نہیں۔",
                    reason="unknown_code",
                    hint="check the code on the parent's screen",
                )
            if issued.used_at is not None:
                raise SafetyConflictError(
                    "this pairing code was already used",
                    message_ur="یہ پیئرنگ کوڈ پہلے ہی استعمال ہو چکا ہے۔",
                    reason="code_used",
                    hint="ask the parent for a new code",
                )
            if issued.expires_at <= now:
                raise SafetyExpiredError(
                    "this pairing code has expired",
                    message_ur="اس پیئرنگ کوڈ کی مدت ختم ہو چکی ہے۔",
                    reason="code_expired",
                    hint="ask the parent for a new code",
                )
            if issued.parent_id == teen_id:
                raise SafetyInvalidError(
                    "an account can't pair with itself",
                    message_ur="کوئی اکاؤنٹ اپنے آپ سے نہیں جوڑا جا سکتا۔",
                    reason="same_account",
                )
            refused = _not_a_teen(teen, self.band(teen))
            if refused is not None:
                raise refused
            existing = store.pairing(teen_id)
            if existing is not None:
                raise SafetyConflictError(
                    f"{teen_id!r} is already linked to a parent",
                    message_ur=f"«{teen_id}» پہلے ہی کسی والدین سے جڑا ہوا ہے۔",
                    reason="already_paired",
                    hint="unlink first",
                )
            if not store.use_code(hashed, now):
                raise SafetyConflictError(
                    "this pairing code was already used",
                    message_ur="یہ پیئرنگ کوڈ پہلے ہی استعمال ہو چکا ہے۔",
                    reason="code_used",
                )
            store.add_pairing(teen_id, issued.parent_id, now)
            for account_id, other in ((teen_id, issued.parent_id), (issued.parent_id, teen_id)):
                store.add_event(
                    event="pairing_linked",
                    actor_id=teen_id,
                    account_id=account_id,
                    data={"with": other},
                    now=now,
                    notice=(
                        f"Family Pairing is on between {teen_id} (teen) and {issued.parent_id} (parent).",
                        f"{teen_id} (نوعمر) اور {issued.parent_id} (والدین) کے درمیان "
                        "فیملی پیئرنگ شروع ہو گئی ہے۔",
                    ),
                )
        return {"teen_id": teen_id, "parent_id": issued.parent_id, "linked_at": now.isoformat()}

    def unlink(self, *, by: str, teen_id: str) -> None:
        """End a pairing (the teen or the parent may); both are notified."""
        now = self.clock()
        with self.store() as store:
            self.account(store, by)
            pairing = store.pairing(teen_id)
            if pairing is None:
                raise SafetyNotFoundError(
                    f"{teen_id!r} is not linked to a parent",
                    message_ur=f"«{teen_id}» کسی والدین سے جڑا ہوا نہیں۔",
                    reason="not_paired",
                )
            if by not in (teen_id, pairing.parent_id):
                raise SafetyForbiddenError(
                    "only the teen or the linked parent can unlink",
                    message_ur="یہ تعلق صرف نوعمر یا اس سے جڑے والدین ختم کر سکتے ہیں۔",
                    reason="not_in_pairing",
                )
            self._end_pairing(store, teen_id, pairing.parent_id, by, now)

    def _end_pairing(self, store: SafetyStore, teen_id: str, parent_id: str, by: str, now: datetime) -> None:
        store.remove_pairing(teen_id)
        for account_id, other in ((teen_id, parent_id), (parent_id, teen_id)):
            store.add_event(
                event="pairing_unlinked",
                actor_id=by,
                account_id=account_id,
                data={"with": other},
                now=now,
                notice=(
                    f"Family Pairing between {teen_id} and {parent_id} was turned off by {by}.",
                    f"{teen_id} اور {parent_id} کے درمیان فیملی پیئرنگ {by} نے ختم کر دی ہے۔",
                ),
            )

    def pairing_status(self, *, account_id: str) -> dict[str, object]:
        """Who `account` is linked to, as a teen and as a parent, and which settings the parent controls."""
        with self.reader() as store:
            self.account(store, account_id)
            mine = store.pairing(account_id)
            teens = store.teens_of(account_id)
        return {
            "account_id": account_id,
            "parent": None
            if mine is None
            else {"parent_id": mine.parent_id, "controlled_settings": sorted(mine.controls)},
            "teens": [{"teen_id": p.teen_id, "controlled_settings": sorted(p.controls)} for p in teens],
        }

    # -- screen time --

    def _status(self, store: SafetyStore, account: AccountFacts, day: date) -> ScreenTimeStatus:
        band = self.band(account)
        limit = effective(self.own(store, account), band, self.controls(store, account)).daily_limit_minutes
        used, extended = store.screen_time(account.id, day)
        return ScreenTimeStatus(day, used, limit, extended)

    def screen_time(self, *, account_id: str, day: date | None = None) -> ScreenTimeStatus:
        """Today's (or `day`'s) screen time against the limit in force, with the daily summary."""
        with self.reader() as store:
            return self._status(store, self.account(store, account_id), day or self.today())

    def record_usage(self, *, account_id: str, minutes: int, day: date | None = None) -> ScreenTimeStatus:
        """Add minutes the app measured; returns the status (check `needs_passcode`)."""
        if not 0 < minutes <= 24 * 60:
            raise SafetyInvalidError(
                "minutes must be between 1 and 1440",
                message_ur="منٹ 1 سے 1440 کے درمیان ہونے چاہییں۔",
                reason="bad_minutes",
            )
        with self.store() as store:
            account = self.account(store, account_id)
            store.add_screen_time(account_id, day or self.today(), used=minutes)
            return self._status(store, account, day or self.today())

    def set_passcode(self, *, account_id: str, passcode: str, by: str) -> None:
        """Set the screen-time passcode: the paired parent's job when there is one, else the account's."""
        if not (passcode.isascii() and passcode.isdigit() and 4 <= len(passcode) <= 8):
            raise SafetyInvalidError(
                "a passcode is 4 to 8 digits",
                message_ur="پاس کوڈ 4 سے 8 ہندسوں کا ہوتا ہے۔",
                reason="bad_passcode",
            )
        with self.store() as store:
            account = self.account(store, account_id)
            pairing = store.pairing(account_id)
            allowed = pairing.parent_id if pairing is not None else account_id
            if by != allowed:
                raise SafetyForbiddenError(
                    "only the linked parent (or, without one, the account itself) can set this passcode",
                    message_ur="یہ پاس کوڈ صرف جڑے ہوئے والدین (یا ان کے بغیر خود اکاؤنٹ) مقرر کر سکتے ہیں۔",
                    reason="parent_control" if pairing is not None else "not_allowed",
                )
            values = self.own(store, account).to_dict()
            store.set_passcode_hash(account_id, hash_passcode(passcode), self.clock(), values)
            store.add_event(
                event="passcode_set", actor_id=by, account_id=account_id, data={}, now=self.clock()
            )

    def extend_screen_time(self, *, account_id: str, passcode: str) -> ScreenTimeStatus:
        """Keep watching past the limit: the passcode adds `EXTENSION_MINUTES` for today."""
        with self.store() as store:
            account = self.account(store, account_id)
            stored = store.passcode_hash(account_id)
            if stored is None:
                raise SafetyConflictError(
                    "no screen-time passcode is set",
                    message_ur="اسکرین ٹائم کا کوئی پاس کوڈ مقرر نہیں۔",
                    reason="no_passcode",
                    hint="set one first",
                )
            if not passcode_matches(passcode, stored):
                raise SafetyForbiddenError(
                    "the passcode is not right", message_ur="پاس کوڈ درست نہیں۔", reason="wrong_passcode"
                )
            store.add_screen_time(account_id, self.today(), extended=EXTENSION_MINUTES)
            return self._status(store, account, self.today())
