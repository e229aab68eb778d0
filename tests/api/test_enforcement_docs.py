"""docs/enforcement.md lists every enforcement endpoint and command, so nothing users can call is undocumented."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from hifazat.api.enforcement_routes import ROUTERS
from hifazat.cli.enforcement import accounts_app, audit_app, queue_app, webhooks_app

DOC = (Path(__file__).parents[2] / "docs" / "enforcement.md").read_text(encoding="utf-8")
ROUTES = sorted(
    {
        f"{method} {route.path}"  # type: ignore[attr-defined]
        for module in ROUTERS
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }
)
COMMANDS = [
    f"{group} {command.name}"
    for group, app in (
        ("audit", audit_app),
        ("accounts", accounts_app),
        ("webhooks", webhooks_app),
        ("queue", queue_app),
    )
    for command in app.registered_commands
] + ["transparency"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_endpoint_is_documented(route: str) -> None:
    assert f"`{route}`" in DOC


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command: str) -> None:
    assert isinstance(audit_app, typer.Typer)
    assert command in DOC
