"""Who may do what: each permission lists the roles that hold it. Ownership (my content, my report, my
account) is checked by the service that owns the object, on top of these."""

from __future__ import annotations

from typing import Literal

from hifazat.core.enforcement.vocabulary import ROLES, Role
from hifazat.core.errors import PermissionDeniedError

Permission = Literal[
    "content.submit",
    "content.read_any",
    "content.views",
    "report.file",
    "report.proactive",
    "report.read_any",
    "legal.file",
    "queue.read",
    "queue.work",
    "queue.senior",
    "appeal.file",
    "appeal.read_any",
    "appeal.resolve",
    "account.create",
    "account.read_any",
    "audit.read",
    "webhook.manage",
    "ambassador.review",
    "ambassador.manage",
    "ambassador.reach",
]

PEOPLE: tuple[Role, ...] = ("user", "ambassador", "moderator", "senior_moderator", "admin")
REVIEWERS: tuple[Role, ...] = ("moderator", "senior_moderator")
STAFF: tuple[Role, ...] = ("moderator", "senior_moderator", "admin")

GRANTS: dict[Permission, tuple[Role, ...]] = {
    "content.submit": (*PEOPLE, "service"),
    "content.read_any": (*STAFF, "service"),
    "content.views": ("admin", "service"),
    "report.file": (*PEOPLE, "service"),
    "report.proactive": ("admin", "service"),
    "report.read_any": STAFF,
    "legal.file": ("admin", "service"),
    "queue.read": STAFF,
    "queue.work": REVIEWERS,
    "queue.senior": ("senior_moderator",),
    "appeal.file": PEOPLE,
    "appeal.read_any": STAFF,
    "appeal.resolve": REVIEWERS,
    "account.create": ("admin",),
    "account.read_any": (*STAFF, "service"),
    "audit.read": ("admin",),
    "webhook.manage": ("admin",),
    "ambassador.review": ("senior_moderator", "admin"),
    "ambassador.manage": ("admin",),
    "ambassador.reach": ("ambassador", "admin"),
}
"""Permission → roles that hold it. Admins run the platform but do not review: reviewing is kept apart."""


def allowed(role: str, permission: Permission) -> bool:
    """True when `role` holds `permission`."""
    return role in GRANTS[permission]


def require(role: str, permission: Permission) -> None:
    """Raise `PermissionDeniedError` unless `role` holds `permission`."""
    if not allowed(role, permission):
        holders = ", ".join(GRANTS[permission])
        raise PermissionDeniedError(
            f"a {role} may not do this ({permission})", hint=f"allowed for: {holders}"
        )


def check_roles() -> None:
    """Fail loudly if a grant names a role that does not exist (run by the tests)."""
    for permission, roles in GRANTS.items():
        for role in roles:
            if role not in ROLES:
                raise ValueError(f"{permission}: unknown role {role}")
