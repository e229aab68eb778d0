"""The training corpora of the learned detector, read from the shared data-set folder.

Each corpus is one data set's shared (non-test) files, read with the same native-format readers
`hifazat eval` uses, with its licence and the sha256 of every file it came from. TRAC-1 and LIAR
are deliberately absent: their licences allow evaluation only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from hifazat.core.errors import NotFoundError
from hifazat.evaluation.datasets import DATASETS_ENV, get_dataset
from hifazat.evaluation.readers import ReadResult, read_header_table


@dataclass(frozen=True, slots=True)
class Example:
    """One training text with every label the corpus gives it (column name -> native value)."""

    text: str
    labels: dict[str, str]


@dataclass(slots=True)
class Corpus:
    """One data set's training rows and where they came from."""

    name: str
    language: str
    licence: str
    examples: list[Example] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    """Relative path -> sha256."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _need(data_dir: Path, rel: str) -> Path:
    path = data_dir / rel
    if not path.is_file():
        raise NotFoundError(
            f"training file {path} is missing",
            hint=f"pass --data DIR (the shared data-set folder) or set ${DATASETS_ENV}",
        )
    return path


def _columns(path: Path, delimiter: str, text: str, columns: dict[str, tuple[str, ...]]) -> list[Example]:
    """Rows of a headed table with several label columns (each read and checked on its own)."""
    per_column: dict[str, ReadResult] = {}
    for column, labels in columns.items():
        result = read_header_table(
            path, delimiter=delimiter, text_columns=(text,), label_columns=(column,), labels=labels
        )
        if result.problems:
            raise ValueError(f"{path}: {result.problems[0]}")
        per_column[column] = result
    first = next(iter(per_column.values()))
    return [
        Example(row.text, {c: r.rows[i].label or "" for c, r in per_column.items()})
        for i, row in enumerate(first.rows)
    ]


def _native(data_dir: Path, rel: str, dataset: str, column: str) -> list[Example]:
    result = get_dataset(dataset).read(_need(data_dir, rel))
    if result.problems:
        raise ValueError(f"{rel}: {result.problems[0]}")
    return [Example(row.text, {column: row.label or ""}) for row in result.rows]


def fix_mojibake(text: str) -> str:
    """UTF-8 read as Latin-1 (`Weâ\x80\x99ve`) back to text, when the round trip is clean."""
    if not any("\x80" <= ch <= "\xff" for ch in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _ruhsold(data_dir: Path) -> Corpus:
    """Task-1 train + validation with coarse labels, and fine labels from task-2 train where known.

    Task-2 train is a subset of task-1 train + validation once both are de-leaked, so the union is
    the task-1 files; a task-1 `1` (normal) is also a fine `1`.
    """
    base = "ruhsold_roman_urdu/"
    coarse = _native(data_dir, base + "task_1_train.dedup_vs_test.tsv", "ruhsold-task1", "coarse")
    coarse += _native(data_dir, base + "task_1_validation.dedup_vs_test.tsv", "ruhsold-task1", "coarse")
    fine = _native(data_dir, base + "task_2_train.dedup_vs_test.tsv", "ruhsold-task2", "fine")
    fine_by_key: dict[str, set[str]] = {}
    for ex in fine:
        fine_by_key.setdefault(_key(ex.text), set()).add(ex.labels["fine"])
    seen: dict[str, Example] = {}
    for ex in coarse:
        k = _key(ex.text)
        if k in seen:
            continue
        c = ex.labels["coarse"]
        f = fine_by_key.get(k, set())
        fine_label = next(iter(f)) if len(f) == 1 else ("1" if c == "1" else "")
        if fine_label and (fine_label == "1") != (c == "1"):
            fine_label = ""
        seen[k] = Example(ex.text, {"coarse": c, "fine": fine_label})
    corpus = Corpus("ruhsold", "roman-ur", "MIT (Rizwan, Shakeel & Karim 2020)", list(seen.values()))
    for rel in ("task_1_train.dedup_vs_test.tsv", "task_1_validation.dedup_vs_test.tsv"):
        corpus.files[base + rel] = sha256(data_dir / base / rel)
    corpus.files[base + "task_2_train.dedup_vs_test.tsv"] = sha256(
        data_dir / base / "task_2_train.dedup_vs_test.tsv"
    )
    return corpus


_SENTENCE_END = re.compile(r"[۔؟!?\n]+")
_LATIN = re.compile(r"[A-Za-z]")


ORDINARY_URDU = Path(__file__).parent / "data" / "ordinary_ur.txt"


def ordinary_urdu() -> Corpus:
    """Hand-written ordinary Urdu comments (`data/ordinary_ur.txt`): never threats."""
    lines = ORDINARY_URDU.read_text(encoding="utf-8").splitlines()
    examples = [Example(t.strip(), {"threat": "0"}) for t in lines if t.strip() and not t.startswith("#")]
    corpus = Corpus("ordinary_ur", "ur", "Apache-2.0 (written for Hifazat)", examples)
    corpus.files["hifazat:training/data/ordinary_ur.txt"] = sha256(ORDINARY_URDU)
    return corpus


ORDINARY_ROMAN_URDU = Path(__file__).parent / "data" / "ordinary_roman_ur.txt"


def ordinary_roman_urdu() -> Corpus:
    """Hand-written ordinary Roman Urdu comments (`data/ordinary_roman_ur.txt`): never abusive.

    Labelled like RUHSOLD's normal tweets (`coarse` and `fine` both "1")."""
    lines = ORDINARY_ROMAN_URDU.read_text(encoding="utf-8").splitlines()
    examples = [
        Example(t.strip(), {"coarse": "1", "fine": "1"}) for t in lines if t.strip() and not t.startswith("#")
    ]
    corpus = Corpus("ordinary_roman_ur", "roman-ur", "Apache-2.0 (written for Hifazat)", examples)
    corpus.files["hifazat:training/data/ordinary_roman_ur.txt"] = sha256(ORDINARY_ROMAN_URDU)
    return corpus


URDU_NEWS = "bend_the_truth_urdu_fake_news/train.dedup_vs_test.csv"


def urdu_news(data_dir: Path, *, half: int) -> list[Example]:
    """`urdu_news_sentences` of the shared Bend the Truth training file."""
    return urdu_news_sentences(_native(data_dir, URDU_NEWS, "bend-the-truth", "label"), half=half)


def urdu_news_sentences(articles: list[Example], *, half: int) -> list[Example]:
    """Sentences of one half of the Bend the Truth news articles, as ordinary (non-threatening) Urdu.

    The threat data set is half threats, and its other half is heated political tweets: a model trained
    on it alone scores plain Urdu (news, praise, weather) as threatening far too often. News sentences,
    real or fake, are not threats. Articles are split into two fixed halves by the first byte of the
    SHA-256 of their text (`half` 0 or 1): half 0 trains, half 1 is kept for measuring false alarms
    (`bench/urdu_false_alarms.py`). Sentences of 15-200 characters in Urdu script only.
    """
    out: list[Example] = []
    for article in articles:
        if hashlib.sha256(article.text.encode("utf-8")).digest()[0] % 2 != half:
            continue
        for part in _SENTENCE_END.split(article.text):
            sentence = part.strip()
            if 15 <= len(sentence) <= 200 and not _LATIN.search(sentence):
                out.append(Example(sentence, {"threat": "0"}))
    return out


def load_corpora(data_dir: Path) -> dict[str, Corpus]:
    """Every training corpus of the learned detector, by name."""
    if not data_dir.is_dir():
        raise NotFoundError(
            f"data-set folder {data_dir} does not exist",
            hint=f"pass --data DIR or set ${DATASETS_ENV}",
        )
    out: dict[str, Corpus] = {}

    def add(name: str, language: str, licence: str, rel: str, examples: list[Example]) -> None:
        out[name] = Corpus(name, language, licence, examples, {rel: sha256(data_dir / rel)})

    rel = "olid_offenseval2019/olid-training-v1.0.dedup_vs_test.tsv"
    cols = {
        "subtask_a": ("NOT", "OFF"),
        "subtask_b": ("TIN", "UNT", "NULL"),
        "subtask_c": ("IND", "GRP", "OTH", "NULL"),
    }
    add(
        "olid",
        "en",
        "none stated (OLID v1.0 research release)",
        rel,
        _columns(_need(data_dir, rel), "\t", "tweet", cols),
    )
    rel = "hasoc2019_en_hi/english_dataset.dedup_vs_test.tsv"
    hasoc_cols = {
        "task_1": ("HOF", "NOT"),
        "task_2": ("HATE", "OFFN", "PRFN", "NONE"),
        "task_3": ("TIN", "UNT", "NONE"),
    }
    add(
        "hasoc_en",
        "en",
        "none stated (HASOC 2019, research use)",
        rel,
        _columns(_need(data_dir, rel), "\t", "text", hasoc_cols),
    )
    rel = "davidson2017_hate_offensive/labeled_data.train80.csv"
    add("davidson", "en", "MIT (Davidson et al. 2017)", rel, _native(data_dir, rel, "davidson", "class"))
    rel = "kaggle_insults_2012/train.dedup_vs_test.csv"
    add(
        "kaggle_insults",
        "en",
        "Kaggle competition data, research use",
        rel,
        _native(data_dir, rel, "kaggle-insults", "insult"),
    )
    rel = "sms_spam_uci/SMSSpamCollection.train80.tsv"
    add(
        "sms_spam",
        "en",
        "free for all purposes (Almeida & Gomez Hidalgo 2011)",
        rel,
        _native(data_dir, rel, "sms-spam", "label"),
    )
    rel = "cyberbullying_tweets_subset/cyberbullying_tweets_subset.train80.csv"
    types = ("age", "ethnicity", "gender", "religion", "other_cyberbullying", "not_cyberbullying")
    cyber = _columns(_need(data_dir, rel), ",", "tweet_text", {"cyberbullying_type": types})
    cyber = [Example(fix_mojibake(ex.text), ex.labels) for ex in cyber]
    add("cyberbullying", "en", "none stated (subset of Wang et al. 2020)", rel, cyber)
    out["ruhsold"] = _ruhsold(data_dir)
    rel = "urdu_threat_amjad2021/train.dedup_vs_test.csv"
    add(
        "urdu_threat",
        "ur",
        "free with citation (Amjad et al. 2021)",
        rel,
        _native(data_dir, rel, "urdu-threat", "label"),
    )
    rel = URDU_NEWS
    add(
        "urdu_news",
        "ur",
        "free with citation (Amjad et al. 2020)",
        rel,
        urdu_news(data_dir, half=0),
    )
    out["ordinary_ur"] = ordinary_urdu()
    out["ordinary_roman_ur"] = ordinary_roman_urdu()
    rel = "hasoc2019_en_hi/hindi_dataset.dedup_vs_test.tsv"
    add(
        "hasoc_hi",
        "hi",
        "none stated (HASOC 2019, research use)",
        rel,
        _native(data_dir, rel, "hasoc-hi-a", "task_1"),
    )
    return out
