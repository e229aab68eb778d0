"""Domain errors raised by the core. Each edge (API, CLI, web) translates them once."""

from __future__ import annotations

from dataclasses import dataclass


class HifazatError(Exception):
    """Base class of every error the core raises on purpose."""

    code: str = "error"

    def __init__(self, message: str, *, hint: str | None = None, message_ur: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.message_ur = message_ur
        """The message in Urdu, when the place that raises it gives one (edges fall back per `code`)."""

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InvalidInputError(HifazatError):
    """Input that cannot be processed: empty, oversized, mis-encoded."""

    code = "invalid_input"


class NotFoundError(HifazatError):
    """A named thing (policy, detector, version, data set) does not exist."""

    code = "not_found"


class ConflictError(HifazatError):
    """The request clashes with the current state (duplicate, wrong state transition)."""

    code = "conflict"


class PermissionDeniedError(HifazatError):
    """The actor may not do this."""

    code = "forbidden"


@dataclass(frozen=True, slots=True)
class Located:
    """One problem found while loading a data file, with where it is."""

    file: str
    line: int
    message: str
    message_ur: str = ""
    """The message in Urdu, where the loader gives one."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def text(self, lang: str) -> str:
        """`file:line: message` in `lang` (en or ur; English when no Urdu message was given)."""
        message = self.message_ur if lang == "ur" and self.message_ur else self.message
        return f"{self.file}:{self.line}: {message}"


class ValidationFailedError(HifazatError):
    """A data file (guidelines, rules, lexicon) failed validation; every problem is listed."""

    code = "validation_failed"

    def __init__(self, what: str, problems: list[Located]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{what}: {len(problems)} problem(s)\n{lines}")
