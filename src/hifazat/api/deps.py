"""Dependencies shared by the routers: `Annotated` aliases over what the app factory wires up."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.moderator import Moderator
from hifazat.services.check_batches import CheckBatcher
from hifazat.settings import Settings


@dataclass
class Runtime:
    """What one running app holds: settings, the database and the engine (loaded on first use)."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    _moderator: Moderator | None = field(default=None, repr=False)

    @cached_property
    def moderator(self) -> Moderator:
        return self._moderator or Moderator.default(max_chars=self.settings.max_text_chars)

    @cached_property
    def checks(self) -> CheckBatcher:
        """The engine batched across concurrent requests (each verdict as if checked alone)."""
        return CheckBatcher(self.moderator)


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_settings(runtime: RuntimeDep) -> Settings:
    return runtime.settings


async def get_moderator(runtime: RuntimeDep) -> Moderator:
    return runtime.moderator


async def get_checks(runtime: RuntimeDep) -> CheckBatcher:
    return runtime.checks


SettingsDep = Annotated[Settings, Depends(get_settings)]
ModeratorDep = Annotated[Moderator, Depends(get_moderator)]
ChecksDep = Annotated[CheckBatcher, Depends(get_checks)]
