"""`hifazat`: the command line. Each command group lives in its own module."""

from __future__ import annotations

import typer

from hifazat import __version__
from hifazat.cli import claims, guidelines, moderation, server
from hifazat.cli import enforcement as enforcement_cli
from hifazat.cli import evaluate as evaluate_cli
from hifazat.cli import safety_centre as safety_centre_cli
from hifazat.cli import train as train_cli

app = typer.Typer(
    name="hifazat",
    help="Hifazat (حفاظت): Trust & Safety for English, Urdu and Roman Urdu communities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(guidelines.app, name="guidelines")
app.add_typer(claims.factchecks_app, name="factchecks")
app.add_typer(claims.claims_app, name="claims")
server.register(app)
moderation.register(app)
enforcement_cli.register(app)
safety_centre_cli.register(app)
train_cli.register(app)
evaluate_cli.register(app)


@app.command()
def version() -> None:
    """Print the Hifazat version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
