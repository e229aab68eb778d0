"""Rumour clusters: posts that spread the same claim — copied, re-worded or translated — grouped so a
reviewer decides one cluster instead of a thousand items.

A post joins a cluster when

1. it matched the same known fact-check (the strongest evidence, and it works across languages), or
2. it is a near copy of the cluster's first post: cosine ≥ `copy_cosine`, or cosine ≥ `reworded_cosine`
   with most content words shared (transliteration-proof skeletons, so Urdu and Roman Urdu copies
   count), or a translation: a different language and cosine ≥ `translated_cosine`.

Thresholds lean to precision: two different rumours merged would let one decision hit the wrong
posts. A cluster is *spreading* when at least `burst` of its posts arrived within `window`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from numpy.typing import NDArray

from hifazat.core.claims.index import VectorIndex
from hifazat.core.claims.lexical import overlap, skeleton_tokens
from hifazat.core.claims.model import ClaimLanguage


@dataclass(slots=True)
class RumourCluster:
    """Posts spreading one claim, in arrival order."""

    id: int
    leader: str
    """Text of the first post: what the reviewer reads."""
    claim_key: str | None
    """Key of the fact-check the posts matched, when they did."""
    post_ids: list[str] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)

    @property
    def size(self) -> int:
        return len(self.post_ids)

    def velocity(self, now: datetime, window: timedelta) -> int:
        """Posts that arrived in the `window` before `now`."""
        return sum(1 for t in self.times if now - window <= t <= now)


@dataclass(frozen=True, slots=True)
class ClusterPolicy:
    """When posts count as the same rumour, and when a rumour counts as spreading fast."""

    copy_cosine: float = 0.96
    reworded_cosine: float = 0.90
    reworded_overlap: float = 0.6
    translated_cosine: float = 0.93
    window: timedelta = timedelta(hours=6)
    burst: int = 20


class RumourClusterer:
    """Incremental clustering: feed posts in arrival order, read clusters sorted by speed."""

    def __init__(self, dim: int, policy: ClusterPolicy | None = None) -> None:
        self.policy = policy or ClusterPolicy()
        self.clusters: list[RumourCluster] = []
        self._leaders = VectorIndex(dim)
        self._leader_tokens: list[list[str]] = []
        self._leader_languages: list[ClaimLanguage] = []
        self._by_claim: dict[str, int] = {}

    def _similar_leader(
        self, vector: NDArray[np.float32], tokens: list[str], language: ClaimLanguage
    ) -> int | None:
        if not len(self._leaders):
            return None
        scores, rows = self._leaders.search(vector.reshape(1, -1), 5)
        p = self.policy
        for score, row in zip(scores[0], rows[0], strict=True):
            cid = int(row)
            shared = max(overlap(tokens, self._leader_tokens[cid]), overlap(self._leader_tokens[cid], tokens))
            translated = language != self._leader_languages[cid] and score >= p.translated_cosine
            if (
                score >= p.copy_cosine
                or (score >= p.reworded_cosine and shared >= p.reworded_overlap)
                or translated
            ):
                return cid
        return None

    def add(
        self,
        post_id: str,
        text: str,
        language: ClaimLanguage,
        vector: NDArray[np.float32],
        at: datetime,
        claim_key: str | None = None,
    ) -> RumourCluster:
        """Place one post; returns the cluster it joined (a new one when it matches none)."""
        tokens = skeleton_tokens(text)
        cid = self._by_claim.get(claim_key) if claim_key else None
        if cid is None:
            cid = self._similar_leader(vector, tokens, language)
        if cid is None:
            cid = len(self.clusters)
            self.clusters.append(RumourCluster(cid, text, claim_key))
            self._leaders.add(vector.reshape(1, -1))
            self._leader_tokens.append(tokens)
            self._leader_languages.append(language)
        cluster = self.clusters[cid]
        if claim_key and cluster.claim_key is None:
            cluster.claim_key = claim_key
        if cluster.claim_key:
            self._by_claim.setdefault(cluster.claim_key, cid)
        cluster.post_ids.append(post_id)
        cluster.times.append(at)
        cluster.languages[language] += 1
        return cluster

    def spreading(self, now: datetime) -> list[RumourCluster]:
        """Clusters with at least `burst` posts in the last `window`, fastest first."""
        p = self.policy
        fast = [c for c in self.clusters if c.velocity(now, p.window) >= p.burst]
        return sorted(fast, key=lambda c: (-c.velocity(now, p.window), -c.size, c.id))

    def ranked(self, now: datetime) -> list[RumourCluster]:
        """Every cluster of more than one post, fastest first, then largest."""
        p = self.policy
        grouped = [c for c in self.clusters if c.size > 1]
        return sorted(grouped, key=lambda c: (-c.velocity(now, p.window), -c.size, c.id))
