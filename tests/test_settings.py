"""Settings refuse unsafe defaults outside development."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from hifazat.settings import DEVELOPMENT_SECRET, Settings


def test_development_defaults_use_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path.as_posix()}/hifazat.db"
    assert settings.secret_key == DEVELOPMENT_SECRET


@pytest.mark.parametrize("environment", ["production", "test"])
def test_default_secret_is_refused_outside_development(environment: str) -> None:
    with pytest.raises(ValidationError, match="HIFAZAT_SECRET_KEY"):
        Settings(environment=environment)  # type: ignore[arg-type]


def test_short_secret_is_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", secret_key="short")


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIFAZAT_PORT", "9123")
    monkeypatch.setenv("HIFAZAT_DATABASE_URL", "postgresql+psycopg://app@127.0.0.1/x")
    settings = Settings()
    assert settings.port == 9123
    assert settings.resolved_database_url == "postgresql+psycopg://app@127.0.0.1/x"


def test_bad_port_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIFAZAT_PORT", "70000")
    with pytest.raises(ValidationError):
        Settings()
