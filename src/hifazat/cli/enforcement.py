"""`hifazat audit …`, `hifazat transparency`, `hifazat accounts create|set-password` and `hifazat webhooks deliver`."""

from __future__ import annotations

import json
import sys
import time
from datetime import date

import typer
from rich.console import Console

from hifazat.cli.errors import domain_errors
from hifazat.cli.server import load_settings
from hifazat.core.errors import InvalidInputError
from hifazat.services.accounts import create_account
from hifazat.services.audit import audit_entries, verify_chain
from hifazat.services.review import expire_leases
from hifazat.services.sign_in import check_password_rules, set_password
from hifazat.services.transparency import as_csv, as_json, transparency_report
from hifazat.services.webhooks import deliver_due
from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import PasswordStore, WebSessionStore

console = Console()
audit_app = typer.Typer(help="The append-only audit log.", no_args_is_help=True)
accounts_app = typer.Typer(help="Accounts and API keys.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Signed webhook deliveries.", no_args_is_help=True)
queue_app = typer.Typer(help="The review queue.", no_args_is_help=True)


def open_database() -> Database:
    """The configured database, migrated."""
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    return Database(engine)


@audit_app.command("verify")
def audit_verify() -> None:
    """Recompute the hash chain; exit 1 and list the problems when any entry was edited or deleted."""
    db = open_database()
    with db.read() as stores:
        report = verify_chain(audit=stores.audit)
    if report.ok:
        console.print(f"[green]audit log intact[/]: {report.checked} entries, chain verified")
        return
    for problem in report.problems:
        typer.echo(f"problem: {problem}", err=True)
    typer.echo(f"audit log FAILED verification ({len(report.problems)} problem(s))", err=True)
    raise typer.Exit(1)


@audit_app.command("show")
def audit_show(
    after: int = typer.Option(0, help="Entries after this sequence number."),
    limit: int = typer.Option(50, help="How many entries (1–1000)."),
    subject: str | None = typer.Option(None, help="Only about this, e.g. decision:3."),
) -> None:
    """Print entries as JSON lines."""
    db = open_database()
    with domain_errors(), db.read() as stores:
        for entry in audit_entries(audit=stores.audit, after=after, limit=limit, subject=subject):
            record = {
                "seq": entry.seq,
                "at": entry.at.isoformat(),
                "event": entry.event,
                "actor": entry.actor,
                "subject": entry.subject,
                "data": entry.data,
                "hash": entry.hash,
            }
            typer.echo(json.dumps(record, ensure_ascii=False))


def transparency(
    quarter: str | None = typer.Option(None, help="e.g. 2026Q4 (default: the current quarter)."),
    format: str = typer.Option("csv", "--format", help="csv or json."),
) -> None:
    """The quarterly enforcement report per policy and language."""
    with domain_errors():
        if format not in ("csv", "json"):
            raise InvalidInputError(f"unknown format {format!r}", hint="use csv or json")
        db = open_database()
        with db.read() as stores:
            rows = transparency_report(transparency=stores.transparency, quarter=quarter)
    if format == "json":
        typer.echo(json.dumps(as_json(rows), ensure_ascii=False, indent=2))
    else:
        typer.echo(as_csv(rows), nl=False)


@accounts_app.command("create")
def accounts_create(
    handle: str = typer.Argument(..., help="3–32 lower-case letters, digits, '_' or '.'"),
    role: str = typer.Option("user", help="user, ambassador, moderator, senior_moderator, admin or service."),
    language: str = typer.Option("en", help="en or ur."),
    birth_date: str | None = typer.Option(None, help="YYYY-MM-DD"),
) -> None:
    """Create an account and print its API key (shown once)."""
    with domain_errors():
        born = None
        if birth_date:
            try:
                born = date.fromisoformat(birth_date)
            except ValueError:
                raise InvalidInputError(f"birth date {birth_date!r} is not YYYY-MM-DD") from None
        db = open_database()
        with db.write() as stores:
            made = create_account(
                accounts=stores.accounts,
                api_keys=stores.api_keys,
                audit=stores.audit,
                actor_id="cli",
                handle=handle,
                role=role,
                language=language,
                birth_date=born,
            )
    console.print(f"created [bold]{made.account.handle}[/] ({made.account.role}), id {made.account.id}")
    console.print(f"API key (shown once): [bold]{made.key}[/]")


@accounts_app.command("set-password")
def accounts_set_password(
    handle: str = typer.Argument(..., help="The account's handle."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
) -> None:
    """Set the password an account signs in to the web pages with (ends its open web sessions)."""
    with domain_errors():
        if password_stdin:
            password = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
        else:
            password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
        check_password_rules(password)
        db = open_database()
        with db.write() as stores:
            account = set_password(
                accounts=stores.accounts,
                passwords=PasswordStore(stores.session),
                sessions=WebSessionStore(stores.session),
                handle=handle,
                password=password,
                audit=stores.audit,
                actor_id="cli",
            )
    console.print(f"password set for [bold]{account.handle}[/] ({account.role}); its web sessions were ended")


@webhooks_app.command("deliver")
def webhooks_deliver(
    loop: bool = typer.Option(False, "--loop", help="Keep delivering every few seconds until interrupted."),
    every: float = typer.Option(5.0, help="Seconds between rounds with --loop."),
) -> None:
    """Send due webhook deliveries (signed with HIFAZAT_SECRET_KEY), retrying failures with back-off."""
    settings = load_settings()
    db = open_database()
    while True:
        done = deliver_due(db=db, secret=settings.secret_key)
        console.print(f"sent {done.sent}, failed {done.failed}, gave up {done.gave_up}")
        if not loop:
            return
        time.sleep(every)


@queue_app.command("expire")
def queue_expire() -> None:
    """Return every task whose lease ran out to the queue (claims do this on their own too)."""
    db = open_database()
    with db.write() as stores:
        count = expire_leases(tasks=stores.tasks)
    console.print(f"{count} task(s) returned to the queue")


def register(app: typer.Typer) -> None:
    """Add the enforcement commands to the `hifazat` app."""
    app.add_typer(audit_app, name="audit")
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(webhooks_app, name="webhooks")
    app.add_typer(queue_app, name="queue")
    app.command("transparency")(transparency)
