"""Verdicts for concurrent requests, computed together.

A server answering many requests at once checks them one by one, and the learned detector pays its
fixed cost (sparse matrices, a matrix product) for every text. `CheckBatcher.check` prepares the item at
once (so bad text is refused in its own request), queues it, and one pass over everything queued
computes all the verdicts with `independent=True`: each verdict is the one the text would get alone.
It runs on the event loop — the work is pure CPU, and the loop is where the requests wait anyway.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from hifazat.core.decide.verdict import Verdict
from hifazat.core.detectors.base import Item
from hifazat.core.moderator import Moderator
from hifazat.core.signals import Context

MAX_BATCH = 64
"""Texts per pass at most, so that one pass never holds the loop for long."""


@dataclass
class CheckBatcher:
    """Batches the engine's work across concurrent requests (see the module notes)."""

    moderator: Moderator
    max_batch: int = MAX_BATCH
    passes: int = 0
    """Passes run so far (for benchmarks and tests)."""
    _pending: list[tuple[Item, asyncio.Future[Verdict]]] = field(default_factory=list)
    _draining: asyncio.Task[None] | None = None

    async def check(self, text: str, context: Context | None = None) -> Verdict:
        """The verdict for `text`, as `Moderator.check` gives it; `InvalidInputError` for bad text."""
        item = self.moderator.item(text, context)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Verdict] = loop.create_future()
        self._pending.append((item, future))
        if self._draining is None or self._draining.done() or self._draining.get_loop() is not loop:
            self._draining = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        await asyncio.sleep(0)  # let requests that arrived together join the pass
        while self._pending:
            batch = self._pending[: self.max_batch]
            del self._pending[: self.max_batch]
            self.passes += 1
            try:
                verdicts = self.moderator.check_items([item for item, _ in batch], independent=True)
            except Exception as error:  # a detector failed: every caller of this pass hears it
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_, future), verdict in zip(batch, verdicts, strict=True):
                if not future.done():
                    future.set_result(verdict)
            await asyncio.sleep(0)  # answer the finished requests before the next pass
