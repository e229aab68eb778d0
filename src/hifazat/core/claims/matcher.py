"""Matching posts against known fact-checked claims, across English, Urdu and Roman Urdu.

For each post: embed it, take the nearest claims from the vector index, describe each candidate
with nine features (cosine, lead over the next different claim of the same language, IDF-weighted
lexical overlap both ways on word keys: bilingual-lexicon concepts, else transliteration-proof
skeletons; whether the post refutes, negates, negates a word it shares with the claim, or uses a
reversing word where the claim does not, and the overlap that remains when it does, so that a
debunk or an opposite quoting the claim is not taken for the claim; `calibration.FEATURES`),
turn them into a calibrated probability with the model of that language pair, and keep
only candidates above the pair's threshold.
Precision first: when nothing clears the threshold the matcher abstains (returns nothing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from hifazat.core.claims.calibration import Calibration
from hifazat.core.claims.embedder import Embedder, Vectors
from hifazat.core.claims.index import VectorIndex
from hifazat.core.claims.language import detect_language
from hifazat.core.claims.lexical import claim_tokens, overlap
from hifazat.core.claims.model import CLAIM_LANGUAGES, ClaimLanguage, ClaimMatch, FactCheck
from hifazat.core.claims.refutation import Cues, polarity_conflict, text_cues
from hifazat.core.errors import InvalidInputError

CANDIDATES = 20
"""Nearest claims scored per post."""
DUPLICATE = 0.95
"""Claims this similar to each other are the same claim (re-published); they do not compete."""
MAX_CHARS = 5_000
"""Longest post the matcher reads; the embedder sees only its first ~512 tokens anyway."""


def check_texts(texts: Sequence[str]) -> None:
    """Refuse empty or over-long texts with a clear message."""
    for text in texts:
        if not text.strip():
            raise InvalidInputError("the text to match is empty", message_ur="ملانے کے لیے متن خالی ہے")
        if len(text) > MAX_CHARS:
            raise InvalidInputError(
                f"the text is {len(text)} characters; the limit is {MAX_CHARS}",
                message_ur=f"متن {len(text)} حروف کا ہے؛ حد {MAX_CHARS} حروف ہے",
            )


@dataclass(frozen=True, slots=True)
class Background:
    """Reference claims every candidate must beat (its margin is measured against them too).

    Without it the margin feature would depend on how many claims a store holds: in a small store
    a post about polio would have no rival polio claim and look like a confident match.
    """

    vectors: NDArray[np.float32]
    languages: tuple[ClaimLanguage, ...]

    def mask(self, language: ClaimLanguage) -> NDArray[np.bool_]:
        """Which background claims are written in `language`."""
        return np.array([lang == language for lang in self.languages], dtype=bool)

    @classmethod
    def packaged(cls, embedder: str) -> Background | None:
        """The shipped background (the evaluation claims), if it was made by `embedder`."""
        source = resources.files("hifazat.core.claims").joinpath("background.npz")
        if not source.is_file():
            return None
        with source.open("rb") as handle:
            data = np.load(handle)
            if str(data["embedder"]) != embedder:
                return None
            codes = data["languages"].tolist()
            return cls(data["vectors"].astype(np.float32), tuple(CLAIM_LANGUAGES[int(c)] for c in codes))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One (post, claim) pair before calibration."""

    row: int
    post_language: ClaimLanguage
    claim_language: ClaimLanguage
    features: tuple[float, ...]
    """In the order of `calibration.FEATURES`."""


class ClaimMatcher:
    """Known claims in a vector index; `match` returns best-first calibrated matches or nothing."""

    def __init__(
        self,
        embedder: Embedder,
        calibration: Calibration | None = None,
        background: Background | None = None,
    ) -> None:
        self.embedder = embedder
        self.calibration = calibration if calibration is not None else Calibration.packaged()
        self.background = background if background is not None else Background.packaged(embedder.name)
        self.index = VectorIndex(embedder.dim)
        self._bg_masks: dict[ClaimLanguage, NDArray[np.bool_]] = {}
        self.factchecks: list[FactCheck] = []
        self._tokens: list[list[str]] = []
        self._cues: list[Cues] = []
        self._token_sets: list[frozenset[str]] = []
        self._df: dict[str, int] = {}
        self._idf: tuple[dict[str, float], float] | None = None

    def __len__(self) -> int:
        return len(self.factchecks)

    def embed_claims(self, factchecks: Sequence[FactCheck]) -> Vectors:
        """Passage embeddings of the claims (what storage keeps so that restarts need not re-embed)."""
        return self.embedder.embed(
            [f.claim for f in factchecks], [f.language for f in factchecks], query=False
        )

    def add(self, factchecks: Sequence[FactCheck], vectors: NDArray[np.floating] | None = None) -> None:
        """Index fact-checks; `vectors` (from `embed_claims`, maybe stored) skips embedding them again."""
        if vectors is None:
            vectors = self.embed_claims(factchecks)
        if len(vectors) != len(factchecks):
            raise ValueError("one vector per fact-check")
        self.index.add(vectors)
        self.factchecks.extend(factchecks)
        for factcheck in factchecks:
            tokens = claim_tokens(factcheck.claim)
            self._tokens.append(tokens)
            self._cues.append(text_cues(factcheck.claim))
            self._token_sets.append(frozenset(tokens))
            for token in set(tokens):
                self._df[token] = self._df.get(token, 0) + 1
        self._idf = None

    def idf(self) -> tuple[dict[str, float], float]:
        """Smoothed inverse document frequency of every word key over the stored claims."""
        if self._idf is None:
            n = len(self._tokens)
            table = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in self._df.items()}
            self._idf = (table, math.log(1 + n) + 1.0)
        return self._idf

    def candidates(
        self,
        vectors: Vectors,
        texts: Sequence[str],
        languages: Sequence[ClaimLanguage],
        k: int = CANDIDATES,
        *,
        prune: bool = True,
    ) -> list[list[Candidate]]:
        """Feature rows of the `k` nearest claims of each embedded post.

        With `prune`, candidates that cannot clear their threshold even with every word shared get
        lexical features of 0 (skipping the word comparison); calibration needs `prune=False`.
        """
        scores, rows = self.index.search(vectors, k)
        idf, unseen = self.idf()
        out: list[list[Candidate]] = []
        for post, (text, language, row_scores, row_ids) in enumerate(
            zip(texts, languages, scores, rows, strict=True)
        ):
            post_tokens = claim_tokens(text)
            post_cues = text_cues(text)
            post_set = frozenset(post_tokens)
            claim_vectors = self.index.vectors(row_ids)
            same = claim_vectors @ claim_vectors.T
            langs = [self.factchecks[int(r)].language for r in row_ids]
            floor = float(row_scores.min()) if len(row_scores) else 0.0
            bg_rivals = self._background_rivals(vectors[post], claim_vectors, langs)
            found: list[Candidate] = []
            for i, row in enumerate(row_ids):
                rivals = [
                    float(row_scores[j])
                    for j in range(len(row_ids))
                    if j != i and langs[j] == langs[i] and same[i, j] < DUPLICATE
                ]
                if bg_rivals[i] is not None:
                    rivals.append(bg_rivals[i])  # type: ignore[arg-type]
                cosine = float(row_scores[i])
                margin = cosine - (max(rivals) if rivals else floor)
                claim = self._cues[int(row)]
                refutes = float(post_cues.refutes and not claim.refutes)
                negates = float(post_cues.negates != claim.negates)
                contrast = float(post_cues.contrasts and not claim.contrasts)
                model = self.calibration.model(language, langs[i])
                bound = model.probability_bound(
                    (cosine, margin, 0.0, 0.0, refutes, negates, 0.0, contrast, 0.0), (2, 3, 6, 8), (0.0, 1.0)
                )
                if prune and bound < model.threshold:
                    # cannot match whatever the words: skip comparing them
                    features: tuple[float, ...] = (
                        cosine,
                        margin,
                        0.0,
                        0.0,
                        refutes,
                        negates,
                        0.0,
                        contrast,
                        0.0,
                    )
                else:
                    tokens = self._tokens[int(row)]
                    conflict = float(
                        polarity_conflict(
                            post_set, post_cues.negated, self._token_sets[int(row)], claim.negated
                        )
                    )
                    to_claim = overlap(post_tokens, tokens, idf, unseen)
                    to_post = overlap(tokens, post_tokens, idf, unseen)
                    reversed_ = max(refutes, conflict, contrast) * (to_claim + to_post) / 2
                    features = (
                        cosine,
                        margin,
                        to_claim,
                        to_post,
                        refutes,
                        negates,
                        conflict,
                        contrast,
                        reversed_,
                    )
                found.append(Candidate(int(row), language, langs[i], features))
            out.append(found)
        return out

    def _background_rivals(
        self, post: NDArray[np.float32], claims: NDArray[np.float32], languages: Sequence[ClaimLanguage]
    ) -> list[float | None]:
        """Per candidate claim: the best background score among its language, duplicates excluded."""
        if self.background is None or not len(claims):
            return [None] * len(languages)
        bg = self.background
        if not self._bg_masks:
            self._bg_masks = {lang: bg.mask(lang) for lang in CLAIM_LANGUAGES}
        post_scores = bg.vectors @ post
        duplicate = (claims @ bg.vectors.T) >= DUPLICATE
        out: list[float | None] = []
        for i, language in enumerate(languages):
            keep = self._bg_masks[language] & ~duplicate[i]
            out.append(float(post_scores[keep].max()) if keep.any() else None)
        return out

    def score(self, candidate: Candidate) -> float:
        """The calibrated probability that the post makes the candidate's claim."""
        model = self.calibration.model(candidate.post_language, candidate.claim_language)
        return model.probability(candidate.features)

    def match_batch(
        self, texts: Sequence[str], languages: Sequence[ClaimLanguage | None] | None = None, *, limit: int = 5
    ) -> list[list[ClaimMatch]]:
        """Matches for many posts at once (one embedding call, one index search)."""
        if languages is None:
            languages = [None] * len(texts)
        if len(languages) != len(texts):
            raise InvalidInputError(
                "give one language (or none) per text", message_ur="ہر متن کے لیے ایک زبان دیں (یا کوئی نہیں)"
            )
        check_texts(texts)
        langs: list[ClaimLanguage] = [
            lang or detect_language(t) for t, lang in zip(texts, languages, strict=True)
        ]
        if not self.factchecks or not texts:
            return [[] for _ in texts]
        vectors = self.embedder.embed(list(texts), langs, query=True)
        return self.match_embedded(vectors, texts, langs, limit=limit)

    def match_embedded(
        self, vectors: Vectors, texts: Sequence[str], languages: Sequence[ClaimLanguage], *, limit: int = 5
    ) -> list[list[ClaimMatch]]:
        """Matches for posts already embedded with this matcher's embedder (as queries)."""
        results: list[list[ClaimMatch]] = []
        if not self.factchecks:
            return [[] for _ in texts]
        for found in self.candidates(vectors, texts, languages):
            matches: list[ClaimMatch] = []
            seen: set[str] = set()
            for candidate in found:
                model = self.calibration.model(candidate.post_language, candidate.claim_language)
                probability = model.probability(candidate.features)
                factcheck = self.factchecks[candidate.row]
                if probability < model.threshold or factcheck.key in seen:
                    continue
                seen.add(factcheck.key)
                cosine, lexical = candidate.features[0], candidate.features[2]
                matches.append(
                    ClaimMatch(factcheck, round(probability, 4), round(cosine, 4), round(lexical, 4))
                )
            matches.sort(key=lambda m: -m.score)
            results.append(matches[:limit])
        return results

    def match(self, text: str, language: ClaimLanguage | None = None, *, limit: int = 5) -> list[ClaimMatch]:
        """Known claims `text` makes, best first; empty when none matches confidently."""
        return self.match_batch([text], [language], limit=limit)[0]
