"""`hifazat train [--data DIR] [--out DIR]`: rebuild the learned detector's artefacts and manifest."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from hifazat.cli.errors import domain_errors

console = Console(highlight=False)


def _log(line: str) -> None:
    console.print(line, markup=False)


def train_command(
    data: Path | None = typer.Option(
        None, "--data", help="Shared data-set folder (default: $HIFAZAT_DATASETS or ../shared/datasets)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Where to write the artefacts (default: the package's core/models/learned)."
    ),
    jobs: int = typer.Option(2, "--jobs", min=1, max=8, help="Parallel cross-validation fits."),
    embedding_cache: Path | None = typer.Option(
        None,
        "--embedding-cache",
        help="Folder that keeps the sentence embeddings of the training texts between runs (scratch).",
    ),
) -> None:
    """Train every learned head from the shared data sets (deterministic) and write artefacts + manifest."""
    from hifazat.evaluation.datasets import default_data_dir
    from hifazat.training.learned import default_output_dir, train_all

    with domain_errors():
        manifest = train_all(
            data or default_data_dir(),
            out or default_output_dir(),
            n_jobs=jobs,
            log=_log,
            embedding_cache=embedding_cache,
        )
    console.print(f"learned models {manifest['version']} written")


def register(app: typer.Typer) -> None:
    """Add `hifazat train` to the main app."""
    app.command("train")(train_command)
