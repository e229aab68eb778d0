"""Learned classifiers: calibrated scores for harassment, hate, profanity, threats, spam and scams.

One linear model per language (hashed character + word n-grams, TF-IDF, logistic heads), trained
by `hifazat train` on the shared data sets and shipped as small artefacts with a manifest
(`core/models/learned/`). Items are routed by language: English, Roman Urdu and Urdu script each
have their own model (Devanagari goes to a small Hindi model); a mixed text is scored by each
model that applies and keeps the highest score per policy. `detect_batch` vectorises each
language's items once. Evidence spans are the words whose n-grams pushed hardest towards the
policy, mapped back to the original text. Names of public figures and parties are blanked before
scoring (`hifazat.core.classifiers.public_figures`): who is named must not decide a verdict.

Cascade: where the bundle has an embedding head for a language's head (see
`hifazat.core.classifiers.embedding_heads`), items whose n-gram probability falls in that head's
uncertain band are embedded with the bundled sentence embedder and get the blend of both
probabilities; every other item keeps its n-gram score, so the heavy stage sees only a small share
of the traffic. The stage costs milliseconds per embedded item, so it is off unless asked for
(`cascade=True`, `hifazat moderate --cascade`); `stats` counts what it did.

Coverage (what labelled data exists): English - harassment, hate, profanity, spam, scams;
Roman Urdu - harassment, hate (religious hate + sexism), profanity; Urdu script - threats.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.bundle import MANIFEST, PACKAGE, ModelBundle, default_bundle
from hifazat.core.classifiers.embedding_stage import EmbeddingStage
from hifazat.core.classifiers.hashed_features import TOKEN
from hifazat.core.classifiers.linear_model import LinearModel, sigmoid
from hifazat.core.classifiers.public_figures import blank_public_figures
from hifazat.core.detectors.base import Detector, Item
from hifazat.core.signals import Signal, Span

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN = re.compile(r"[a-z]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_SCAM_CUE = re.compile(
    r"\b(?:win|wins|won|winner|prize|claim|cash|reward|free|urgent|lottery|jackpot|bank|account|verify|"
    r"password|otp|pin|bonus|offer|guaranteed|call now|txt|inaam|inam|jeeta|jeetay|jeeto|paisay|paise|"
    r"rupay|rs|pkr|easypaisa|jazzcash)\b|[£$€]|انعام|جیت|پیسے|روپے|اکاؤنٹ"
)
VIOLENCE_CUE_UR = re.compile(
    r"(?<!\w)(?:مار|قتل|گولی\s+(?:مار|چلا)|گولیاں\s+(?:مار|چلا|برسا)|گولیوں\s+سے|گولہ|جلا|اگ\s+لگا|کاٹ|"
    r"نہیں\s+چھوڑ|چھوڑوں\s*گا|چھوڑیں\s*گے|انجام|سبق|توڑ|اغوا|اٹھا|خون|قبر|موت|بم|دھماک|"
    r"دھمکی|دھمکیاں|حملہ|حملے|لٹکا|پھانسی|ختم|تباہ|مٹا|برباد|سزا|بدلہ|جنگ|لاش|ذبح|زندہ|کچل|ٹکڑے|تیزاب|"
    r"زخمی|پیٹ|پٹائی|پھینٹی|دفن|ہتھیار|ایٹم|ایٹمی|حساب|جہاد|واجب|چھترول|لتر|ٹانگ|ہڈی|ہڈیاں|خیر\s+نہیں|"
    r"اسلحہ|بندوق|چاقو|چھری|ڈنڈ|نشانہ|نیست|ٹھکانے|دیکھ\s+لو|تڑپا|جہنم|"
    r"مر(?:و|یں|ے|نا|وں|ا|تا|تی|تے|نے|ین)?(?!\w))"
)
"""Urdu words of violence (on the normalised text): without one, the Urdu threat head's score is
reported as harassment (see `uncued` in `hifazat.training.policies`)."""
_EN_TARGET = re.compile(
    r"@\w|\b(?:you|u|ur|your|yours|youre|ya|yall|y'all|urself|yourself|he|she|him|her|his|hers|they|them|"
    r"their|theirs|this guy|this girl|these people|those people|people like|go back|bitch|whore|slut)\b"
)
"""A person or group being addressed or described: English harassment needs a target."""
_UNTARGETED = 0.6
HARASSMENT = "safety.harassment"
_MIN_SCORE = 0.25
"""Scores below this are not reported at all."""
_EVIDENCE_SCORE = 0.5
"""Evidence spans are attached to signals at or above this score."""
_MAX_SPANS = 3


def _packaged_version() -> str:
    try:
        text = resources.files(PACKAGE).joinpath(MANIFEST).read_text(encoding="utf-8")
        return str(json.loads(text)["version"])
    except (FileNotFoundError, KeyError, ValueError):
        return "missing"


def route(item: Item) -> tuple[str, ...]:
    """The language models an item goes to: by its language, with script checks for the rest."""
    text = item.norm.text
    lang = item.language
    if lang == "en":
        return ("en",)
    if lang == "roman-ur":
        return ("roman-ur",)
    if lang == "ur":
        return ("ur", "roman-ur") if _LATIN.search(text) else ("ur",)
    if lang == "mixed":
        return ("ur", "roman-ur") if _ARABIC.search(text) else ("roman-ur", "en")
    if _DEVANAGARI.search(text):
        return ("hi",)
    return ()


@dataclass(slots=True)
class CascadeStats:
    """Items that reached a language with an embedding head, and how many the band sent on."""

    items: int = 0
    embedded: int = 0

    @property
    def share(self) -> float:
        return self.embedded / self.items if self.items else 0.0


class LearnedDetector(Detector):
    """Calibrated learned scores per policy, for English, Roman Urdu and Urdu script."""

    name: ClassVar[str] = "learned"
    statistical: ClassVar[bool] = True
    version: ClassVar[str] = _packaged_version()

    def __init__(
        self,
        bundle: ModelBundle | None = None,
        *,
        min_score: float = _MIN_SCORE,
        cascade: bool = False,
        stage: EmbeddingStage | None = None,
    ) -> None:
        self.bundle = bundle or default_bundle()
        self.min_score = min_score
        heads = self.bundle.embedding
        self.stage: EmbeddingStage | None = None
        if cascade and heads is not None:
            self.stage = stage or EmbeddingStage(heads)
        self.stats = CascadeStats()
        self.policies: Mapping[str, Mapping[str, Mapping[str, Any]]] = self.bundle.policies
        self._directions: dict[tuple[str, str], NDArray[np.float32]] = {}
        self._word_scores: dict[tuple[str, str], _WordScores] = {}

    def detect(self, item: Item) -> list[Signal]:
        return self.detect_batch([item])[0]

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """Signals for many items; each language model vectorises its items once."""
        # item -> reported policy -> (score, language, the policy rule that gave it)
        best: dict[int, dict[str, tuple[float, str, str]]] = {}
        by_lang: dict[str, list[int]] = {}
        scored_texts: dict[
            int, str
        ] = {}  # item -> its normalised text with public figures blanked, made once
        for i, item in enumerate(items):
            for lang in route(item):
                if lang in self.bundle.models:
                    by_lang.setdefault(lang, []).append(i)
                    if i not in scored_texts:
                        scored_texts[i] = blank_public_figures(item.norm.text)
        for lang, idx in by_lang.items():
            model = self.bundle.models[lang]
            texts = [scored_texts[i] for i in idx]
            probs = model.predict(texts)
            if self.stage is not None:
                self._refine(lang, probs, [items[i].text for i in idx])
            for policy, rule in self.policies.get(lang, {}).items():
                scores = self._policy_scores(model, rule, probs)
                if policy == HARASSMENT and lang == "en":
                    # swearing at nobody ("this is fucking awesome") is not harassment
                    untargeted = [not _EN_TARGET.search(t) for t in texts]
                    scores = np.where(untargeted, scores * _UNTARGETED, scores)
                # a score under `min_score` is never reported, and never beats a reported one
                uncued = rule.get("uncued")
                if uncued is not None:
                    xs, ys = zip(*uncued["knots"], strict=True)
                for j in np.flatnonzero(scores >= self.min_score).tolist():
                    if "cue" in rule and not _SCAM_CUE.search(texts[j]):
                        continue
                    s = float(scores[j])
                    reported = policy
                    if uncued is not None and not VIOLENCE_CUE_UR.search(texts[j]):
                        reported = str(uncued["policy"])
                        s = float(np.interp(s, xs, ys))
                    found = best.setdefault(idx[j], {})
                    if s > found.get(reported, (-1.0, "", ""))[0]:
                        found[reported] = (s, lang, policy)
        out: list[list[Signal]] = []
        for i, item in enumerate(items):
            signals: list[Signal] = []
            out.append(signals)
            if i not in best:
                continue
            tokens: _Tokens | None = None
            for policy, (score, lang, source) in sorted(best[i].items()):
                spans: tuple[Span, ...] = ()
                if score >= _EVIDENCE_SCORE:
                    if tokens is None:
                        tokens = _Tokens(scored_texts[i])
                    spans = self._evidence(item, tokens, lang, source)
                score = min(1.0, max(0.0, score))
                signals.append(
                    Signal(
                        policy,
                        round(score, 4),
                        self.name,
                        self.version,
                        spans,
                        f"{lang}:{self._head(lang, source)}",
                    )
                )
        return out

    # -- scores -----------------------------------------------------------------------------
    def _refine(self, lang: str, probs: dict[str, NDArray[np.float32]], texts: list[str]) -> None:
        """The cascade: blend in the embedding head's probability for items in the uncertain band."""
        assert self.stage is not None
        heads = self.stage.heads
        if lang not in heads.cascade_languages():
            return
        self.stats.items += len(texts)
        band = np.zeros(len(texts), dtype=bool)
        refined: list[tuple[str, Any]] = []
        for (head_lang, name), head in heads.heads.items():
            if head_lang != lang or head.cascade is None or name not in probs:
                continue
            covered = head.cascade.covers(probs[name])
            band |= covered
            refined.append((name, covered))
        chosen = np.flatnonzero(band)
        if not len(chosen):
            return
        self.stats.embedded += len(chosen)
        vectors = self.stage.vectors(lang, [texts[j] for j in chosen])
        for name, covered in refined:
            head = heads.heads[(lang, name)]
            assert head.cascade is not None
            p_embedding = heads.probabilities(lang, name, vectors)
            blended = probs[name].astype(np.float32).copy()
            rows = covered[chosen]
            blended[chosen[rows]] = head.cascade.blend(probs[name][chosen[rows]], p_embedding[rows])
            probs[name] = blended

    @staticmethod
    def _policy_scores(
        model: LinearModel, rule: Mapping[str, Any], probs: Mapping[str, NDArray[np.float32]]
    ) -> NDArray[np.float64]:
        head = str(rule["head"])
        if "gate" not in rule:
            scores = probs[head].astype(np.float64)
            if "prior_shift" in rule:  # from the training class balance to the live one
                p = np.clip(scores, 1e-9, 1.0 - 1e-9)
                scores = sigmoid(np.log(p / (1.0 - p)) + float(rule["prior_shift"])).astype(np.float64)
            if "cap" in rule:  # the head alone may not reach a removal (see training/policies.py)
                scores = np.minimum(scores, float(rule["cap"]))
            return scores
        classes = model.heads[head].classes
        fine = probs[head].astype(np.float64)
        normal = classes.index(str(rule["normal"]))
        abusive_mass = np.maximum(1.0 - fine[:, normal], 1e-9)
        share = sum(fine[:, classes.index(str(c))] for c in rule["classes"]) / abusive_mass
        return np.asarray(probs[str(rule["gate"])], dtype=np.float64) * np.clip(share, 0.0, 1.0)

    def _head(self, lang: str, policy: str) -> str:
        return str(self.policies[lang][policy]["head"])

    # -- evidence ---------------------------------------------------------------------------
    def _direction(self, lang: str, policy: str) -> NDArray[np.float32]:
        key = (lang, policy)
        vec = self._directions.get(key)
        if vec is None:
            model = self.bundle.models[lang]
            rule = self.policies[lang][policy]
            if "gate" in rule:
                classes = [str(c) for c in rule["classes"]]
                fine = sum(model.direction(str(rule["head"]), c) for c in classes) / len(classes)
                vec = (model.direction(str(rule["gate"])) + fine).astype(np.float32)
            else:
                vec = model.direction(str(rule["head"]))
            self._directions[key] = vec
        return vec

    def _evidence(self, item: Item, tokens: _Tokens, lang: str, policy: str) -> tuple[Span, ...]:
        """The words that pushed hardest towards the policy, as spans of the original text."""
        key = (lang, policy)
        cache = self._word_scores.get(key)
        if cache is None:
            cache = self._word_scores[key] = _WordScores(
                self.bundle.models[lang], self._direction(lang, policy)
            )
        scores = list(map(cache.__getitem__, tokens.words))
        scored = [(k, s) for k, s in enumerate(scores) if s > 0]
        if not scored:
            return ()
        top = max(s for _, s in scored)
        chosen = sorted((w for w in scored if w[1] >= 0.3 * top), key=lambda w: -w[1])[:_MAX_SPANS]
        bounds = tokens.bounds(max(k for k, _ in chosen) + 1)
        spans = {item.norm.to_original(*bounds[k]) for k, _ in chosen}
        return tuple(sorted((s for s in spans if s.end > s.start), key=lambda s: s.start))


class _Tokens:
    """The feature tokens of one normalised text, their positions found only when asked for."""

    __slots__ = ("_bounds", "_matches", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = TOKEN.findall(text)
        self._bounds: list[tuple[int, int]] = []
        self._matches = TOKEN.finditer(text)

    def bounds(self, n: int) -> list[tuple[int, int]]:
        """`(start, end)` of (at least) the first `n` tokens in `text`."""
        found = self._bounds
        if len(found) < n:
            found.extend(m.span() for m in islice(self._matches, n - len(found)))
        return found


class _WordScores(dict[str, float]):
    """Word -> how hard its own features pull along one policy's direction, computed on first sight."""

    def __init__(self, model: LinearModel, direction: NDArray[np.float32]) -> None:
        super().__init__()
        self.model = model
        self.direction = direction

    def __missing__(self, word: str) -> float:
        if len(self) > 200_000:
            self.clear()
        score = self[word] = self.model.word_score(word, self.direction)
        return score
