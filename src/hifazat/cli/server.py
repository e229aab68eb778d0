"""`hifazat setup` and `hifazat serve`."""

from __future__ import annotations

import gc

import typer
from pydantic import ValidationError
from rich.console import Console

from hifazat.settings import Settings
from hifazat.storage.database import make_engine, migrate

console = Console()


def load_settings() -> Settings:
    """Settings from the environment, or a clear message and exit 2."""
    try:
        return Settings()
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "settings"
            typer.echo(f"error: {where}: {err['msg']}", err=True)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    @app.command()
    def setup(
        demo: bool = typer.Option(False, "--demo", help="Also load demo accounts and content."),
    ) -> None:
        """Create and migrate the database (idempotent)."""
        settings = load_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.resolved_database_url)
        migrate(engine)
        console.print(f"database ready: [bold]{engine.url.render_as_string(hide_password=True)}[/]")
        if demo:
            from hifazat.services.demo import seed_demo

            for line in seed_demo(engine):
                console.print(line, soft_wrap=True, highlight=False, markup=False)

    @app.command()
    def serve(
        host: str | None = typer.Option(None, help="Address to bind (default: HIFAZAT_HOST)."),
        port: int | None = typer.Option(None, help="Port (default: HIFAZAT_PORT)."),
        access_log: bool = typer.Option(True, help="Log every request (turn off under heavy load)."),
    ) -> None:
        """Start the API and web site; creates and migrates the database first."""
        import uvicorn

        from hifazat.api.app import create_app

        settings = load_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        app_ = create_app(settings)
        app_.state.runtime.moderator.check("warm up")  # load every detector before the first request
        gc.freeze()  # the loaded models never become garbage: keep them out of collections
        bind_host = host or settings.host
        bind_port = port or settings.port
        base = f"http://{bind_host}:{bind_port}"
        console.print(f"Hifazat serving on [bold]{base}[/]")
        for path, what in (
            ("/", "Safety Centre"),
            ("/docs", "API documentation (OpenAPI)"),
            ("/healthz", "health check"),
            ("/v1/guidelines", "Community Guidelines (JSON)"),
        ):
            console.print(f"  {base}{path:<16} {what}")
        uvicorn.run(app_, host=bind_host, port=bind_port, log_level="info", access_log=access_log)
