"""`train_all` end to end on a small synthetic copy of every shared data set (made-up texts)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hifazat.core.classifiers.bundle import load_bundle_from, read_bundle_files
from hifazat.core.errors import NotFoundError
from hifazat.evaluation.runner import evaluate_file
from hifazat.training.corpora import Example, load_corpora, urdu_news_sentences
from hifazat.training.learned import train_all

BAD_EN = ["idiot", "stupid", "moron", "loser", "trash", "clown"]
OK_EN = ["lovely", "video", "thanks", "great", "music", "sunny"]
BAD_RU = ["kameena", "ghatiya", "bewakoof", "kutta", "gadha", "jahil"]
OK_RU = ["acha", "shukriya", "khoobsurat", "zabardast", "mubarak", "pyara"]
BAD_UR = ["ماروں", "قتل", "گولی", "ختم", "دھمکی", "جلا"]
OK_UR = ["شکریہ", "خوبصورت", "مبارک", "اچھا", "گانا", "موسم"]
BAD_HI = ["मूर्ख", "गंदा", "कमीना", "बेकार", "घटिया", "जाहिल"]
OK_HI = ["सुंदर", "धन्यवाद", "अच्छा", "बधाई", "गाना", "मौसम"]


def sentence(rng: random.Random, words: list[str], filler: list[str]) -> str:
    return " ".join(rng.sample(words, 2) + rng.sample(filler, 2) + [str(rng.randint(0, 999))])


def write_datasets(root: Path, n: int = 60) -> None:
    rng = random.Random(7)
    en = lambda bad: sentence(rng, BAD_EN if bad else OK_EN, ["the", "you", "this", "really", "so"])  # noqa: E731
    ru = lambda bad: sentence(rng, BAD_RU if bad else OK_RU, ["tum", "ho", "yar", "bohat", "hai"])  # noqa: E731

    def put(rel: str, lines: list[str]) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    olid = ["id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c"]
    hasoc = ["text_id\ttext\ttask_1\ttask_2\ttask_3"]
    dav = [",count,hate_speech,offensive_language,neither,class,tweet"]
    kag = ["Insult,Date,Comment"]
    sms = ["Label\tSMS"]
    cyb = ["tweet_text,cyberbullying_type"]
    t1, t2 = [], []
    threat = ["Tweets,label,S/G"]
    hindi = ["text_id\ttext\ttask_1\ttask_2\ttask_3"]
    for i in range(n):
        bad = i % 2 == 0
        b, c = ("TIN", "IND") if i % 4 == 0 else ("UNT", "NULL")
        olid.append(
            f"{i}\t{en(bad)}\t{'OFF' if bad else 'NOT'}\t{b if bad else 'NULL'}\t{c if bad else 'NULL'}"
        )
        t2_ = ["HATE", "OFFN", "PRFN"][i % 3] if bad else "NONE"
        hasoc.append(f"h{i}\t{en(bad)}\t{'HOF' if bad else 'NOT'}\t{t2_}\t{'TIN' if bad else 'NONE'}")
        dav.append(f"{i},3,0,0,3,{i % 3},{en(i % 3 != 2)}")
        kag.append(f'{int(bad)},,"""{en(bad)}"""')
        sms.append(("spam\tWIN a prize cash call now " + str(i)) if i % 3 == 0 else f"ham\tsee you at {i} ok")
        kinds = ["age", "ethnicity", "gender", "religion", "other_cyberbullying", "not_cyberbullying"]
        cyb.append(f"{en(i % 6 != 5)},{kinds[i % 6]}")
        fine = ["0", "2", "3", "4"][i % 4] if bad else "1"
        text = ru(bad)
        t1.append(f"{text}\t{'0' if bad else '1'}")
        t2.append(f"{text}\t{fine}")
        threat.append(f"{sentence(rng, BAD_UR if bad else OK_UR, ['میں', 'تم', 'کو'])},{int(bad)},2")
        hindi.append(
            f"x{i}\t{sentence(rng, BAD_HI if bad else OK_HI, ['तुम', 'हो'])}\t{'HOF' if bad else 'NOT'}\tNONE\tNONE"
        )
    put("olid_offenseval2019/olid-training-v1.0.dedup_vs_test.tsv", olid)
    put("hasoc2019_en_hi/english_dataset.dedup_vs_test.tsv", hasoc)
    put("hasoc2019_en_hi/hindi_dataset.dedup_vs_test.tsv", hindi)
    put("davidson2017_hate_offensive/labeled_data.train80.csv", dav)
    put("kaggle_insults_2012/train.dedup_vs_test.csv", kag)
    put("sms_spam_uci/SMSSpamCollection.train80.tsv", sms)
    put("cyberbullying_tweets_subset/cyberbullying_tweets_subset.train80.csv", cyb)
    put("ruhsold_roman_urdu/task_1_train.dedup_vs_test.tsv", t1[: n - 10])
    put("ruhsold_roman_urdu/task_1_validation.dedup_vs_test.tsv", t1[n - 10 :])
    put("ruhsold_roman_urdu/task_2_train.dedup_vs_test.tsv", t2[: n - 10])
    put("urdu_threat_amjad2021/train.dedup_vs_test.csv", threat)
    news = ["file,domain,label,text"]
    for i in range(12):
        body = "۔ ".join(sentence(rng, OK_UR, ["آج", "شہر", "میں", "کی", "خبر"]) for _ in range(4))
        news.append(f'{i}.txt,bus,{"Fake" if i % 2 else "Real"},"{body}"')
    put("bend_the_truth_urdu_fake_news/train.dedup_vs_test.csv", news)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("data")
    write_datasets(root)
    out = tmp_path_factory.mktemp("models")
    manifest = train_all(root, out, n_jobs=1, log=lambda _: None)
    return out, manifest


def test_manifest_records_data_hashes_licences_and_metrics(trained: tuple[Path, dict[str, object]]) -> None:
    out, manifest = trained
    datasets = manifest["datasets"]
    assert isinstance(datasets, dict)
    assert set(datasets) >= {"olid", "ruhsold", "urdu_threat", "urdu_news", "sms_spam"}
    assert all(len(sha) == 64 for d in datasets.values() for sha in d["files"].values())
    assert "trac1_aggression_en_hi" in manifest["excluded_datasets"]  # type: ignore[operator]
    assert (out / "manifest.json").is_file() and (out / "roman_ur.npz").is_file()
    task = manifest["tasks"]["ruhsold-task1"]  # type: ignore[index]
    assert 0.0 <= task["cv"]["macro_f1"] <= 1.0


def test_the_written_bundle_separates_the_synthetic_classes(trained: tuple[Path, dict[str, object]]) -> None:
    out, _ = trained
    bundle = load_bundle_from(read_bundle_files(out))
    probs = bundle.model("en").predict(["you idiot moron", "lovely great video"])
    assert probs["offensive"][0] > probs["offensive"][1]
    ru = bundle.model("roman-ur").predict(["tum kameena ghatiya ho", "bohat acha zabardast"])
    assert ru["abusive"][0] > ru["abusive"][1]


def test_training_is_deterministic(trained: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    _, manifest = trained
    root = tmp_path / "data"
    write_datasets(root)
    again = train_all(root, tmp_path / "models", n_jobs=1, log=lambda _: None)
    assert again["version"] == manifest["version"]


def test_eval_with_a_trained_bundle_writes_one_line_per_row(
    trained: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    out, _ = trained
    bundle = load_bundle_from(read_bundle_files(out))
    test = tmp_path / "test.tsv"
    test.write_text("tum kameena ho\t0\nbohat acha\t1\nbroken line\n", encoding="utf-8")
    result = evaluate_file("ruhsold-task1", test, tmp_path / "pred.jsonl", bundle)
    lines = (tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[2].startswith('{"row": 2, "label": ')
    assert [p.row for p in result.problems] == [2]
    assert result.scored_rows == 2


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        load_corpora(tmp_path / "nowhere")


def test_missing_training_file_names_the_file(tmp_path: Path) -> None:
    write_datasets(tmp_path)
    (tmp_path / "sms_spam_uci" / "SMSSpamCollection.train80.tsv").unlink()
    with pytest.raises(NotFoundError, match=r"SMSSpamCollection\.train80\.tsv"):
        load_corpora(tmp_path)


def test_urdu_news_halves_are_disjoint_and_hold_only_urdu_sentences() -> None:
    articles = [
        Example(
            f"پہلا جملہ خبر نمبر {i} کا ہے۔ دوسرا جملہ {i} بھی یہاں ہے؟ BBC Urdu report\nمختصر",
            {"label": "Real"},
        )
        for i in range(40)
    ]
    first, second = urdu_news_sentences(articles, half=0), urdu_news_sentences(articles, half=1)
    assert first and second  # both halves get articles
    assert not {e.text for e in first} & {e.text for e in second}
    assert len(first) + len(second) == 2 * len(articles)  # two Urdu sentences per article
    texts = [e.text for e in first + second]
    assert all(15 <= len(t) <= 200 and "BBC" not in t for t in texts)  # Latin and short parts dropped
    assert all(e.labels == {"threat": "0"} for e in first + second)


def test_the_embedding_stage_is_trained_and_recorded(trained: tuple[Path, dict[str, object]]) -> None:
    out, manifest = trained
    embedding = manifest["embedding"]
    assert isinstance(embedding, dict)
    assert (out / embedding["file"]).is_file()
    head = embedding["heads"]["ur"]["threat"]
    # both validation protocols are recorded, for the n-gram head and the embedding head
    assert set(head["cv"]) == {"stratified", "topic_grouped"}
    assert set(head["cv"]["topic_grouped"]) == {"ngram", "embedding"}
    task = manifest["tasks"]["urdu-threat"]  # type: ignore[index]
    assert set(task["blend"]) == {"threat", "e5:threat"}
    assert set(task["protocols"]) >= {"stratified", "topic_grouped", "by_weight"}
    bundle = load_bundle_from(read_bundle_files(out))
    assert bundle.embedding is not None and bundle.embedding.head("ur", "threat") is not None
    if task["blend"]["e5:threat"] > 0:
        low, high = head["cascade"]["band"]
        assert low <= task["threshold"] <= high


def test_english_data_set_tasks_blend_their_embedding_heads(trained: tuple[Path, dict[str, object]]) -> None:
    _, manifest = trained
    embedding = manifest["embedding"]
    assert isinstance(embedding, dict)
    tasks = manifest["tasks"]
    assert isinstance(tasks, dict)
    for dataset, head in (("olid-a", "olid"), ("hasoc-en-a", "hasoc")):
        entry = embedding["heads"]["en"][head]
        assert entry["rows"] > 0 and set(entry["cv"]) == {"stratified", "topic_grouped"}
        blend = tasks[dataset]["blend"]
        assert set(blend) == {head, "offensive", f"e5:{head}"}
        assert sum(blend.values()) == pytest.approx(1.0)
        # blended with two n-gram heads, it serves `hifazat eval` only: no production band
        assert "cascade" not in entry


def test_eval_of_a_blended_task_embeds_the_texts(
    trained: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    out, _ = trained
    bundle = load_bundle_from(read_bundle_files(out))
    test = tmp_path / "threat.csv"
    test.write_text("Tweet,Threat,G/S\nمیں تم کو قتل گولی,1,0\nشکریہ خوبصورت موسم,0,2\n", encoding="utf-8")
    result = evaluate_file("urdu-threat", test, tmp_path / "pred.jsonl", bundle)
    assert len(result.predictions) == 2
    assert result.scored_rows == 2
    olid = tmp_path / "olid.tsv"
    olid.write_text(
        "id\ttweet\tsubtask_a\n1\tyou idiot moron the so 5\tOFF\n2\tlovely great video thanks 7\tNOT\n",
        encoding="utf-8",
    )
    result = evaluate_file("olid-a", olid, tmp_path / "olid.jsonl", bundle)
    assert result.scored_rows == 2 and len(result.predictions) == 2
