"""Train the Roman-Urdu-vs-English word model that `hifazat.core.text.langid` ships.

Run: `python -m hifazat.training.langid [--datasets ../shared/datasets]`

Data (train files only; validation is carved out deterministically, the kept-back test sets are
never read):
- Roman Urdu: RUHSOLD task-1 train (validation: its task-1 validation file), and TRAC-1 Hindi-English
  train rows without Devanagari (Roman Hindustani is written like Roman Urdu; validation: TRAC-1 dev).
- English: OLID, Davidson et al., Kaggle insults, UCI SMS spam (each split 80/20 by a hash of the text).

Every text is normalised exactly as at run time and reduced to its lowercase ASCII words, then a
`CountVectorizer(char_wb, 1-4)` + `LogisticRegression` is fitted. Because the features are counts of
n-grams inside words, the model is stored as `n-gram -> weight` (small weights pruned) and scored
word by word at run time. The manifest records data hashes, parameters and held-out accuracy.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from hifazat.core.text.langid import LangIdModel, identify
from hifazat.core.text.normalise import normalise
from hifazat.core.text.script import LATIN_WORD

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "core" / "text"
DEFAULT_DATASETS = Path(__file__).resolve().parents[4] / "shared" / "datasets"

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_NOISE_WORDS = frozenset({"user", "url", "rt", "amp", "http", "https", "www", "com"})
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")

NGRAM_RANGE = (1, 4)
MIN_DF = 3
C = 0.5
PRUNE_BELOW = 0.02
WORD_THRESHOLD = 1.0
ENGLISH_VALIDATION_SHARE = 0.2

PARAMS: dict[str, object] = {
    "analyzer": "char_wb",
    "ngram_range": list(NGRAM_RANGE),
    "min_df": MIN_DF,
    "C": C,
    "class_weight": "balanced",
    "prune_below": PRUNE_BELOW,
    "word_threshold": WORD_THRESHOLD,
    "english_validation_share": ENGLISH_VALIDATION_SHARE,
}


def clean_words(text: str) -> list[str]:
    """The lowercase ASCII words of a text after run-time normalisation (no URLs, mentions, RT)."""
    text = _MENTION.sub(" ", _URL.sub(" ", text))
    return [w for w in LATIN_WORD.findall(normalise(text).text) if w not in _NOISE_WORDS]


def _rows(path: Path, delimiter: str, skip_header: bool) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL if delimiter == "," else 3)
        if skip_header:
            next(reader, None)
        yield from reader


def _is_validation(text: str, share: float) -> bool:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return digest[0] / 256 < share


def load_corpora(root: Path) -> tuple[dict[str, list[str]], dict[str, Path]]:
    """Texts per split: `ru_train`, `ru_val`, `en_train`, `en_val`; and the files read."""
    files = {
        "ruhsold_train": root / "ruhsold_roman_urdu" / "task_1_train.dedup_vs_test.tsv",
        "ruhsold_val": root / "ruhsold_roman_urdu" / "task_1_validation.dedup_vs_test.tsv",
        "trac_hi_train": root / "trac1_aggression_en_hi" / "agr_hi_train.dedup_vs_test.csv",
        "trac_hi_dev": root / "trac1_aggression_en_hi" / "agr_hi_dev.dedup_vs_test.csv",
        "olid": root / "olid_offenseval2019" / "olid-training-v1.0.dedup_vs_test.tsv",
        "davidson": root / "davidson2017_hate_offensive" / "labeled_data.train80.csv",
        "kaggle": root / "kaggle_insults_2012" / "train.dedup_vs_test.csv",
        "sms": root / "sms_spam_uci" / "SMSSpamCollection.train80.tsv",
    }
    out: dict[str, list[str]] = {"ru_train": [], "ru_val": [], "en_train": [], "en_val": []}
    for key, split in (("ruhsold_train", "ru_train"), ("ruhsold_val", "ru_val")):
        out[split] += [r[0] for r in _rows(files[key], "\t", False) if r]
    for key, split in (("trac_hi_train", "ru_train"), ("trac_hi_dev", "ru_val")):
        out[split] += [
            r[1] for r in _rows(files[key], ",", False) if len(r) > 1 and not _DEVANAGARI.search(r[1])
        ]
    english: list[str] = []
    english += [r[1] for r in _rows(files["olid"], "\t", True) if len(r) > 1]
    english += [r[6] for r in _rows(files["davidson"], ",", True) if len(r) > 6]
    english += [
        codecs.decode(r[2].strip('"'), "unicode_escape", errors="ignore")
        for r in _rows(files["kaggle"], ",", True)
        if len(r) > 2
    ]
    english += [r[1] for r in _rows(files["sms"], "\t", True) if len(r) > 1]
    for text in english:
        out["en_val" if _is_validation(text, ENGLISH_VALIDATION_SHARE) else "en_train"].append(text)
    return out, files


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(root: Path) -> dict[str, object]:
    """Fit, prune, evaluate and write `langid_model.npz` + `langid_manifest.json`."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    corpora, files = load_corpora(root)
    docs: dict[str, list[str]] = {}
    for split, texts in corpora.items():
        docs[split] = [" ".join(ws) for ws in map(clean_words, texts) if len(ws) >= 2]
    x_text = docs["ru_train"] + docs["en_train"]
    y = np.array([1] * len(docs["ru_train"]) + [0] * len(docs["en_train"]))
    lo, hi = NGRAM_RANGE
    vec = CountVectorizer(analyzer="char_wb", ngram_range=(lo, hi), min_df=MIN_DF, lowercase=False)
    x = vec.fit_transform(x_text)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    clf.fit(x, y)
    coef = clf.coef_[0]
    keep = np.abs(coef) >= PRUNE_BELOW
    vocab = np.array(vec.get_feature_names_out())
    grams, weights = vocab[keep], coef[keep].astype(np.float32)
    bias = float(clf.intercept_[0])
    np.savez_compressed(
        PACKAGE_DIR / "langid_model.npz", ngrams=grams.astype("<U4"), weights=weights, bias=np.float32(bias)
    )
    model = LangIdModel(
        dict(zip(grams.tolist(), weights.tolist(), strict=True)), bias, lo, hi, WORD_THRESHOLD
    )
    metrics = evaluate(model, corpora)
    manifest = {
        "artefact": "langid_model.npz",
        "task": "Roman Urdu (+ Roman Hindustani) vs English, per word, Latin script only",
        "data": {
            k: {"path": str(p.relative_to(root.parent)), "sha256": _sha256(p)} for k, p in files.items()
        },
        "params": PARAMS,
        "sizes": {k: len(v) for k, v in docs.items()},
        "features_kept": int(keep.sum()),
        "features_total": len(coef),
        "bias": bias,
        "validation": metrics,
    }
    (PACKAGE_DIR / "langid_manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def evaluate(model: LangIdModel, corpora: dict[str, list[str]]) -> dict[str, object]:
    """Held-out accuracy: of the raw model, and of `identify()` (where `mixed` counts as wrong)."""
    result: dict[str, object] = {}
    for split, label in (("ru_val", "roman-ur"), ("en_val", "en")):
        texts = [t for t in corpora[split] if len(clean_words(t)) >= 2]
        raw_ok = sum((model.text_score(clean_words(t)) > 0) == (label == "roman-ur") for t in texts)
        langs = [identify(normalise(t), model) for t in texts]
        result[split] = {
            "n": len(texts),
            "model_accuracy": round(raw_ok / len(texts), 4),
            "identify_accuracy": round(sum(lang == label for lang in langs) / len(texts), 4),
            "identify_mixed_share": round(sum(lang == "mixed" for lang in langs) / len(texts), 4),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args()
    manifest = train(args.datasets)
    print(json.dumps({k: manifest[k] for k in ("sizes", "features_kept", "validation")}, indent=2))


if __name__ == "__main__":
    main()
