"""`evaluate_file` with the packaged models: one prediction per row, metrics, TRAC-1 methods."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.evaluation.runner import embedding_heads_of, evaluate_file

TRAC_ROWS = [
    ("you people are traitors and deserve to be thrown out", "OAG"),
    ("nice to see the government doing something at last", "NAG"),
    ("oh sure, because your leaders are so honest", "CAG"),
    ("go to hell you bloody idiots", "OAG"),
    ("thanks for the update, very useful", "NAG"),
    ("wow, such great journalism, as usual", "CAG"),
] * 4


def write_trac(path: Path, rows: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f'fb_{i},"{t}",{lab}\n' for i, (t, lab) in enumerate(rows)), encoding="utf-8")


def test_predictions_keep_file_order_and_every_row(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        ",count,hate_speech,offensive_language,neither,class,tweet\n"
        "0,3,0,0,3,2,what a lovely day at the beach\n"
        "1,3,0,3,0,1,shut up you stupid bitch\n"
        "2,3,0,0,3,7,row with a bad class\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    result = evaluate_file("davidson", data, out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in rows] == [0, 1, 2]
    assert rows[0]["label"] == "2" and rows[1]["label"] in ("0", "1")
    assert result.scored_rows == 2 and result.report is not None and result.primary is not None


def test_trac_without_shared_files_uses_the_fixed_cut_offs(tmp_path: Path) -> None:
    data = tmp_path / "gold.csv"
    write_trac(data, TRAC_ROWS[:6])
    result = evaluate_file("trac-en-fb", data, None, data_dir=tmp_path / "no-data")
    assert result.method.startswith("fixed")
    assert set(result.predictions) <= {"NAG", "CAG", "OAG"}


def test_trac_eval_time_model_is_fitted_from_the_shared_files(tmp_path: Path) -> None:
    shared = tmp_path / "datasets"
    for rel in ("agr_en_train.dedup_vs_test.csv", "agr_en_dev.dedup_vs_test.csv"):
        write_trac(shared / "trac1_aggression_en_hi" / rel, TRAC_ROWS)
    data = tmp_path / "gold.csv"
    write_trac(data, TRAC_ROWS[:6])
    result = evaluate_file("trac-en-tw", data, None, data_dir=shared)
    assert result.method.startswith("eval-time")
    assert result.predictions == [lab for _, lab in TRAC_ROWS[:6]]  # the toy set is learnable
    assert not list(shared.rglob("*.npz"))  # nothing is saved


def test_a_file_of_another_format_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "x.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="no text column"):
        evaluate_file("davidson", data, None)


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "e.tsv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="no data rows"):
        evaluate_file("ruhsold-task2", empty, None)
    with pytest.raises(NotFoundError):
        evaluate_file("ruhsold-task2", tmp_path / "nope.tsv", None)


def test_bend_the_truth_is_predicted_by_the_fake_news_model(tmp_path: Path) -> None:
    source = tmp_path / "btt.csv"
    source.write_text(
        "file,domain,label,text\n"
        'a.txt,Health,Fake,"حکومت نے اعلان کیا ہے کہ کل سے ہر شہری کو مفت سونا دیا جائے گا، یہ خبر سو فیصد سچ ہے۔"\n'
        'b.txt,Sports,Real,"پاکستان کرکٹ ٹیم نے لاہور میں کھیلے گئے میچ میں پانچ وکٹوں سے کامیابی حاصل کی۔"\n'
        "c.txt,Sports,Real\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    result = evaluate_file("bend-the-truth", source, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["row"] for line in lines] == list(range(len(lines)))
    assert {line["label"] for line in lines} <= {"Fake", "Real"}
    assert "fake-news" in result.method
    assert result.report is not None


def test_only_embedding_heads_with_a_share_are_embedded() -> None:
    task = {"blend": {"olid": 0.45, "offensive": 0.15, "e5:olid": 0.4, "e5:hate": 0.0}}
    assert embedding_heads_of(task) == ["olid"]
    assert embedding_heads_of({"blend": {"olid": 1.0}}) == []
