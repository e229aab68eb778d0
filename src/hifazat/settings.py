"""One typed Settings object, read from the environment (prefix `HIFAZAT_`) and validated at start."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-change-me"


class Settings(BaseSettings):
    """Every setting Hifazat reads. Each field is documented in the README."""

    model_config = SettingsConfigDict(env_prefix="HIFAZAT_", env_file=None, extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    """`development` allows the built-in secret key; `production` refuses it."""
    data_dir: Path = Field(default=Path("data"))
    """Folder for the SQLite database and other state; created when missing."""
    database_url: str = ""
    """SQLAlchemy URL. Empty: SQLite file `<data_dir>/hifazat.db`. PostgreSQL: `postgresql+psycopg://…`."""
    secret_key: str = DEVELOPMENT_SECRET
    """Signs sessions, CSRF tokens and webhooks. Must be set (≥ 32 characters) outside development."""
    host: str = "127.0.0.1"
    """Address `hifazat serve` binds to."""
    port: int = Field(default=8000, ge=1, le=65535)
    """Port `hifazat serve` listens on."""
    default_locale: Literal["en", "ur"] = "en"
    """Language used when a request names none."""
    max_text_chars: int = Field(default=10_000, ge=1, le=1_000_000)
    """Longest text the moderation engine accepts, in characters."""
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    """Largest request body the API accepts."""
    datasets_dir: Path | None = None
    """Where `hifazat train` and `hifazat eval` look for the labelled data sets."""

    @model_validator(mode="after")
    def _refuse_unsafe_secret(self) -> Settings:
        if self.environment != "development" and (
            self.secret_key == DEVELOPMENT_SECRET or len(self.secret_key) < 32
        ):
            raise ValueError(
                "HIFAZAT_SECRET_KEY must be set to a random string of at least 32 characters "
                f"when HIFAZAT_ENVIRONMENT={self.environment} (try: python -c "
                "'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return self

    @property
    def resolved_database_url(self) -> str:
        """The database URL in force: the setting, or the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'hifazat.db').as_posix()}"
