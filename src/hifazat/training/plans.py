"""Which heads each language model has, what they learn from, and how labels map to targets.

A head's rows come from one or more corpora; a label function turns a corpus example into the
head's target (or `None` to leave the example out of that head). Heads trained on the union of the
English sets generalise to new English data much better than heads trained on one set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hifazat.core.classifiers.hashed_features import FeatureSpec
from hifazat.training.corpora import Example
from hifazat.training.embedding_heads import EmbeddingHeadRecipe
from hifazat.training.heads import Method

LabelFn = Callable[[str, Example], str | None]
"""(corpus name, example) -> target class name, or None to skip the example."""


@dataclass(frozen=True, slots=True)
class HeadRecipe:
    name: str
    kind: str
    classes: tuple[str, ...]
    label: LabelFn
    description: str
    method: Method = "lr"
    C: float = 4.0
    class_weight: str | None = None


@dataclass(frozen=True, slots=True)
class LanguageRecipe:
    language: str
    corpora: tuple[str, ...]
    heads: tuple[HeadRecipe, ...]
    min_df: int = 2
    extra: dict[str, str] = field(default_factory=dict)
    features: FeatureSpec = field(default_factory=FeatureSpec)
    """How this language's texts become hashed features (stored in the manifest)."""
    embedding_heads: tuple[EmbeddingHeadRecipe, ...] = ()
    """Heads that get a second-stage head on sentence embeddings (the cascade)."""


def _offensive(corpus: str, ex: Example) -> str | None:
    lab = ex.labels
    if corpus == "olid":
        return "1" if lab["subtask_a"] == "OFF" else "0"
    if corpus == "hasoc_en":
        return "1" if lab["task_1"] == "HOF" else "0"
    if corpus == "davidson":
        return "0" if lab["class"] == "2" else "1"
    if corpus == "kaggle_insults":
        return lab["insult"]
    return None


def _hate(corpus: str, ex: Example) -> str | None:
    lab = ex.labels
    if corpus == "davidson":
        return "1" if lab["class"] == "0" else "0"
    if corpus == "hasoc_en":
        return "1" if lab["task_2"] == "HATE" else "0"
    if corpus == "cyberbullying":
        kind = lab["cyberbullying_type"]
        if kind in ("ethnicity", "religion"):
            return "1"
        return "0" if kind == "not_cyberbullying" else None
    if corpus == "olid":
        # Insults aimed at one person are hard negatives for hate (which targets a group).
        return "0" if lab["subtask_a"] == "NOT" or lab["subtask_c"] == "IND" else None
    if corpus == "kaggle_insults":
        return "0"
    return None


def _harassment(corpus: str, ex: Example) -> str | None:
    lab = ex.labels
    if corpus == "kaggle_insults":
        return lab["insult"]
    if corpus == "olid":
        if lab["subtask_a"] == "NOT":
            return "0"
        return "1" if lab["subtask_c"] == "IND" else None
    if corpus == "hasoc_en":
        if lab["task_1"] == "NOT":
            return "0"
        return "1" if lab["task_2"] == "OFFN" else None
    if corpus == "cyberbullying":
        kind = lab["cyberbullying_type"]
        if kind == "not_cyberbullying":
            return "0"
        return "1" if kind in ("age", "gender", "other_cyberbullying") else None
    if corpus == "davidson":
        return "0" if lab["class"] == "2" else None
    return None


def _profanity(corpus: str, ex: Example) -> str | None:
    lab = ex.labels
    if corpus == "olid":
        if lab["subtask_a"] == "NOT":
            return "0"
        return "1" if lab["subtask_b"] == "UNT" else None
    if corpus == "hasoc_en":
        if lab["task_1"] == "NOT":
            return "0"
        return "1" if lab["task_2"] == "PRFN" else None
    if corpus == "davidson":
        return {"1": "1", "2": "0"}.get(lab["class"])
    return None


def _only(corpus_name: str, column: str) -> LabelFn:
    def label(corpus: str, ex: Example) -> str | None:
        return ex.labels[column] or None if corpus == corpus_name else None

    return label


ENGLISH = LanguageRecipe(
    "en",
    ("olid", "hasoc_en", "davidson", "kaggle_insults", "sms_spam", "cyberbullying"),
    (
        HeadRecipe(
            "offensive",
            "binary",
            ("0", "1"),
            _offensive,
            "offensive or not, on the union of OLID, HASOC, Davidson and Kaggle insults",
            C=2.0,
        ),
        HeadRecipe(
            "harassment",
            "binary",
            ("0", "1"),
            _harassment,
            "insults and bullying aimed at a person (Kaggle, OLID TIN/IND, HASOC OFFN, cyberbullying)",
        ),
        HeadRecipe(
            "hate",
            "binary",
            ("0", "1"),
            _hate,
            "hate against a group (Davidson hate, HASOC HATE, cyberbullying ethnicity/religion)",
        ),
        HeadRecipe(
            "profanity",
            "binary",
            ("0", "1"),
            _profanity,
            "vulgar language without a target (Davidson offensive, HASOC PRFN, OLID UNT)",
        ),
        HeadRecipe(
            "olid",
            "binary",
            ("NOT", "OFF"),
            _only("olid", "subtask_a"),
            "OLID sub-task A only, NB-LR",
            method="nblr",
            C=4.0,
        ),
        HeadRecipe(
            "hasoc", "binary", ("NOT", "HOF"), _only("hasoc_en", "task_1"), "HASOC 2019 English task 1 only"
        ),
        HeadRecipe(
            "davidson",
            "multiclass",
            ("0", "1", "2"),
            _only("davidson", "class"),
            "Davidson hate / offensive / neither",
            C=4.0,
        ),
        HeadRecipe(
            "davidson_neither",
            "binary",
            ("0", "1"),
            lambda corpus, ex: ("1" if ex.labels["class"] == "2" else "0") if corpus == "davidson" else None,
            "Davidson 'neither' (class 2) against hate + offensive, NB-LR; sharpens the Davidson task",
            method="nblr",
            C=4.0,
        ),
        HeadRecipe("insult", "binary", ("0", "1"), _only("kaggle_insults", "insult"), "Kaggle insults only"),
        HeadRecipe("spam", "binary", ("ham", "spam"), _only("sms_spam", "label"), "SMS spam", C=20.0),
    ),
    min_df=3,
    # Sentence embeddings add what character n-grams miss on tweets (OLID, HASOC); only the
    # data-set heads get one, so `hifazat train` embeds those two sets and no more (an English
    # tweet costs about 70 ms of one core to embed).
    embedding_heads=(EmbeddingHeadRecipe("olid", C=2.0), EmbeddingHeadRecipe("hasoc", C=2.0)),
)


def _ruhsold_or_ordinary(column: str) -> LabelFn:
    """RUHSOLD's label, and "1" (normal) for the hand-written ordinary Roman Urdu comments."""

    def label(corpus: str, ex: Example) -> str | None:
        if corpus in ("ruhsold", "ordinary_roman_ur"):
            return ex.labels[column] or None
        return None

    return label


ROMAN_URDU = LanguageRecipe(
    "roman-ur",
    ("ruhsold", "ordinary_roman_ur"),
    (
        HeadRecipe(
            "abusive",
            "binary",
            ("1", "0"),
            _ruhsold_or_ordinary("coarse"),
            "RUHSOLD abusive (0) vs normal (1) and ordinary comments (normal), NB-LR",
            method="nblr",
            C=32.0,
        ),
        HeadRecipe(
            "ruhsold",
            "multiclass",
            ("0", "1", "2", "3", "4"),
            _ruhsold_or_ordinary("fine"),
            "RUHSOLD 5 classes and ordinary comments (normal)",
            C=10.0,
            class_weight="balanced",
        ),
    ),
    features=FeatureSpec(skeletons=True),
)


def _threat(corpus: str, ex: Example) -> str | None:
    if corpus == "urdu_threat":
        return ex.labels["label"] or None
    return "0" if corpus in ("urdu_news", "ordinary_ur") else None  # ordinary Urdu: never a threat


URDU = LanguageRecipe(
    "ur",
    ("urdu_threat", "urdu_news", "ordinary_ur"),
    (
        HeadRecipe(
            "threat",
            "binary",
            ("0", "1"),
            _threat,
            "Urdu threatening tweets against non-threats, news sentences and ordinary comments, NB-LR",
            method="nblr",
            C=16.0,
        ),
    ),
    embedding_heads=(EmbeddingHeadRecipe("threat", C=4.0),),
)

HINDI = LanguageRecipe(
    "hi",
    ("hasoc_hi",),
    (
        HeadRecipe(
            "hasoc_hi", "binary", ("NOT", "HOF"), _only("hasoc_hi", "task_1"), "HASOC 2019 Hindi task 1"
        ),
    ),
)

RECIPES: tuple[LanguageRecipe, ...] = (ENGLISH, ROMAN_URDU, URDU, HINDI)
