"""`hifazat`: the command line. Each command group lives in its own module."""

from __future__ import annotations

import typer

from hifazat import __version__
from hifazat.cli import guidelines, moderation, server

app = typer.Typer(
    name="hifazat",
    help="Hifazat (حفاظت): Trust & Safety for English, Urdu and Roman Urdu communities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(guidelines.app, name="guidelines")
server.register(app)
moderation.register(app)


@app.command()
def version() -> None:
    """Print the Hifazat version."""
    typer.echo(__version__)


def main() -> None:
    app()
