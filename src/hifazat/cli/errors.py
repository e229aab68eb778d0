"""Domain errors become one clear line on stderr and an exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console

from hifazat.core.errors import HifazatError, InvalidInputError, NotFoundError, ValidationFailedError

F = TypeVar("F", bound=Callable[..., object])
stderr = Console(stderr=True)

EXIT_CODES: dict[type[HifazatError], int] = {
    ValidationFailedError: 1,
    InvalidInputError: 2,
    NotFoundError: 3,
}


def exit_code(error: HifazatError) -> int:
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


@contextmanager
def domain_errors() -> Iterator[None]:
    """Run a command body; a `HifazatError` prints `error: …` (and its hint) and exits non-zero."""
    try:
        yield
    except HifazatError as exc:
        stderr.print(f"[bold red]error:[/] {exc.message}", markup=True, highlight=False, soft_wrap=True)
        if exc.hint:
            stderr.print(f"[dim]hint:[/] {exc.hint}", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(exit_code(exc)) from None
