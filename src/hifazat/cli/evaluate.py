"""`hifazat eval DATASET --input FILE --output PRED.jsonl`: score the learned models on a data set."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from hifazat.cli.errors import domain_errors
from hifazat.core.errors import InvalidInputError

console = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)


def eval_command(
    dataset: str = typer.Argument(..., help="Data-set name, e.g. ruhsold-task1, olid-a, sms-spam."),
    input_file: Path = typer.Option(..., "--input", "-i", help="A file of the data set in its own format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write one JSON line per row here."),
    data: Path | None = typer.Option(
        None,
        "--data",
        help="Shared data-set folder, for TRAC-1's eval-time model (default: $HIFAZAT_DATASETS).",
    ),
    fixed: bool = typer.Option(False, "--fixed", help="TRAC-1: use only the shipped heads, fit nothing."),
) -> None:
    """Predict every row of a data-set file in the data set's own labels and print its metric."""
    from hifazat.evaluation.datasets import DATASETS
    from hifazat.evaluation.metrics import format_report
    from hifazat.evaluation.runner import evaluate_file

    with domain_errors():
        if dataset not in DATASETS:
            from hifazat.core.errors import NotFoundError

            raise NotFoundError(f"unknown data set {dataset!r}", hint="known: " + ", ".join(sorted(DATASETS)))
        if input_file.exists() and not input_file.is_file():
            raise InvalidInputError(f"{input_file} is a directory, not a file")
        result = evaluate_file(dataset, input_file, output, data_dir=data, fixed_only=fixed)
    for problem in result.problems:
        stderr.print(f"warning: {input_file}: {problem}")
    spec = result.dataset
    console.print(f"{spec.name}: {spec.title}")
    console.print(
        f"model learned {result.model_version}; {len(result.predictions):,} rows predicted in {result.seconds:.2f}s"
    )
    if output is not None:
        console.print(f"predictions: {output}")
    if spec.licence_note:
        console.print(f"licence: {spec.licence_note}")
    if result.method:
        console.print(f"method: {result.method}")
    if result.report is None:
        console.print(f"no metric: {result.note}")
        return
    if result.problems:
        console.print(
            f"{len(result.problems)} row(s) with problems left out of the metric ({result.scored_rows:,} scored)"
        )
    primary = result.primary
    shown = "n/a" if primary is None else f"{primary:.4f}"
    console.print(f"[bold]{spec.metric} = {shown}[/bold]   (published: {spec.published})")
    for name in spec.extra_metrics:
        value = result.report.metric(name)
        if value is not None:
            console.print(f"{name} = {value:.4f}")
    console.print(format_report(result.report))


def register(app: typer.Typer) -> None:
    """Add `hifazat eval` to the main app."""
    app.command("eval")(eval_command)
