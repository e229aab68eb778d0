"""CRC-32 of every character n-gram of many ASCII words at once, as `zlib.crc32` computes each one.

`HashedFeatures` hashes each `char_wb` n-gram of a new word with `zlib.crc32`; a batch of texts
brings thousands of new words with ~30 n-grams each, and one Python call per n-gram dominates.
Here the padded words are laid end to end in one byte buffer and the table-driven CRC-32 (the
reflected polynomial 0xEDB88320 that zlib uses) advances every n-gram by one byte per numpy step,
so the cost is a handful of array operations per batch. The result equals `zlib.crc32` bit for bit
(the tests compare them), in the order `char_grams` lists the n-grams.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["ascii_gram_hashes"]


def _crc_table() -> NDArray[np.uint32]:
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_TABLE = _crc_table()


def ascii_gram_hashes(words: list[str], lo: int, hi: int) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """`zlib.crc32` of each n-gram (`lo` <= n <= `hi`) of each word padded with one space on each side,
    word by word, then by n, then by position (the order of `char_grams`); and how many each word has.

    Words must be ASCII and `lo` at most 3, so every padded word (3+ characters) has `lo`-grams.
    """
    if lo < 1 or lo > 3 or hi < lo:
        raise ValueError(f"n-gram range {lo}..{hi} not supported (1 <= lo <= 3, lo <= hi)")
    padded_len = np.fromiter((len(w) + 2 for w in words), dtype=np.int64, count=len(words))
    buf = np.frombuffer("".join(f" {w} " for w in words).encode("ascii"), dtype=np.uint8)
    word_start = np.cumsum(padded_len) - padded_len
    ns = np.arange(lo, hi + 1, dtype=np.int64)
    per_block = np.maximum(padded_len[:, None] - ns[None, :] + 1, 0).ravel()  # (word, n) blocks
    total = int(per_block.sum())
    block_first = np.cumsum(per_block) - per_block
    start = np.repeat(np.repeat(word_start, len(ns)), per_block) + (
        np.arange(total, dtype=np.int64) - np.repeat(block_first, per_block)
    )
    length = np.repeat(np.tile(ns, len(words)), per_block)
    crc = np.full(total, 0xFFFFFFFF, dtype=np.uint32)
    for j in range(hi):
        if j < lo:  # every n-gram has this byte
            crc = _TABLE[(crc ^ buf[start + j]) & 0xFF] ^ (crc >> 8)
        else:
            sel = np.flatnonzero(length > j)
            part = crc[sel]
            crc[sel] = _TABLE[(part ^ buf[start[sel] + j]) & 0xFF] ^ (part >> 8)
    crc ^= np.uint32(0xFFFFFFFF)
    per_word = per_block.reshape(len(words), len(ns)).sum(axis=1)
    return crc, per_word
