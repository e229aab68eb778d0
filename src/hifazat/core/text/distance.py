"""Edit distance for near-miss matching (look-alike domains, misspelt keywords)."""

from __future__ import annotations


def osa_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal-string-alignment distance: insert, delete, substitute, swap neighbours.

    With `limit`, stops early and returns `limit + 1` as soon as the distance must exceed it.
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
