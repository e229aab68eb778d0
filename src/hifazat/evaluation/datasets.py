"""The labelled data sets `hifazat eval` knows: native format, label scheme and the paper's metric."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hifazat.core.errors import NotFoundError
from hifazat.evaluation.readers import (
    ReadResult,
    Row,
    decode_escaped_comment,
    read_header_table,
    read_label_tab_text,
    read_text_tab_label,
)

Reader = Callable[[Path], ReadResult]
DATASETS_ENV = "HIFAZAT_DATASETS"


def default_data_dir(repo_root: Path | None = None) -> Path:
    """`$HIFAZAT_DATASETS`, else `../shared/datasets` next to the repository root."""
    env = os.environ.get(DATASETS_ENV)
    if env:
        return Path(env)
    root = repo_root or Path(__file__).resolve().parents[3]
    return root.parent / "shared" / "datasets"


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """One evaluation data set."""

    name: str
    title: str
    language: str
    """`en`, `ur`, `roman-ur` or `hi`: which head predicts it."""
    labels: tuple[str, ...]
    """Native label values, in the order reports list them."""
    metric: str
    """Primary metric: `macro_f1`, `weighted_f1`, `f1:<label>` or `accuracy`."""
    reader: Reader
    published: str
    """The published number to compare with, as text."""
    licence_note: str = ""
    extra_metrics: tuple[str, ...] = ()

    def read(self, path: Path) -> ReadResult:
        """Read a file of this data set in its native format."""
        return self.reader(path)


def _ruhsold(labels: tuple[str, ...]) -> Reader:
    return lambda path: read_text_tab_label(path, labels)


def _table(
    delimiter: str,
    text: tuple[str, ...],
    label: tuple[str, ...],
    labels: tuple[str, ...],
    positional: tuple[int, int] | None = None,
) -> Reader:
    def read(path: Path) -> ReadResult:
        return read_header_table(
            path,
            delimiter=delimiter,
            text_columns=text,
            label_columns=label,
            labels=labels,
            positional=positional,
        )

    return read


def _kaggle(path: Path) -> ReadResult:
    result = read_header_table(
        path, delimiter=",", text_columns=("Comment",), label_columns=("Insult",), labels=("0", "1")
    )
    result.rows = [Row(r.index, decode_escaped_comment(r.text), r.label) for r in result.rows]
    return result


_HOF = ("NOT", "HOF")
_TRAC = ("NAG", "CAG", "OAG")

DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec(
            "ruhsold-task1",
            "RUHSOLD task 1: Roman Urdu abusive (0) vs normal (1)",
            "roman-ur",
            ("0", "1"),
            "macro_f1",
            _ruhsold(("0", "1")),
            "F1 0.90 (Rizwan et al. 2020, BERT+CNN-gram)",
            extra_metrics=("f1:0", "accuracy"),
        ),
        DatasetSpec(
            "ruhsold-task2",
            "RUHSOLD task 2: 0 abusive, 1 normal, 2 religious hate, 3 sexism, 4 profane",
            "roman-ur",
            ("0", "1", "2", "3", "4"),
            "macro_f1",
            _ruhsold(("0", "1", "2", "3", "4")),
            "macro-F1 0.69 (Rizwan et al. 2020, RomUrEm+CNN-gram)",
            extra_metrics=("accuracy",),
        ),
        DatasetSpec(
            "urdu-threat",
            "Urdu threatening tweets (Amjad et al. 2021): 1 threat, 0 not",
            "ur",
            ("0", "1"),
            "f1:1",
            _table(",", ("Tweets", "Tweet", "text"), ("label", "Threat"), ("0", "1")),
            "F1(threat) 0.49 (organisers' LR baseline on the official test set)",
            extra_metrics=("macro_f1", "accuracy"),
        ),
        DatasetSpec(
            "davidson",
            "Davidson et al. 2017: 0 hate, 1 offensive, 2 neither",
            "en",
            ("0", "1", "2"),
            "weighted_f1",
            _table(",", ("tweet", "text"), ("class",), ("0", "1", "2")),
            "weighted F1 0.90, hate-class F1 0.51 (authors' notebook)",
            extra_metrics=("f1:0", "macro_f1"),
        ),
        DatasetSpec(
            "olid-a",
            "OLID / OffensEval 2019 sub-task A: OFF vs NOT",
            "en",
            ("NOT", "OFF"),
            "macro_f1",
            _table("\t", ("tweet", "text"), ("subtask_a", "label"), ("NOT", "OFF")),
            "macro-F1 0.829 (NULI, BERT)",
        ),
        DatasetSpec(
            "hasoc-en-a",
            "HASOC 2019 English sub-task A: HOF vs NOT",
            "en",
            _HOF,
            "macro_f1",
            _table("\t", ("text",), ("task_1",), _HOF),
            "macro-F1 0.78 (best HASOC 2019 system)",
        ),
        DatasetSpec(
            "hasoc-hi-a",
            "HASOC 2019 Hindi sub-task A: HOF vs NOT",
            "hi",
            _HOF,
            "macro_f1",
            _table("\t", ("text",), ("task_1",), _HOF),
            "macro-F1 0.81 (best HASOC 2019 system)",
        ),
        DatasetSpec(
            "kaggle-insults",
            "Kaggle 'Detecting Insults in Social Commentary' (2012): 1 insult, 0 neutral",
            "en",
            ("0", "1"),
            "roc_auc:1",
            _kaggle,
            "no comparable published number (competition scored a private set by ROC-AUC)",
            extra_metrics=("macro_f1", "accuracy"),
        ),
        DatasetSpec(
            "sms-spam",
            "SMS Spam Collection v.1 (UCI): ham vs spam",
            "en",
            ("ham", "spam"),
            "accuracy",
            lambda path: read_label_tab_text(path, ("ham", "spam")),
            "accuracy 97.64% (Almeida et al. 2011, linear SVM; not re-verified)",
            extra_metrics=("f1:spam", "mcc"),
        ),
        DatasetSpec(
            "bend-the-truth",
            "Bend the Truth: Urdu news articles, Fake vs Real",
            "ur",
            ("Fake", "Real"),
            "f1:Fake",
            _table(",", ("text",), ("label",), ("Fake", "Real")),
            "F1(Fake) 0.87, F1(Real) 0.90 (AdaBoost, Amjad et al. 2020)",
            extra_metrics=("f1:Real", "macro_f1"),
        ),
        DatasetSpec(
            "trac-en-fb",
            "TRAC-1 English Facebook test: OAG / CAG / NAG aggression",
            "en",
            _TRAC,
            "weighted_f1",
            _table(",", ("text", "comment"), ("label", "aggression"), _TRAC, positional=(1, 2)),
            "weighted F1 0.64 (best TRAC-1 system)",
            licence_note="CC BY-NC-SA 4.0: evaluation only; no shipped model is trained on it",
        ),
        DatasetSpec(
            "trac-en-tw",
            "TRAC-1 English surprise (Twitter) test: OAG / CAG / NAG aggression",
            "en",
            _TRAC,
            "weighted_f1",
            _table(",", ("text", "comment"), ("label", "aggression"), _TRAC, positional=(1, 2)),
            "weighted F1 0.60 (best TRAC-1 system on the surprise set)",
            licence_note="CC BY-NC-SA 4.0: evaluation only; no shipped model is trained on it",
        ),
    )
}


def get_dataset(name: str) -> DatasetSpec:
    """The spec of a data set by its `hifazat eval` name."""
    try:
        return DATASETS[name]
    except KeyError:
        known = ", ".join(sorted(DATASETS))
        raise NotFoundError(f"unknown data set {name!r}", hint=f"known data sets: {known}") from None
