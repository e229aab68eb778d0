"""Demo data for `make run`, so a newcomer can walk the whole loop.

One account per role with a well-known API key (refused in production), a few posts in English, Urdu and
Roman Urdu that went through the real engine, and reports waiting in the queue. Running it again changes
nothing and prints the same credentials.
"""

from __future__ import annotations

from sqlalchemy import Engine

from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.core.signals import Context
from hifazat.services.accounts import create_account
from hifazat.services.ambassador_demo import seed_ambassador_demo
from hifazat.services.content import submit_content
from hifazat.services.reports import file_report
from hifazat.services.safety import seed_safety_demo
from hifazat.services.sign_in import SIGN_IN_ROLES, set_password
from hifazat.settings import Settings
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import PasswordStore, WebSessionStore

DEMO_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    # handle, role, language, what they are for
    ("ayesha", "user", "ur", "posts content; gets notices in Urdu; appeals"),
    ("bilal", "user", "en", "reports content; hears the outcome"),
    ("sana_ambassador", "ambassador", "ur", "a trusted flagger"),
    ("moderator", "moderator", "en", "claims and decides tasks"),
    ("senior", "senior_moderator", "en", "legal requests, escalations, appeals"),
    ("admin", "admin", "en", "accounts, audit log, webhooks"),
    ("platform", "service", "en", "the app backend: posts content, counts views"),
)
DEMO_CONTENT: tuple[tuple[str, str, str, str], ...] = (
    # id, author, kind, text (our own examples)
    ("demo-comment-1", "ayesha", "comment", "tum itni bewakoof ho, sab tum par hanstay hain, chup raho"),
    (
        "demo-caption-2",
        "ayesha",
        "caption",
        "BISP se 25000 rupay mil gaye! apna OTP code is number par bhejo",
    ),
    ("demo-comment-3", "bilal", "comment", "Great recipe, thanks for sharing!"),
    ("demo-comment-4", "ayesha", "comment", "آج کی ویڈیو بہت اچھی لگی، شکریہ"),
)
DEMO_REPORTS: tuple[tuple[str, str, str], ...] = (
    # reporter, content, policy
    ("bilal", "demo-comment-1", "safety.harassment"),
    ("sana_ambassador", "demo-comment-1", "safety.harassment"),
    ("bilal", "demo-caption-2", "regulated.scams"),
)
SURFACE = {"comment": "comment", "caption": "caption"}
DEMO_PASSWORD = "hifazat-demo-password"
"""The well-known web sign-in password of every demo account (the web refuses it in production)."""


def demo_key(handle: str) -> str:
    """The well-known demo key of a demo account."""
    return f"hz_demo_{handle}"


def seed_demo(
    engine: Engine, *, moderator: Moderator | None = None, base_url: str = "http://127.0.0.1:8000"
) -> list[str]:
    """Load demo accounts, content and reports (idempotent) and return what a person should read.

    The posts go through `moderator` (the default engine when omitted)."""
    if Settings().environment == "production":
        raise InvalidInputError("demo accounts have well-known keys and are refused in production")
    catalogue = default_catalogue()
    db = Database(engine)
    moderator = moderator or Moderator.default()
    with db.write() as stores:
        for handle, role, language, _ in DEMO_ACCOUNTS:
            if stores.accounts.find(handle) is None:
                create_account(
                    accounts=stores.accounts,
                    api_keys=stores.api_keys,
                    audit=stores.audit,
                    actor_id="demo",
                    handle=handle,
                    role=role,
                    language=language,
                    account_id=handle,
                    key=demo_key(handle),
                    follower_count=1200 if role == "user" else 0,
                )
            passwords = PasswordStore(stores.session)
            if role in SIGN_IN_ROLES and passwords.get(handle) is None:
                set_password(
                    accounts=stores.accounts,
                    passwords=passwords,
                    sessions=WebSessionStore(stores.session),
                    handle=handle,
                    password=DEMO_PASSWORD,
                    audit=stores.audit,
                )
        for content_id, author, kind, text in DEMO_CONTENT:
            if stores.content.find(content_id) is None:
                verdict = moderator.check(text, Context(surface=SURFACE[kind]))  # type: ignore[arg-type]
                submit_content(
                    stores=stores,
                    catalogue=catalogue,
                    author=stores.accounts.get(author),
                    kind=kind,
                    text=text,
                    verdict=verdict,
                    content_id=content_id,
                )
        for reporter, content_id, policy in DEMO_REPORTS:
            item = stores.content.get(content_id)
            if item.status == "visible" and not any(
                r.reporter_id == reporter for r in stores.reports.for_content(content_id)
            ):
                file_report(
                    stores=stores,
                    catalogue=catalogue,
                    reporter=stores.accounts.get(reporter),
                    content_id=content_id,
                    policy_id=policy,
                )
        programme = seed_ambassador_demo(stores)
    return (
        _walkthrough(catalogue.version, len(catalogue.policies), base_url)
        + seed_safety_demo(engine)
        + programme
    )


def _walkthrough(version: str, policies: int, base_url: str) -> list[str]:
    lines = [
        f"guidelines: version {version}, {policies} policies loaded",
        "",
        "demo accounts (development only):",
    ]
    for handle, role, language, what in DEMO_ACCOUNTS:
        lines.append(
            f"  {role:<17} {handle:<16} Authorization: Bearer {demo_key(handle):<26} ({language}) {what}"
        )
    lines.append(
        f"  web sign-in (/console/sign-in): any handle above except platform, password {DEMO_PASSWORD}"
    )
    auth = "-H 'Authorization: Bearer"
    post = f"-X POST -H 'Content-Type: application/json' {auth}"
    url = base_url
    lines += [
        "",
        "walk the loop (in another terminal, while `make run` serves):",
        f"  1. claim a task:   curl -s {post} {demo_key('moderator')}' {url}/v1/queue/claim -d '{{}}'",
        f"  2. decide it:      curl -s {post} {demo_key('moderator')}' {url}/v1/queue/<task id>/decide \\",
        '                      -d \'{"policy": "safety.harassment", "outcome": "remove"}\'',
        f"  3. strikes:        curl -s {auth} {demo_key('ayesha')}' {url}/v1/accounts/ayesha/standing",
        f"  4. notices (Urdu): curl -s {auth} {demo_key('ayesha')}' {url}/v1/accounts/ayesha/notifications",
        f"     reporter hears: curl -s {auth} {demo_key('bilal')}' {url}/v1/accounts/bilal/notifications",
        f"  5. appeal:         curl -s {post} {demo_key('ayesha')}' {url}/v1/appeals \\",
        '                      -d \'{"decision_id": <decision id>, "reason": "یہ مذاق تھا"}\'',
        f"  6. overturn:       curl -s {post} {demo_key('senior')}' {url}/v1/appeals/<appeal id>/resolve \\",
        '                      -d \'{"outcome": "overturned", "rationale": "a joke between friends"}\'',
        f"  7. transparency:   curl -s '{url}/v1/transparency?format=csv'",
        "     audit chain:    hifazat audit verify",
        f"  API docs: {url}/docs",
    ]
    return lines
