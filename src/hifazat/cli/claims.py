"""`hifazat factchecks import FILE`, `hifazat claims match "TEXT"` and `hifazat claims enforce`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hifazat.cli.errors import domain_errors
from hifazat.core.claims.model import RATING_TITLES
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.claim_enforcement import sweep
from hifazat.services.factchecks import ClaimIndex, import_factchecks, match_to_dict
from hifazat.settings import Settings
from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database

console = Console()
stderr = Console(stderr=True)
RATING_STYLE = {"false": "bold red", "misleading": "yellow", "missing_context": "yellow", "unproven": "cyan",
                "true": "green"}  # fmt: skip

factchecks_app = typer.Typer(help="Fact-checks: import ClaimReview JSON-LD or CSV.", no_args_is_help=True)
claims_app = typer.Typer(
    help="Claims: match a text against known fact-checked claims; act on posts that repeat them.",
    no_args_is_help=True,
)


def _database() -> Database:
    settings = Settings()
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    return Database(engine)


@factchecks_app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="ClaimReview JSON-LD (object or array) or CSV file."),
    fmt: str | None = typer.Option(None, "--format", help="json or csv (default: from the file name)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    ui: str = typer.Option("en", "--ui", help="Language of the summary: en or ur."),
) -> None:
    """Import fact-checks. Idempotent; malformed records are listed with their position."""
    with domain_errors():
        if ui not in ("en", "ur"):
            raise InvalidInputError("--ui must be en or ur")
        if fmt is not None and fmt not in ("json", "csv"):
            raise InvalidInputError(f"unknown --format {fmt!r}; use json or csv")
        try:
            source = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InvalidInputError(f"file not found: {file}") from None
        except UnicodeDecodeError as exc:
            raise InvalidInputError(f"{file} is not UTF-8 (byte {exc.start})") from None
        report = import_factchecks(_database(), source=source, name=str(file), fmt=fmt)
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            summary = {
                "en": f"{report.created} new, {report.updated} updated, {report.unchanged} already stored",
                "ur": f"{report.created} نئے، {report.updated} تبدیل شدہ، {report.unchanged} پہلے سے محفوظ",
            }
            console.print(summary[ui], highlight=False)
            skipped = {"en": "skipped", "ur": "چھوڑ دیا گیا"}[ui]
            for problem in report.problems:
                stderr.print(f"[yellow]{skipped}[/] {problem.text(ui)}", highlight=False, soft_wrap=True)
        if report.problems:
            raise typer.Exit(1)


@claims_app.command("match")
def match_command(
    text: str = typer.Argument(..., help="The text to match; '-' reads standard input."),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the text: en, ur or roman-ur (detected)."
    ),
    limit: int = typer.Option(5, min=1, max=20, help="Most matches to show."),
    ui: str = typer.Option("en", "--ui", help="Language of the labels and reasons: en or ur."),
    as_json: bool = typer.Option(False, "--json", help='Print {"matches": [...]} as the API does.'),
) -> None:
    """Which known fact-checked claims the text makes, best first (nothing when none matches confidently)."""
    with domain_errors():
        if ui not in ("en", "ur"):
            raise InvalidInputError("--ui must be en or ur")
        if text == "-":
            text = sys.stdin.read()
        matches = [match_to_dict(m) for m in ClaimIndex(_database()).match(text, lang, limit=limit)]
        if as_json:
            typer.echo(json.dumps({"matches": matches}, ensure_ascii=False, indent=2))
            return
        if not matches:
            none = {"en": "No known fact-checked claim matches this text.",
                    "ur": "یہ متن کسی جانچے گئے دعوے سے نہیں ملتا۔"}  # fmt: skip
            console.print(none[ui])
            return
        table = Table(show_header=True, header_style="bold")
        for column in ("score", "rating", "claim", "organisation", "url"):
            table.add_column(column)
        for m in matches:
            rating = m["rating"]
            title = RATING_TITLES[rating][ui]
            style = RATING_STYLE[rating]
            table.add_row(f"{m['score']:.2f}", Text(title, style), m["claim"], m["organisation"], m["url"])
        console.print(table)
        for m in matches:
            console.print(f"• {m['outcome']['reasons'][ui]}", highlight=False, soft_wrap=True)


ENFORCE_WORDS = {
    "en": {
        "title": "Checked {n} item(s) against the fact-checks",
        "none": "no confident match",
        "label": "labelled",
        "remove": "removed (strike)",
        "review": "sent to a reviewer",
        "skipped": "skipped",
    },
    "ur": {
        "title": "حقائق کی جانچ سے موازنہ کی گئی پوسٹیں: {n}",
        "none": "کوئی یقینی مماثلت نہیں",
        "label": "لیبل لگایا گیا",
        "remove": "ہٹا دی گئیں (اسٹرائیک)",
        "review": "جائزہ کار کو بھیجی گئیں",
        "skipped": "چھوڑ دی گئیں",
    },
}


@claims_app.command("enforce")
def enforce_command(
    hours: float = typer.Option(24.0, "--hours", min=0.0, help="Check items posted in the last N hours."),
    ui: str = typer.Option("en", "--ui", help="Language of the summary: en or ur."),
    as_json: bool = typer.Option(False, "--json", help="Print every item's result as JSON lines."),
) -> None:
    """Act on recent posts that repeat fact-checked claims (run it on a schedule, e.g. every 10 minutes).

    A harmful false claim is removed with a strike, another false or misleading one labelled; a weaker
    match goes to a reviewer. Items already linked to a fact-check are not checked again."""
    with domain_errors():
        if ui not in ENFORCE_WORDS:
            raise InvalidInputError("--ui must be en or ur")
        db = _database()
        index = ClaimIndex(db)
        since = datetime.now(UTC) - timedelta(hours=hours)
        checks = sweep(
            db=db,
            catalogue=default_catalogue(),
            match_many=lambda texts: index.match_many(texts, limit=1),
            since=since,
        )
        if as_json:
            for check in checks:
                typer.echo(
                    json.dumps(
                        {
                            "content_id": check.content_id,
                            "result": check.result,
                            "url": check.match.factcheck.url if check.match else None,
                            "score": check.match.score if check.match else None,
                            "decision_id": check.decision_id,
                            "task_id": check.task_id,
                        },
                        ensure_ascii=False,
                    )
                )
            return
        words = ENFORCE_WORDS[ui]
        counts = Counter(check.result for check in checks)
        console.print(Text(words["title"].format(n=len(checks)), style="bold"))
        for result in ("remove", "label", "review", "none", "skipped"):
            if counts[result]:
                console.print(f"  {words[result]}: {counts[result]}")
