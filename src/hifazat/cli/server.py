"""`hifazat setup` and `hifazat serve`."""

from __future__ import annotations

import gc
import multiprocessing
import socket
from typing import Any

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
        base_url: str = typer.Option(
            "http://127.0.0.1:8000",
            "--base-url",
            help="Where the server will listen (for the printed walk-through).",
        ),
    ) -> None:
        """Create and migrate the database (idempotent)."""
        settings = load_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.resolved_database_url)
        migrate(engine)
        console.print(f"database ready: [bold]{engine.url.render_as_string(hide_password=True)}[/]")
        if demo:
            from hifazat.services.demo import seed_demo

            for line in seed_demo(engine, base_url=base_url.rstrip("/")):
                console.print(line, soft_wrap=True, highlight=False, markup=False)

    @app.command()
    def serve(
        host: str | None = typer.Option(None, help="Address to bind (default: HIFAZAT_HOST)."),
        port: int | None = typer.Option(None, help="Port (default: HIFAZAT_PORT)."),
        access_log: bool = typer.Option(True, help="Log every request (turn off under heavy load)."),
        workers: int = typer.Option(
            1, min=1, max=64, help="Processes sharing the port; use PostgreSQL when more than one writes."
        ),
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
        if workers == 1:
            uvicorn.run(app_, host=bind_host, port=bind_port, log_level="info", access_log=access_log)
            return
        console.print(f"  {workers} worker processes")
        serve_forked(app_, bind_host, bind_port, workers=workers, access_log=access_log)


def serve_forked(app: Any, host: str, port: int, *, workers: int, access_log: bool) -> None:
    """Run `workers` forked uvicorn processes on one listening socket made here.

    The socket is created with IPPROTO_TCP so that every accepted connection gets TCP_NODELAY
    (`uvicorn --workers` binds with protocol 0 and each keep-alive response then waits ~40 ms for a
    delayed ACK). The app, its database engine and the loaded models are made once in the parent and
    shared copy-on-write; each child drops the parent's pooled connections first.
    """
    import uvicorn

    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(2048)
    engine = app.state.runtime.engine

    def run() -> None:
        engine.dispose(close=False)
        config = uvicorn.Config(app, log_level="info", access_log=access_log)
        uvicorn.Server(config).run(sockets=[sock])

    context = multiprocessing.get_context("fork")
    children = [context.Process(target=run, daemon=False) for _ in range(workers)]
    for child in children:
        child.start()
    try:
        for child in children:
            child.join()
    except KeyboardInterrupt:
        for child in children:
            child.terminate()
            child.join()
