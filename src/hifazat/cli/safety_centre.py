"""`hifazat articles ...` and `hifazat helplines`: the Safety Centre's editor tools.

Until the moderator console brings signed-in editor screens, editors work from the command line
on the server: write an update as `<slug>.en.md` and `<slug>.ur.md` (front matter `title` and
`summary`, Markdown body), then draft → submit → publish it. A second editor publishes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session, sessionmaker

from hifazat.cli.errors import domain_errors
from hifazat.cli.server import load_settings
from hifazat.core.errors import InvalidInputError
from hifazat.core.resources import default_directory
from hifazat.services import safety_centre as sc
from hifazat.storage.database import make_engine, migrate, session_factory
from hifazat.web.content import read_article

console = Console()
articles_app = typer.Typer(
    help="Safety updates: draft, review, publish (now or at a set time).", no_args_is_help=True
)


def _sessions() -> sessionmaker[Session]:
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    return session_factory(engine)


def _when(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            f"--at {text!r} is not a date and time", hint="e.g. 2026-12-01T09:00+05:00"
        ) from None
    if moment.tzinfo is None:
        raise InvalidInputError("--at needs a time zone", hint="add +05:00 for Pakistan time")
    return moment


@articles_app.command("list")
def list_articles() -> None:
    """Every article with its state, newest change first."""
    with domain_errors():
        table = Table("slug", "status", "version", "live", "scheduled for")
        for article in sc.editor_overview(_sessions()):
            scheduled = article.scheduled_for.isoformat() if article.scheduled_for else ""
            live = str(article.live_version or "")
            table.add_row(article.slug, article.status, str(article.current_version), live, scheduled)
        console.print(table)


@articles_app.command()
def draft(
    slug: str,
    english: Path = typer.Argument(..., help="the English Markdown file"),
    urdu: Path = typer.Argument(..., help="the Urdu Markdown file"),
    author: str = typer.Option(..., help="who wrote it"),
    note: str = typer.Option("", help="what changed (for a revision)"),
) -> None:
    """Start an article from two Markdown files, or add a new version to an existing one."""
    with domain_errors():
        sessions = _sessions()
        text = read_article(english, urdu)
        if any(a.slug == slug for a in sc.editor_overview(sessions)):
            article = sc.revise(sessions, slug=slug, text=text, author=author, note=note)
        else:
            article = sc.create_draft(sessions, slug=slug, text=text, author=author)
        console.print(f"{slug}: version {article.current_version}, {article.status}")


@articles_app.command()
def submit(slug: str, by: str = typer.Option(..., help="who submits it")) -> None:
    """Send the newest version for review (both languages must be complete)."""
    with domain_errors():
        console.print(f"{slug}: {sc.submit_for_review(_sessions(), slug=slug, by=by).status}")


@articles_app.command()
def publish(
    slug: str,
    by: str = typer.Option(..., help="the reviewing editor (not the author)"),
    at: str | None = typer.Option(None, help="publish later, e.g. 2026-12-01T09:00+05:00"),
) -> None:
    """Publish the reviewed version now, or schedule it with --at."""
    with domain_errors():
        article = sc.publish(_sessions(), slug=slug, by=by, at=_when(at))
        console.print(f"{slug}: {article.status}")


@articles_app.command("return")
def send_back(slug: str, by: str = typer.Option(...), note: str = typer.Option(..., help="why")) -> None:
    """Send an article in review back to draft, saying why."""
    with domain_errors():
        console.print(f"{slug}: {sc.return_to_draft(_sessions(), slug=slug, by=by, note=note).status}")


@articles_app.command()
def withdraw(slug: str, by: str = typer.Option(...), note: str = typer.Option(..., help="why")) -> None:
    """Take an article off the public site (its history is kept)."""
    with domain_errors():
        console.print(f"{slug}: {sc.withdraw(_sessions(), slug=slug, by=by, note=note).status}")


@articles_app.command()
def history(slug: str) -> None:
    """Every version and editorial event of an article."""
    with domain_errors():
        record = sc.history(_sessions(), slug=slug)
        table = Table("when", "action", "version", "by", "note")
        for event in record.events:
            table.add_row(
                event.at.isoformat(timespec="minutes"),
                event.action,
                str(event.version),
                event.actor,
                event.note,
            )
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add `articles` and `helplines` to the main command."""
    app.add_typer(articles_app, name="articles")

    @app.command()
    def helplines(
        unverified: bool = typer.Option(
            False, "--unverified", help="only entries waiting for an editor's check"
        ),
    ) -> None:
        """Packaged helplines; entries needing verification are never shown on the public site."""
        directory = default_directory()
        entries = directory.needing_verification() if unverified else directory.entries
        table = Table("id", "public", "contacts", "last checked", "note")
        for entry in entries:
            contacts = ", ".join(c.value for c in entry.contacts)
            public = "no (verify)" if entry.needs_verification else "yes"
            table.add_row(
                entry.id, public, contacts, entry.last_verified.isoformat(), entry.verification_note
            )
        console.print(table)
