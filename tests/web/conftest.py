"""A full app (API + Safety Centre) on a fresh SQLite file, and HTTP clients for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from safety_centre_app import build_app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One app per test module, for tests that only read pages."""
    return build_app(tmp_path_factory.mktemp("site"))


@pytest.fixture
def client(site: FastAPI) -> Iterator[TestClient]:
    """A fresh browser (no cookies) against the module's app."""
    with TestClient(site, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def fresh_app(tmp_path: Path) -> FastAPI:
    """An app of its own, for tests that write reports or exhaust the rate limit."""
    return build_app(tmp_path)


@pytest.fixture
def fresh_client(fresh_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(fresh_app, raise_server_exceptions=False) as test_client:
        yield test_client
