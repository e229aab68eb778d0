"""What the safety routers share: one `SafetyService` per app, and refusals in English and Urdu."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from hifazat.api.deps import RuntimeDep
from hifazat.api.errors import envelope, status_for
from hifazat.core.safety.errors import SafetyRefusal
from hifazat.core.signals import Context
from hifazat.services.safety import SafetyService


async def get_safety(request: Request, runtime: RuntimeDep) -> SafetyService:
    """One safety service per app, made on first use; comments are screened on the app's engine, and
    its verdict is stored with each comment's content item."""
    service: SafetyService | None = getattr(request.app.state, "safety_service", None)
    if service is None:
        context = Context(surface="comment")
        service = SafetyService(
            runtime.engine,
            sessions=runtime.sessions,
            checker=lambda text: runtime.moderator.check(text, context),
        )
        request.app.state.safety_service = service
    return service


SafetyDep = Annotated[SafetyService, Depends(get_safety)]


def install_safety_errors(app: FastAPI) -> None:
    """Refusals keep the one envelope and add `reason` and `message_ur`."""

    @app.exception_handler(SafetyRefusal)
    async def _refusal(_request: Request, exc: SafetyRefusal) -> JSONResponse:
        body = envelope(exc.code, exc.message, hint=exc.hint, reason=exc.reason, message_ur=exc.message_ur)
        return JSONResponse(body, exc.status or status_for(exc))
