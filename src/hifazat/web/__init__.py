"""The public Safety Centre: server-rendered, bilingual (English, and Urdu right-to-left) pages.

`install(app)` adds the pages at `/` to the API app built by `hifazat.api.app.create_app`:
routers, static files, the self-hosted Nastaliq font, security headers and localised error
pages. The JSON API keeps `/v1`, `/healthz` and `/docs`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from hifazat.core.resources import default_directory
from hifazat.services.rate_limits import SharedRateLimiter
from hifazat.services.safety_centre import import_packaged
from hifazat.web.content import guides, packaged_updates
from hifazat.web.errors import install_error_pages
from hifazat.web.fonts import FontFiles
from hifazat.web.rendering import WebState
from hifazat.web.routes import (
    ambassador_account,
    ambassador_admin,
    ambassadors,
    assets,
    console,
    console_appeals,
    console_records,
    console_sign_in,
    console_tasks,
    guidelines,
    home,
    library,
    report,
    resources,
)
from hifazat.web.security import CsrfSigner, SecurityHeaders
from hifazat.web.sessions import install_sessions

STATIC_DIR = Path(__file__).parent / "static"
REPORTS_PER_WINDOW = 10
REPORT_WINDOW_SECONDS = 600.0
"""Public report form: at most 10 submissions per client address in 10 minutes (mobile
networks in Pakistan put many people behind one address, so the limit is not tighter)."""


def install(app: FastAPI, *, report_limit: int = REPORTS_PER_WINDOW) -> None:
    """Mount the Safety Centre on `app` (which must carry `app.state.runtime`)."""
    runtime = app.state.runtime
    guides()  # validate packaged content at start-up, not on the first visit
    import_packaged(runtime.sessions, packaged_updates())
    app.state.web = WebState(
        settings=runtime.settings,
        sessions=runtime.sessions,
        csrf=CsrfSigner(runtime.settings.secret_key),
        report_limiter=SharedRateLimiter(
            runtime.sessions,
            scope="report-address",
            limit=report_limit,
            window_seconds=REPORT_WINDOW_SECONDS,
            secret=runtime.settings.secret_key,
        ),
        fonts=FontFiles.discover(),
        directory=default_directory(),
    )
    app.add_middleware(SecurityHeaders)
    install_error_pages(app)
    install_sessions(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (assets, home, library, guidelines, resources, report):
        app.include_router(module.router)
    for console_module in (console_sign_in, console, console_tasks, console_appeals, console_records):
        app.include_router(console_module.router)
    for programme_module in (ambassadors, ambassador_account, ambassador_admin):  # Safety Ambassadors
        app.include_router(programme_module.router)
