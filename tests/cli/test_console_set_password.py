"""`hifazat accounts set-password`: from a prompt (typed twice) or standard input, then sign in works."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hifazat.cli.main import app
from hifazat.services.sign_in import sign_in
from hifazat.settings import Settings
from hifazat.storage.database import make_engine
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import PasswordStore, WebSessionStore

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIFAZAT_DATA_DIR", str(tmp_path / "data"))
    created = runner.invoke(app, ["accounts", "create", "mod_en", "--role", "moderator"])
    assert created.exit_code == 0, created.output
    return tmp_path / "data"


def _signs_in(data_dir: Path, password: str) -> bool:
    engine = make_engine(Settings(data_dir=data_dir).resolved_database_url)
    with Database(engine).write() as stores:
        signed = sign_in(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=WebSessionStore(stores.session),
            handle="mod_en",
            password=password,
        )
    engine.dispose()
    return signed is not None


def test_password_from_stdin(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["accounts", "set-password", "mod_en", "--password-stdin"], input="a fine pass phrase\n"
    )
    assert result.exit_code == 0 and "password set for mod_en" in result.stdout
    assert _signs_in(data_dir, "a fine pass phrase") and not _signs_in(data_dir, "something else")


def test_prompt_asks_twice(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["accounts", "set-password", "mod_en"], input="another pass phrase\nanother pass phrase\n"
    )
    assert result.exit_code == 0, result.output
    assert _signs_in(data_dir, "another pass phrase")


@pytest.mark.parametrize(
    ("args", "given", "message"),
    [
        (["mod_en"], "short\n", "at least 10"),  # too short
        (["ghost"], "a fine pass phrase\n", "no account with the handle"),  # unknown account
    ],
)
def test_bad_input_is_one_clear_line(data_dir: Path, args: list[str], given: str, message: str) -> None:
    result = runner.invoke(app, ["accounts", "set-password", *args, "--password-stdin"], input=given)
    assert result.exit_code != 0 and message in result.stderr and "Traceback" not in result.output
