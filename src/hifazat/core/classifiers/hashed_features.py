"""Hashed n-gram features of normalised text, shared by training and inference.

A text is split into tokens (runs of letters/digits of any script, or single symbols such as
emoji). Each word contributes its character 1–5-grams padded with spaces (scikit-learn's `char_wb`
scheme) and itself as a word unigram; neighbouring words contribute word bigrams. With
`skeletons`, a Latin word also contributes its consonant skeleton (`bohat`, `bohot`, `bht` -> `bht`),
which ties together the many spellings of one Roman Urdu word. Every feature
string is hashed with CRC-32 into `2**n_bits` columns, so an artefact needs no vocabulary and holds
no text. The features of a word are cached, so repeated words cost one dictionary look-up.
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from hifazat.core.classifiers.gram_hashes import ascii_gram_hashes

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|pk|net|org|ly|co|io|me)(?:/\S*)?")
_MENTION = re.compile(r"@\w+")
TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
"""A word (letters and digits of any script, marks included) or one symbol (punctuation, emoji)."""

_CACHE_LIMIT = 400_000
_VECTORISE_FROM = 16
_VECTORISE_CHUNK = 1024
"""New ASCII words in one batch from which their n-grams are hashed together (`gram_hashes`)."""
_VOWEL_RUNS = re.compile(r"(?<=.)[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """A Latin word's consonant skeleton: vowels after the first letter dropped, repeats squeezed."""
    return _REPEATS.sub(r"\1", _VOWEL_RUNS.sub("", word))


def prepare(text: str) -> str:
    """Feature-level clean-up of normalised text: HTML entities, URLs and @mentions become placeholders."""
    if "&" in text:
        text = html.unescape(text)
    if "@" in text:
        text = _MENTION.sub(" @user ", text)
    if "." in text:
        text = _URL.sub(" httpurl ", text)
    return text


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """How texts become hashed features. Stored in the manifest; training and inference share it."""

    char_min: int = 1
    char_max: int = 5
    word_bigrams: bool = True
    n_bits: int = 20
    skeletons: bool = False
    """Add each Latin word's consonant skeleton as one more feature (Roman Urdu spelling variants)."""

    @property
    def n_features(self) -> int:
        return 1 << self.n_bits

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureSpec:
        return cls(
            char_min=int(data["char_min"]),
            char_max=int(data["char_max"]),
            word_bigrams=bool(data["word_bigrams"]),
            n_bits=int(data["n_bits"]),
            skeletons=bool(data.get("skeletons", False)),
        )


def char_grams(word: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of a word padded with spaces (as scikit-learn's `char_wb`)."""
    padded = f" {word} "
    size = len(padded)
    if size < lo:
        return [padded]
    return [padded[i : i + n] for n in range(lo, min(hi, size) + 1) for i in range(size - n + 1)]


@cache
def _gram_slices(padded_len: int, spec: FeatureSpec) -> tuple[slice, ...]:
    """The slices `char_grams` takes of a padded word of this length, in the same order."""
    if padded_len < spec.char_min:
        return (slice(0, padded_len),)
    return tuple(
        slice(i, i + n)
        for n in range(spec.char_min, min(spec.char_max, padded_len) + 1)
        for i in range(padded_len - n + 1)
    )


_BIGRAM_MIX = np.int64(0x9E3779B1)

CsrArrays = tuple[NDArray[np.float32], NDArray[np.int64], NDArray[np.int64]]
"""The `(data, indices, indptr)` arrays of a CSR matrix."""


class _WordFeatures(dict[str, tuple[NDArray[np.int64], int, int]]):
    """Word -> (its feature columns, its 32-bit key for bigrams, how many columns), on first sight.

    A dict subclass so that a cached word costs one C-level look-up (`__missing__` runs only for
    new words)."""

    def __init__(self, spec: FeatureSpec) -> None:
        super().__init__()
        self.spec = spec
        self.mask = spec.n_features - 1

    def __missing__(self, word: str) -> tuple[NDArray[np.int64], int, int]:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        spec = self.spec
        mask = self.mask
        crc32 = zlib.crc32
        cols: list[int]
        if not word.isalnum():
            cols = []
            key = crc32(("\x02" + word).encode("utf-8"))
        elif word.isascii():  # one UTF-8 byte per character: hash byte slices, as `char_grams` cuts them
            padded = b" " + word.encode("ascii") + b" "
            cols = [crc32(g) & mask for g in map(padded.__getitem__, _gram_slices(len(padded), spec))]
            key = crc32(b"\x01" + padded[1:-1])
        else:
            cols = [crc32(f.encode("utf-8")) & mask for f in char_grams(word, spec.char_min, spec.char_max)]
            key = crc32(("\x01" + word).encode("utf-8"))
        if spec.skeletons and len(word) > 2 and word.isascii() and word.isalnum():
            cols.append(crc32(("\x03" + skeleton(word)).encode("utf-8")) & mask)
        cols.append(key & mask)
        entry = (np.array(cols, dtype=np.int64), key, len(cols))
        self[word] = entry
        return entry

    def add_many(self, words: Iterable[str]) -> None:
        """Compute the entries of the new ASCII words among `words` in one vectorised pass (the same
        entries `__missing__` would make one by one; other new words are left to it)."""
        spec = self.spec
        if spec.char_min > 3:
            return
        new = [w for w in dict.fromkeys(words) if w not in self and w.isascii() and w.isalnum()]
        if len(new) < _VECTORISE_FROM:
            return
        if len(self) + len(new) > _CACHE_LIMIT:
            self.clear()
        for i in range(0, len(new), _VECTORISE_CHUNK):  # bounded temporary arrays
            self._add_ascii(new[i : i + _VECTORISE_CHUNK])

    def _add_ascii(self, new: list[str]) -> None:
        spec = self.spec
        crc, per_word = ascii_gram_hashes(new, spec.char_min, spec.char_max)
        crc32 = zlib.crc32
        mask = self.mask
        keys = [crc32(b"\x01" + w.encode("ascii")) for w in new]
        extras: list[list[int]] = []
        for w, key in zip(new, keys, strict=True):
            extra = [key & mask]
            if spec.skeletons and len(w) > 2:
                extra.insert(0, crc32(("\x03" + skeleton(w)).encode("utf-8")) & mask)
            extras.append(extra)
        n_extra = np.fromiter(map(len, extras), dtype=np.int64, count=len(new))
        sizes = per_word + n_extra
        ends = np.cumsum(sizes)
        out = np.empty(int(ends[-1]), dtype=np.int64)
        extra_before = np.cumsum(n_extra) - n_extra
        # each word's block: its n-gram columns, then its extras (skeleton, word key)
        out[np.arange(len(crc), dtype=np.int64) + np.repeat(extra_before, per_word)] = crc & np.uint32(mask)
        within = np.arange(int(n_extra.sum()), dtype=np.int64) - np.repeat(extra_before, n_extra)
        out[np.repeat(ends - n_extra, n_extra) + within] = [v for extra in extras for v in extra]
        for w, key, cols, size in zip(
            new, keys, np.split(out, ends[:-1].tolist()), sizes.tolist(), strict=True
        ):
            self[w] = (cols, key, size)


class HashedFeatures:
    """Turns texts into sparse hashed count matrices (rows = texts)."""

    def __init__(self, spec: FeatureSpec) -> None:
        self.spec = spec
        self._mask = spec.n_features - 1
        self._words = _WordFeatures(spec)

    def word_columns(self, word: str) -> NDArray[np.int64]:
        """Columns of one word's own features (its character n-grams and the word itself)."""
        return self._words[word][0]

    def tokens(self, text: str) -> list[str]:
        """The tokens features are made of (after `prepare`)."""
        return TOKEN.findall(prepare(text))

    def columns(self, text: str) -> NDArray[np.int64]:
        """All feature columns of one text, with repeats (one entry per occurrence)."""
        toks = self.tokens(text)
        if not toks:
            return np.zeros(0, dtype=np.int64)
        entries = list(map(self._words.__getitem__, toks))
        parts = [e[0] for e in entries]
        if self.spec.word_bigrams and len(toks) > 1:
            keys = np.fromiter((e[1] for e in entries), dtype=np.int64, count=len(entries))
            parts.append(self._bigrams(keys))
        return np.concatenate(parts)

    def _bigrams(self, keys: NDArray[np.int64]) -> NDArray[np.int64]:
        """Columns of word bigrams from consecutive words' 32-bit keys (no string per bigram)."""
        mixed = (keys[:-1] * _BIGRAM_MIX) ^ (keys[1:] + np.int64(0x5BD1E995))
        out: NDArray[np.int64] = (mixed ^ (mixed >> 29)) & self._mask
        return out

    def count_arrays(self, texts: Sequence[str] | Iterable[str]) -> CsrArrays:
        """`counts` as its CSR arrays `(data, indices, indptr)`, without the scipy matrix (whose
        construction checks cost more than the arithmetic on a few short texts)."""
        lookup = self._words.__getitem__
        findall = TOKEN.findall
        token_lists = [findall(prepare(text)) for text in texts]
        self._words.add_many(chain.from_iterable(token_lists))
        entries: list[tuple[NDArray[np.int64], int, int]] = []
        tokens_per_row: list[int] = []
        for toks in token_lists:
            tokens_per_row.append(len(toks))
            entries.extend(map(lookup, toks))
        n_rows = len(tokens_per_row)
        token_row = np.repeat(np.arange(n_rows, dtype=np.int64), tokens_per_row)
        if entries:
            cols = np.concatenate([e[0] for e in entries])
            per_token = np.fromiter(map(itemgetter(2), entries), dtype=np.int64, count=len(entries))
            rows = np.repeat(token_row, per_token)
        else:
            cols = rows = np.zeros(0, dtype=np.int64)
        if self.spec.word_bigrams and len(entries) > 1:
            keys = np.fromiter(map(itemgetter(1), entries), dtype=np.int64, count=len(entries))
            same = token_row[:-1] == token_row[1:]
            cols = np.concatenate([cols, self._bigrams(keys)[same]])
            rows = np.concatenate([rows, token_row[:-1][same]])
        return self._canonical(rows, cols, n_rows)

    def counts(self, texts: Sequence[str] | Iterable[str]) -> sparse.csr_matrix:
        """A (texts x 2**n_bits) matrix of raw feature counts, float32 (canonical CSR).

        Works on the whole batch at once: the per-word column arrays are concatenated, bigram
        columns are computed for every pair of neighbouring tokens of the same text, and repeats
        are summed row by row.
        """
        data, indices, indptr = self.count_arrays(texts)
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, self.spec.n_features))
        matrix.has_canonical_format = True
        return matrix

    def _canonical(self, rows: NDArray[np.int64], cols: NDArray[np.int64], n_rows: int) -> CsrArrays:
        """The canonical CSR arrays of (row, column) occurrences: columns sorted within each row,
        repeats summed. One sort of `row << n_bits | column` does what `sum_duplicates` does row by row
        (same indices, same float32 counts, same order), several times faster."""
        bits = self.spec.n_bits
        flat = np.sort((rows << bits) | cols)
        n = len(flat)
        first = np.ones(n, dtype=bool)
        np.not_equal(flat[1:], flat[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        data = np.diff(starts, append=n).astype(np.float32)
        unique = flat[starts]
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(unique >> bits, minlength=n_rows), out=indptr[1:])
        indices = unique & self._mask
        return data, indices, indptr


def tfidf(counts: sparse.csr_matrix, idf: NDArray[np.float32]) -> sparse.csr_matrix:
    """Sublinear TF (1 + log count) times IDF, rows scaled to unit L2 norm (zero rows stay zero).

    On a canonical matrix (what `counts` makes) the arithmetic runs on the arrays directly
    (`tfidf_arrays`): the same float32 operations, in the same order, as `_tfidf_scipy`, without the
    intermediate sparse matrices."""
    if counts.has_canonical_format:
        found = tfidf_arrays((counts.data, counts.indices, counts.indptr), idf)
        if found is not None:
            x = sparse.csr_matrix(found, shape=counts.shape)
            x.has_canonical_format = True
            return x
    return _tfidf_scipy(counts, idf)


def tfidf_arrays(counts: CsrArrays, idf: NDArray[np.float32]) -> CsrArrays | None:
    """`tfidf` on the arrays of a canonical count matrix; None where only scipy's own operations give
    its exact result (a square underflowed to zero, which scipy drops before summing).

    Zeros are dropped (`eliminate_zeros`) and squares summed per row by `np.add.reduceat`, as scipy's
    row sum does."""
    raw, indices, indptr = counts
    data = (np.float32(1.0) + np.log(raw)) * idf[indices]  # float32, as scipy computes it
    nonzero = data != 0
    if not nonzero.all():  # `eliminate_zeros`
        kept_before = np.zeros(len(data) + 1, dtype=np.int64)
        np.cumsum(nonzero, out=kept_before[1:])
        data, indices, indptr = data[nonzero], indices[nonzero], kept_before[indptr]
    squares = data * data
    if not squares.all():
        return None
    n_rows = len(indptr) - 1
    sq = np.zeros(n_rows, dtype=squares.dtype)
    rows = np.flatnonzero(np.diff(indptr))
    if len(rows):
        sq[rows] = np.add.reduceat(squares, indptr[rows].astype(np.intp))
    norms = np.sqrt(sq, dtype=np.float64)
    norms[norms == 0] = 1.0
    data *= np.repeat((1.0 / norms).astype(np.float32), np.diff(indptr))
    return data, indices, indptr


def _tfidf_scipy(counts: sparse.csr_matrix, idf: NDArray[np.float32]) -> sparse.csr_matrix:
    """`tfidf` through scipy's sparse operations (any CSR matrix)."""
    x = counts.copy()
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    x.eliminate_zeros()
    sq = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    norms = np.sqrt(sq, dtype=np.float64)
    norms[norms == 0] = 1.0
    scale = np.repeat((1.0 / norms).astype(np.float32), np.diff(x.indptr))
    x.data *= scale
    return x
