"""The app factory: settings in, a wired FastAPI app out. No import-time singletons."""

from __future__ import annotations

from fastapi import FastAPI

from hifazat import __version__
from hifazat.api.body_limit import BodyLimit
from hifazat.api.deps import Runtime
from hifazat.api.enforcement_routes import include as include_enforcement
from hifazat.api.errors import install_error_handlers
from hifazat.api.routers import ambassadors as ambassador_programme
from hifazat.api.routers import (
    claims,
    family_pairing,
    guidelines,
    health,
    interactions,
    moderation,
    relations,
)
from hifazat.api.routers import comments as safety_comments
from hifazat.api.routers import settings as safety_settings
from hifazat.api.routers.safety_common import install_safety_errors
from hifazat.settings import Settings
from hifazat.storage.database import make_engine, migrate, session_factory
from hifazat.web import install as install_web


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> FastAPI:
    """Build the API for `settings` (read from the environment when omitted); migrates the database."""
    if runtime is None:
        settings = settings or Settings()
        engine = make_engine(settings.resolved_database_url)
        migrate(engine)
        runtime = Runtime(settings=settings, engine=engine, sessions=session_factory(engine))
    app = FastAPI(
        title="Hifazat API",
        version=__version__,
        description="Trust & Safety for English, Urdu and Roman Urdu: guidelines, moderation, enforcement.",
    )
    app.state.runtime = runtime
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=runtime.settings.max_body_bytes)

    # The hot paths first: FastAPI tries the routers in the order they were added.
    for module in (health, moderation, interactions):
        app.include_router(module.router)
    include_enforcement(app)  # content, reports, queue, decisions, appeals, accounts, transparency, audit
    for module in (guidelines, claims):
        app.include_router(module.router)
    install_safety_errors(app)
    for safety_module in (safety_settings, relations, family_pairing, safety_comments):
        app.include_router(safety_module.router)
    app.include_router(ambassador_programme.router)  # /v1/ambassadors (docs/ambassadors.md)
    install_web(app)  # the public Safety Centre at "/" (HTML); the API keeps /v1, /healthz, /docs
    return app
