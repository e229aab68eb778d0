"""Topic-grouped cross-validation: hold out whole clusters of texts to mimic a topic shift.

Plain stratified k-fold spreads every topic over every fold, so a model is always tested on
topics it was trained on. A kept-back test split collected at another time or by other queries is
not like that (the Urdu threat test split scores far below its validation split). Here the
training texts are clustered by the rarer words they share (word TF-IDF over words found in
at least 3 and at most 5 % of the texts, reduced to 100 dimensions, then k-means with a fixed seed)
and whole clusters are held out together (GroupKFold): each fold's test texts come from topics
the model did not see, and with them a different class balance. (Clustering by the sentence
embeddings instead was tried: a milder shift, see the manifest notes.)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupKFold

Folds = list[tuple[NDArray[np.int64], NDArray[np.int64]]]

CLUSTERS = 20
"""Topics per data set: enough that a fold holds out several, few enough that each is a real topic."""


def topic_clusters(
    vectors: NDArray[np.float32], *, clusters: int = CLUSTERS, seed: int = 0
) -> NDArray[np.int64]:
    """A cluster id per row (k-means on L2-normalised embeddings, deterministic for a seed)."""
    k = max(2, min(clusters, len(vectors) // 5))
    km = KMeans(n_clusters=k, n_init=4, random_state=seed)
    labels: NDArray[np.int64] = km.fit_predict(np.asarray(vectors, dtype=np.float64)).astype(np.int64)
    return labels


def word_topics(
    texts: list[str], *, clusters: int = CLUSTERS, dims: int = 100, seed: int = 0
) -> NDArray[np.int64]:
    """A cluster id per text, from the rarer words the texts share."""
    vectoriser = TfidfVectorizer(min_df=3, max_df=0.05, sublinear_tf=True)
    try:
        words = vectoriser.fit_transform(texts)
    except ValueError:  # no word is shared by three texts (tiny data): one topic per text
        return np.arange(len(texts), dtype=np.int64) % max(2, min(clusters, len(texts)))
    k = max(1, min(dims, words.shape[1] - 1, len(texts) - 1))
    reduced = TruncatedSVD(k, random_state=seed).fit_transform(words) if k >= 2 else words.toarray()
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return topic_clusters((reduced / norms).astype(np.float32), clusters=clusters, seed=seed)


def topic_folds(groups: NDArray[np.int64], folds: int = 5) -> Folds:
    """(train, test) row indices with whole clusters held out together."""
    n_folds = min(folds, len(set(groups.tolist())))
    splitter = GroupKFold(n_splits=n_folds)
    return [
        (train.astype(np.int64), test.astype(np.int64))
        for train, test in splitter.split(np.zeros(len(groups)), groups=groups)
    ]
