"""Reading items for `hifazat moderate`: CSV, JSONL or plain text, row by row, bad rows reported."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hifazat.core.errors import InvalidInputError

Format = Literal["csv", "jsonl", "text"]


@dataclass(frozen=True, slots=True)
class Row:
    """One input item: its id, its text, or the reason it cannot be read."""

    number: int
    """1-based data row (CSV rows after the header, JSONL and text lines)."""
    id: str
    text: str | None
    error: str | None = None


def guess_format(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    return "text"


def _bad_utf8(line: str) -> str | None:
    for column, ch in enumerate(line, start=1):
        if 0xDC80 <= ord(ch) <= 0xDCFF:
            return f"not valid UTF-8 (byte 0x{ord(ch) - 0xDC00:02x} at character {column})"
    return None


def _lines(path: Path) -> Iterator[str]:
    with path.open("rb") as handle:
        for raw in handle:
            yield raw.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")


def read_rows(
    path: Path, fmt: Format, *, text_column: str = "text", id_column: str | None = None
) -> Iterator[Row]:
    """Every row of `path`; unreadable rows come back with `error` set, never silently dropped."""
    if not path.is_file():
        raise InvalidInputError(f"input file not found: {path}")
    if fmt == "text":
        for number, line in enumerate(_lines(path), start=1):
            text = line.rstrip("\r\n")
            yield (
                Row(number, str(number), None, _bad_utf8(text))
                if _bad_utf8(text)
                else Row(number, str(number), text)
            )
    elif fmt == "jsonl":
        yield from _jsonl(path, text_column, id_column)
    else:
        yield from _csv(path, text_column, id_column)


def _jsonl(path: Path, text_column: str, id_column: str | None) -> Iterator[Row]:
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        default_id = str(number)
        bad = _bad_utf8(line)
        if bad:
            yield Row(number, default_id, None, bad)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(number, default_id, None, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield Row(number, default_id, None, "each line must be a JSON object")
            continue
        item_id = str(record.get(id_column, default_id)) if id_column else str(record.get("id", default_id))
        text = record.get(text_column)
        if not isinstance(text, str):
            yield Row(number, item_id, None, f"field {text_column!r} missing or not a string")
            continue
        yield Row(number, item_id, text)


def _csv(path: Path, text_column: str, id_column: str | None) -> Iterator[Row]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    lines = _lines(path)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    if text_column not in header:
        raise InvalidInputError(
            f"CSV has no column {text_column!r}; its columns are: {', '.join(header)}",
            hint="name the text column with --text-column",
        )
    if id_column is not None and id_column not in header:
        raise InvalidInputError(f"CSV has no id column {id_column!r}; its columns are: {', '.join(header)}")
    t_index = header.index(text_column)
    i_index = header.index(id_column) if id_column else None
    number = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield Row(number, str(number), None, f"not valid CSV: {exc}")
            continue
        number += 1
        if not fields:
            continue
        item_id = fields[i_index] if i_index is not None and i_index < len(fields) else str(number)
        if t_index >= len(fields):
            yield Row(number, item_id, None, f"row has {len(fields)} fields; no {text_column!r} value")
            continue
        text = fields[t_index]
        bad = _bad_utf8(text) or (_bad_utf8(item_id) if i_index is not None else None)
        yield Row(number, item_id, None, bad) if bad else Row(number, item_id, text)


def completed_ids(output: Path) -> set[str]:
    """Ids already written to `output`; a torn last line (from an interruption) is cut off first."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with output.open("r+b") as handle:
            handle.truncate(cut)
        data = data[:cut]
    done: set[str] = set()
    for line in io.StringIO(data.decode("utf-8", errors="replace")):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "id" in record:
            done.add(str(record["id"]))
    return done
