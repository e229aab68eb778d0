"""`hifazat check` (one text, for people) and `hifazat moderate` (a file, for machines)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from hifazat.cli.errors import domain_errors
from hifazat.cli.reading import Format, Row, completed_ids, guess_format, read_rows
from hifazat.core.decide.rules import RuleSet, load_rules
from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import HifazatError, InvalidInputError
from hifazat.core.moderator import Moderator
from hifazat.services.moderation import context_from

console = Console()
ACTION_STYLE = {
    "allow": "green",
    "label": "cyan",
    "restrict": "yellow",
    "review": "magenta",
    "remove": "bold red",
}
BATCH = 256
FORMATS: dict[str, Format] = {"csv": "csv", "jsonl": "jsonl", "text": "text"}
COLUMNS = {
    "en": ("policy", "title", "score", "band", "action", "detectors"),
    "ur": ("پالیسی", "عنوان", "اسکور", "درجہ", "فیصلہ", "ڈیٹیکٹر"),
}
BAND_UR = {"high": "زیادہ", "medium": "درمیانہ", "low": "کم"}
ACTION_UR = {"allow": "اجازت", "label": "لیبل", "restrict": "محدود", "review": "جائزہ", "remove": "ہٹانا"}
VERSIONS = {"en": "guidelines {g} · engine {e}", "ur": "گائیڈ لائنز {g} · انجن {e}"}


def _moderator(rules: Path | None, *, cascade: bool = False) -> Moderator:
    moderator = Moderator.default()
    if cascade:
        moderator = _with_cascade(moderator)
    if rules is None:
        return moderator
    return moderator.with_rules(_load_rules(rules, moderator))


def _with_cascade(moderator: Moderator) -> Moderator:
    """The same engine with the learned detector's embedding stage switched on."""
    from hifazat.core.detectors.learned import LearnedDetector

    detectors = [
        LearnedDetector(d.bundle, cascade=True) if isinstance(d, LearnedDetector) else d
        for d in moderator.detectors
    ]
    return Moderator(detectors, moderator.catalogue, max_chars=moderator.max_chars)


def _load_rules(path: Path, moderator: Moderator) -> RuleSet:
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInputError(f"rule file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"rule file {path} is not UTF-8 (byte {exc.start})") from None
    return load_rules(source, source=str(path), policy_ids=moderator.catalogue.policies)


def render(verdict: Verdict, text: str, lang: str, catalogue_titles: dict[str, str]) -> None:
    """The verdict for people: action, the original text with evidence highlighted, policies, reasons."""
    style = ACTION_STYLE[verdict.action]
    label = {"en": "Action", "ur": "فیصلہ"}[lang]
    console.print(
        Text.assemble(
            (f"{label}: ", "bold"),
            (
                verdict.action.upper() if lang == "en" else f"{ACTION_UR[verdict.action]} ({verdict.action})",
                style,
            ),
        ),
        f"  [dim]({verdict.language})[/]",
    )
    shown = Text(text)
    for finding in verdict.findings:
        for span in finding.spans:
            shown.stylize(
                "bold reverse " + ("red" if finding.action == "remove" else "yellow"), span.start, span.end
            )
    console.print(shown)
    if verdict.findings:
        table = Table(show_header=True, header_style="bold")
        for column in COLUMNS[lang]:
            table.add_column(column)
        for f in verdict.findings:
            table.add_row(
                f.policy,
                catalogue_titles.get(f.policy, ""),
                f"{f.score:.2f}",
                BAND_UR[f.band] if lang == "ur" else f.band,
                Text(ACTION_UR[f.action] if lang == "ur" else f.action, ACTION_STYLE[f.action]),
                ", ".join(f.detectors),
            )
        console.print(table)
    for reason in verdict.reasons(lang):
        console.print(f"• {reason}", highlight=False)
    versions = VERSIONS[lang].format(g=verdict.guidelines_version, e=verdict.engine_version)
    console.print(f"[dim]{versions}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        text: str = typer.Argument(..., help="The text to check; '-' reads standard input."),
        lang: str = typer.Option("en", "--lang", help="Language of the reasons: en or ur."),
        as_json: bool = typer.Option(False, "--json", help="Print the verdict as JSON."),
        context: str | None = typer.Option(None, help="Context as JSON, e.g. '{\"account_age_days\": 2}'."),
        rules: Path | None = typer.Option(None, help="Operator rule file (YAML with CEL conditions)."),
    ) -> None:
        """Check one text: the action, the policies, the evidence in the original text, the reasons."""
        if lang not in ("en", "ur"):
            typer.echo("error: --lang must be en or ur", err=True)
            raise typer.Exit(2)
        with domain_errors():
            if text == "-":
                text = sys.stdin.read()
            try:
                ctx_data = json.loads(context) if context else None
            except json.JSONDecodeError as exc:
                raise InvalidInputError(f"--context is not valid JSON: {exc.msg}") from None
            if ctx_data is not None and not isinstance(ctx_data, dict):
                raise InvalidInputError("--context must be a JSON object")
            moderator = _moderator(rules)
            verdict = moderator.check(text, context_from(ctx_data))
            if as_json:
                typer.echo(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2))
                return
            titles = {pid: p.title.get(lang) for pid, p in moderator.catalogue.policies.items()}
            render(verdict, text, lang, titles)

    @app.command()
    def moderate(
        input_path: Path = typer.Argument(
            ..., metavar="INPUT", help="CSV, JSONL or plain text (one item per line)."
        ),
        output: Path = typer.Option(..., "--output", "-o", help="Where to write one JSON line per item."),
        text_column: str = typer.Option("text", help="CSV/JSONL field holding the text."),
        id_column: str | None = typer.Option(
            None, help="CSV/JSONL field holding the item id (default: row number)."
        ),
        fmt: str | None = typer.Option(
            None, "--format", help="csv, jsonl or text (default: from the file name)."
        ),
        rules: Path | None = typer.Option(None, help="Operator rule file (YAML with CEL conditions)."),
        lang: str = typer.Option("en", "--lang", help="Language of the summary: en or ur."),
        cascade: bool = typer.Option(
            False,
            "--cascade",
            help="Also run the learned detector's embedding stage on items whose score is uncertain (slower).",
        ),
    ) -> None:
        """Moderate a file. Re-run after an interruption, it resumes without duplicated or missing rows.

        Exit status: 0 when every row was moderated; 1 when the file was done but some rows could not be
        read or checked (each is an error line in the output and on standard error); 2 when no row could be
        moderated or the input or options are wrong."""
        with domain_errors():
            if lang not in SUMMARY:
                raise InvalidInputError("--lang must be en or ur")
            if fmt is not None and fmt not in FORMATS:
                raise InvalidInputError(f"unknown --format {fmt!r}; use csv, jsonl or text")
            chosen: Format = guess_format(input_path) if fmt is None else FORMATS[fmt]
            moderator = _moderator(rules, cascade=cascade)
            done = completed_ids(output)
            total, skipped = _count_rows(input_path, chosen, text_column, id_column, done)
            summary: Counter[str] = Counter()
            errors = 0
            output.parent.mkdir(parents=True, exist_ok=True)
            todo = (
                row
                for row in read_rows(input_path, chosen, text_column=text_column, id_column=id_column)
                if row.id not in done
            )
            with output.open("a", encoding="utf-8") as sink, _progress() as progress:
                task = progress.add_task("moderating", total=total, completed=skipped)
                for chunk in _chunks(todo, BATCH):
                    for record in _moderate_chunk(moderator, chunk):
                        if "error" in record:
                            errors += 1
                            typer.echo(f"row {record['row']}: {record['error']['message']}", err=True)
                        else:
                            summary[record["action"]] += 1
                        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    sink.flush()
                    progress.advance(task, len(chunk))
            _summary(summary, errors, skipped=skipped, output=output, lang=lang)
            if errors and not summary:
                raise typer.Exit(2)
            if errors:
                raise typer.Exit(1)


def _count_rows(
    path: Path, fmt: Format, text_column: str, id_column: str | None, done: set[str]
) -> tuple[int, int]:
    """A first pass over the file that keeps only ids: (rows, rows already done); duplicate ids are refused
    before anything is written, since a re-run could not tell their results apart."""
    seen: set[str] = set()
    duplicates: list[str] = []
    skipped = 0
    for row in read_rows(path, fmt, text_column=text_column, id_column=id_column):
        if row.id in seen:
            duplicates.append(row.id)
        seen.add(row.id)
        skipped += row.id in done
    if duplicates:
        raise InvalidInputError(
            f"{len(set(duplicates))} item id(s) appear more than once, e.g. {duplicates[0]!r}",
            hint="ids must be unique so that a re-run can resume; fix --id-column",
        )
    return len(seen), skipped


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _moderate_chunk(moderator: Moderator, chunk: list[Row]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    items = []
    slots: list[int] = []
    records: list[dict[str, Any] | None] = []
    for row in chunk:
        if row.error is not None or row.text is None:
            records.append(
                {"id": row.id, "row": row.number, "error": {"code": "unreadable", "message": row.error}}
            )
            continue
        try:
            items.append(moderator.item(row.text))
        except HifazatError as exc:
            records.append(
                {"id": row.id, "row": row.number, "error": {"code": exc.code, "message": exc.message}}
            )
            continue
        slots.append(len(records))
        records.append(None)
    verdicts = moderator.check_items(items)
    for slot, verdict in zip(slots, verdicts, strict=True):
        row = chunk[slot]
        records[slot] = verdict.to_dict(item_id=row.id)
    for record in records:
        assert record is not None
        out.append(record)
    return out


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )


SUMMARY = {
    "en": {
        "title": "written to {output}",
        "outcome": "outcome",
        "items": "items",
        "errors": "unreadable / invalid",
        "skipped": "already done (resumed)",
    },
    "ur": {
        "title": "{output} میں لکھا گیا",
        "outcome": "نتیجہ",
        "items": "تعداد",
        "errors": "ناقابلِ پڑھائی / غلط",
        "skipped": "پہلے ہو چکے (دوبارہ شروع)",
    },
}


def _summary(summary: Counter[str], errors: int, *, skipped: int, output: Path, lang: str) -> None:
    words = SUMMARY[lang]
    table = Table(title=words["title"].format(output=output))
    table.add_column(words["outcome"])
    table.add_column(words["items"], justify="right")
    for action in ("allow", "label", "restrict", "review", "remove"):
        if summary[action]:
            name = ACTION_UR[action] if lang == "ur" else action
            table.add_row(Text(name, ACTION_STYLE[action]), str(summary[action]))
    if errors:
        table.add_row(Text(words["errors"], "red"), str(errors))
    if skipped:
        table.add_row(Text(words["skipped"], "dim"), str(skipped))
    Console(stderr=True).print(table)
