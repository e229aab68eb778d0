"""`hifazat factchecks import FILE` and `hifazat claims match "TEXT"`, with their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hifazat.cli.main import app

runner = CliRunner()
FEED = [
    {
        "@type": "ClaimReview",
        "url": "https://f.example.pk/note",
        "claimReviewed": "سٹیٹ بینک اگلے مہینے سے پانچ ہزار روپے کا نوٹ بند کر دے گا",
        "author": {"name": "iVerify Pakistan"},
        "reviewRating": {"alternateName": "غلط"},
    },
    {"@type": "ClaimReview", "url": "https://f.example.pk/broken"},
]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIFAZAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HIFAZAT_DATABASE_URL", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_then_match(data_dir: Path) -> None:
    feed = data_dir / "feed.json"
    feed.write_text(json.dumps(FEED), encoding="utf-8")
    code, out, err = run("factchecks", "import", str(feed))
    assert code == 1  # one record was skipped
    assert "1 new, 0 updated, 0 already stored" in out
    assert f"{feed}:2: record 2: claimReviewed is missing" in err
    code, out, _ = run("factchecks", "import", str(feed), "--json")
    assert json.loads(out)["unchanged"] == 1
    code, out, err = run("factchecks", "import", str(feed), "--ui", "ur")
    assert "0 نئے، 0 تبدیل شدہ، 1 پہلے سے محفوظ" in out
    assert f"{feed}:2: ریکارڈ 2: claimReviewed (دعویٰ) موجود نہیں یا خالی ہے" in err
    code, out, _ = run("claims", "match", "5000 ka note agle mahine band ho raha hai", "--json")
    assert code == 0 and json.loads(out)["matches"][0]["url"] == "https://f.example.pk/note"
    code, out, _ = run("claims", "match", "5000 ka note agle mahine band ho raha hai", "--ui", "ur")
    assert code == 0 and "غلط" in out and "iVerify Pakistan" in out
    code, out, _ = run("claims", "match", "Cricket tonight in Lahore")
    assert code == 0 and "No known fact-checked claim matches this text." in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("factchecks", "import", "missing.json"), 2, "file not found"),  # no such file
        (("factchecks", "import", "x.json", "--format", "xml"), 2, "unknown --format 'xml'"),  # bad format
        (("claims", "match", "   "), 2, "the text to match is empty"),  # blank text
        (("claims", "match", "x", "--lang", "fr"), 2, "unknown language 'fr'"),  # bad language
        (("claims", "match", "x", "--ui", "fr"), 2, "--ui must be en or ur"),  # bad UI language
    ],
)
def test_errors_are_one_line_and_an_exit_code(
    data_dir: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    exit_code, _, err = run(*args)
    assert exit_code == code and message in err and "Traceback" not in err


def test_enforce_sweeps_recent_posts_once(data_dir: Path) -> None:
    from hifazat.core.guidelines import default_catalogue
    from hifazat.core.moderator import Moderator
    from hifazat.services.accounts import create_account
    from hifazat.services.content import submit_content
    from hifazat.settings import Settings
    from hifazat.storage.database import make_engine, migrate
    from hifazat.storage.unit import Database

    feed = data_dir / "feed.json"
    feed.write_text(json.dumps(FEED[:1]), encoding="utf-8")
    assert run("factchecks", "import", str(feed))[0] == 0
    engine = make_engine(Settings().resolved_database_url)
    migrate(engine)
    db, moderator = Database(engine), Moderator.default()
    with db.write() as stores:
        author = create_account(
            accounts=stores.accounts, api_keys=stores.api_keys, audit=stores.audit,
            actor_id="system", handle="poster", role="user",
        ).account  # fmt: skip
        for cid, text in (("rumour", "سٹیٹ بینک اگلے مہینے سے پانچ ہزار روپے کا نوٹ بند کر دے گا"),
                          ("cricket", "Cricket tonight in Lahore, who is coming?")):  # fmt: skip
            submit_content(
                stores=stores, catalogue=default_catalogue(), author=author, kind="caption",
                text=text, verdict=moderator.check(text), content_id=cid,
            )  # fmt: skip
    engine.dispose()
    code, out, _ = run("claims", "enforce", "--json")
    results = {r["content_id"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0 and results["rumour"]["result"] in ("label", "review")
    assert results["rumour"]["url"] == "https://f.example.pk/note" and results["cricket"]["result"] == "none"
    code, out, _ = run("claims", "enforce", "--ui", "ur")
    assert code == 0 and "حقائق کی جانچ سے موازنہ کی گئی پوسٹیں: 1" in out  # only the unlinked post again
