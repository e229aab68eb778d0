"""Building the full app (API + Safety Centre) for the web tests, including one that crashes on purpose."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from hifazat.api.app import create_app
from hifazat.settings import Settings

SECRET = "test-secret-key-that-is-long-enough-to-be-accepted-0123456789"


def build_app(folder: Path) -> FastAPI:
    """The app on a fresh SQLite file in `folder`, with a test secret key."""
    return create_app(Settings(data_dir=folder, environment="test", secret_key=SECRET))


def crashing_app(folder: Path) -> FastAPI:
    """The app plus `/boom` and `/v1/boom`, which raise, to test the 500 pages."""
    app = build_app(folder)

    def boom() -> None:
        raise RuntimeError("secret detail")

    app.add_api_route("/boom", boom)
    app.add_api_route("/v1/boom", boom)
    return app
