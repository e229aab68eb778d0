"""`hifazat guidelines`: list, show, validate and compare Community Guideline releases."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hifazat.cli.errors import domain_errors, stderr
from hifazat.core.errors import ValidationFailedError
from hifazat.core.guidelines import (
    LATEST,
    Catalogue,
    CatalogueDiff,
    Policy,
    default_catalogue,
    diff_catalogues,
    diff_dict,
    load_catalogue,
    load_version,
    packaged_versions,
    parse_lang,
    policy_dict,
    resolve_catalogue,
)
from hifazat.core.guidelines.export import confirmed_helplines
from hifazat.core.guidelines.vocabulary import TIER_LABELS

app = typer.Typer(
    help="The Community Guidelines: list and show policies, validate a release folder, compare releases.",
    no_args_is_help=True,
)
console = Console(highlight=False)


class LangChoice(StrEnum):
    """Languages the guidelines are written in."""

    en = "en"
    ur = "ur"


LangOption = Annotated[LangChoice, typer.Option("--lang", "-l", help="Language to show: en or ur.")]
VersionOption = Annotated[
    str,
    typer.Option("--version", "-v", help="A packaged version (e.g. 2026.1), 'latest', or a release folder."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "id": "ID",
        "tier": "Tier",
        "title": "Title",
        "outcomes": "Outcomes",
        "actions": "Actions",
        "strikes": "Strike weight",
        "features": "Features",
        "exceptions": "Exceptions",
        "violating": "Not allowed",
        "allowed": "Allowed",
        "law": "Law",
        "support": "Support",
        "area": "Area",
        "none": "none",
        "release": "guidelines",
    },
    "ur": {
        "id": "شناخت",
        "tier": "درجہ",
        "title": "عنوان",
        "outcomes": "ممکنہ نتائج",
        "actions": "خودکار کارروائیاں",
        "strikes": "اسٹرائیک کا وزن",
        "features": "فیچرز",
        "exceptions": "استثنیٰ",
        "violating": "اجازت نہیں",
        "allowed": "اجازت ہے",
        "law": "قانون",
        "support": "مدد",
        "area": "شعبہ",
        "none": "کوئی نہیں",
        "release": "گائیڈ لائنز",
    },
}


def _catalogue(version: str) -> Catalogue:
    return default_catalogue() if version == LATEST else resolve_catalogue(version)


def _echo_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


@app.command("list")
def list_policies(lang: LangOption = LangChoice.en, version: VersionOption = LATEST) -> None:
    """Every policy: id, tier, title and possible outcomes."""
    with domain_errors():
        catalogue = _catalogue(version)
        words = LABELS[lang.value]
        table = Table(title=f"Community Guidelines {catalogue.version} ({catalogue.published.isoformat()})")
        table.add_column(words["id"], no_wrap=True)
        table.add_column(words["tier"], justify="right")
        table.add_column(words["title"])
        table.add_column(words["outcomes"])
        for area in catalogue.areas.values():
            table.add_section()
            table.add_row("", "", Text(area.title.get(lang.value), style="bold"), "")
            for policy_id in area.policy_ids:
                policy = catalogue.policies[policy_id]
                tier = Text(str(policy.tier), style="bold red" if policy.zero_tolerance else "")
                table.add_row(policy.id, tier, policy.title.get(lang.value), ", ".join(policy.outcomes))
        console.print(table)


@app.command()
def show(
    policy_id: Annotated[str, typer.Argument(help="Policy id, e.g. safety.threats.")],
    lang: Annotated[
        LangChoice | None, typer.Option("--lang", "-l", help="Language: en or ur (JSON: both when omitted).")
    ] = None,
    version: VersionOption = LATEST,
    as_json: JsonOption = False,
) -> None:
    """One policy in full: summary, actions per band, examples, law and support."""
    with domain_errors():
        catalogue = _catalogue(version)
        policy = catalogue.policy(policy_id)
        if as_json:
            _echo_json(policy_dict(policy, lang.value if lang else None))
            return
        _render_policy(catalogue, policy, lang.value if lang else "en")


def _render_policy(catalogue: Catalogue, policy: Policy, lang: str) -> None:
    words = LABELS[lang]
    area = catalogue.area(policy.area)
    console.print(Text(policy.title.get(lang), style="bold"), Text(f"  {policy.id}", style="dim"))
    console.print(
        f"{words['area']}: {area.title.get(lang)} · {words['tier']} {policy.tier}: "
        f"{TIER_LABELS[policy.tier][parse_lang(lang)]} · {words['release']} {catalogue.version}"
    )
    console.print(policy.summary.get(lang))
    limits = {"high": policy.thresholds.high, "medium": policy.thresholds.medium}
    bands = [
        f"{band}{f' ≥ {limits[band]:.2f}' if band in limits else ''} → {action}"
        for band, action in policy.actions.items()
    ]
    console.print(f"{words['actions']}: " + " | ".join(bands))
    console.print(f"{words['outcomes']}: {', '.join(policy.outcomes)}")
    tracks = ", ".join(policy.feature_tracks)
    exceptions = ", ".join(policy.exceptions) or words["none"]
    console.print(
        f"{words['strikes']}: {policy.strike_weight} · {words['features']}: {tracks}"
        f" · {words['exceptions']}: {exceptions}"
    )
    for kind, examples in (("violating", policy.examples.violating), ("allowed", policy.examples.allowed)):
        console.print(Text(words[kind], style="bold red" if kind == "violating" else "bold green"))
        for example in examples:
            roman = f"  [dim]({example.roman_ur})[/dim]" if example.roman_ur else ""
            console.print(f"  • {example.get(lang)}{roman}")
    if policy.law:
        console.print(Text(words["law"], style="bold"))
        for law in policy.law:
            console.print(f"  {law.ref}: {law.note.get(lang)}")
    if policy.support:
        console.print(Text(words["support"], style="bold"))
        console.print(f"  {policy.support.message.get(lang)}")
        for line in confirmed_helplines(policy.support):
            console.print(f"  {line.name.get(lang)}: {line.contact}")


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="A release folder (or its catalogue.yaml).")]) -> None:
    """Check a release folder; print every problem with file:line, exit 1 if there are any."""
    with domain_errors():
        try:
            catalogue = load_catalogue(path)
        except ValidationFailedError as error:
            stderr.print(
                f"invalid: {path}: {len(error.problems)} problem(s)", highlight=False, soft_wrap=True
            )
            for problem in error.problems:
                stderr.print(f"  {problem}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(1) from None
        console.print(
            f"valid: {len(catalogue.policies)} policies in {len(catalogue.areas)} areas "
            f"(guidelines {catalogue.version}, published {catalogue.published.isoformat()})"
        )


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Older release: a packaged version or a folder.")],
    new: Annotated[str, typer.Argument(help="Newer release: a packaged version, 'latest' or a folder.")],
    lang: LangOption = LangChoice.en,
    as_json: JsonOption = False,
) -> None:
    """What changed between two releases: policies added, removed and changed field by field."""
    with domain_errors():
        result = diff_catalogues(resolve_catalogue(old), resolve_catalogue(new))
        if as_json:
            _echo_json(diff_dict(result, lang.value))
            return
        _render_diff(result, lang.value)


def _short(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return f"{len(value)} item(s)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text


def _render_diff(result: CatalogueDiff, lang: str) -> None:
    console.print(Text(f"guidelines {result.old_version} → {result.new_version}", style="bold"))
    if result.empty:
        console.print("no differences")
    for policy_id in result.added:
        console.print(Text(f"+ added   {policy_id}", style="green"))
    for policy_id in result.removed:
        console.print(Text(f"- removed {policy_id}", style="red"))
    changes = [(f"policy {c.policy_id}", c.fields) for c in result.changed]
    changes += [(f"area {c.area_id}", c.fields) for c in result.areas_changed]
    for name, fields in changes:
        console.print(Text(f"~ changed {name}", style="yellow"))
        for field in fields:
            old, new = _short(field.old), _short(field.new)
            if len(old) + len(new) > 60:
                console.print(f"    {field.field}:")
                console.print(Text(f"      - {old}", style="red"))
                console.print(Text(f"      + {new}", style="green"))
            else:
                console.print(f"    {field.field}: {old} → {new}")
    for entry in result.notes:
        console.print(Text(f"notes for {entry.version} ({entry.published.isoformat()})", style="bold"))
        for change in entry.changes:
            console.print(f"  • {change.note.get(lang)}")


@app.command()
def versions() -> None:
    """The packaged releases, oldest first, with their dates and sizes."""
    with domain_errors():
        table = Table(title="Packaged guideline releases")
        for column in ("version", "published", "areas", "policies", ""):
            table.add_column(column)
        known = packaged_versions()
        for version in known:
            catalogue = load_version(version)
            table.add_row(
                version,
                catalogue.published.isoformat(),
                str(len(catalogue.areas)),
                str(len(catalogue.policies)),
                "latest" if version == known[-1] else "",
            )
        console.print(table)
