"""Readers for the labelled data sets, each in its own native file format.

Every reader returns the data rows in file order with their 0-based index, the native label
(or `None` when the file has no label column), and a list of rows it could not read properly.
A row that cannot be read is never dropped silently: it is kept with whatever text could be
recovered (possibly empty) and reported as a `RowProblem`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

csv.field_size_limit(1 << 30)


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its 0-based index in the file, its text and its native label."""

    index: int
    text: str
    label: str | None


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that could not be read cleanly (it is still predicted, but kept out of the metric)."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass(slots=True)
class ReadResult:
    """What a reader found in one file."""

    rows: list[Row] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    has_labels: bool = True
    note: str = ""
    """Why the file has no labels, when it has none."""


class DatasetFileError(Exception):
    """The whole file cannot be read as this data set (wrong format, no text column)."""


_INT_LIKE = re.compile(r"^[+-]?\d+(?:\.0+)?$")


def clean_label(value: str) -> str:
    """A label as written in the file, stripped; `1.0` becomes `1`, quotes are removed."""
    value = value.strip().strip('"').strip()
    if _INT_LIKE.match(value):
        return str(int(float(value)))
    return value


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetFileError(f"{path} is not UTF-8 text (byte {exc.start})") from None


def _lines(path: Path) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers; CRLF and CR are treated as LF."""
    text = _read_text(path).replace("\r\n", "\n").replace("\r", "\n")
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _check_label(result: ReadResult, index: int, value: str, labels: Sequence[str]) -> str | None:
    label = clean_label(value)
    if label in labels:
        return label
    shown = value if len(value) < 40 else value[:37] + "..."
    result.problems.append(
        RowProblem(index, f"unknown label {shown!r} (expected one of {', '.join(labels)})")
    )
    return None


def read_text_tab_label(path: Path, labels: Sequence[str]) -> ReadResult:
    """`text<TAB>label` lines without a header (RUHSOLD). A file of bare texts is read as unlabelled."""
    lines = _lines(path)
    labelled = sum(1 for _, line in lines if "\t" in line and clean_label(line.rsplit("\t", 1)[1]) in labels)
    result = ReadResult()
    if lines and labelled == 0:
        result.has_labels = False
        result.note = "no line ends in a tab and a label"
        result.rows = [Row(i, line.split("\t")[0], None) for i, (_, line) in enumerate(lines)]
        return result
    for i, (_, line) in enumerate(lines):
        if "\t" not in line:
            result.problems.append(RowProblem(i, "no tab between text and label"))
            result.rows.append(Row(i, line, None))
            continue
        text, value = line.rsplit("\t", 1)
        result.rows.append(Row(i, text, _check_label(result, i, value, labels)))
    return result


def read_label_tab_text(path: Path, labels: Sequence[str]) -> ReadResult:
    """`label<TAB>text` lines, optionally after a header line (SMS Spam Collection)."""
    lines = _lines(path)
    if lines and clean_label(lines[0][1].split("\t", 1)[0]) not in labels:
        first = lines[0][1].lower()
        if "\t" in first and not any(first.startswith(lab) for lab in labels):
            lines = lines[1:]
    result = ReadResult()
    labelled = sum(1 for _, line in lines if "\t" in line and clean_label(line.split("\t", 1)[0]) in labels)
    if lines and labelled == 0:
        result.has_labels = False
        result.note = "no line starts with a label and a tab"
        result.rows = [Row(i, line, None) for i, (_, line) in enumerate(lines)]
        return result
    for i, (_, line) in enumerate(lines):
        if "\t" not in line:
            result.problems.append(RowProblem(i, "no tab between label and text"))
            result.rows.append(Row(i, line, None))
            continue
        value, text = line.split("\t", 1)
        result.rows.append(Row(i, text, _check_label(result, i, value, labels)))
    return result


def _records(path: Path, delimiter: str) -> list[list[str]]:
    text = _read_text(path)
    if delimiter == "\t":
        # Tab-separated files are line-based: quotes inside tweets are text, not CSV quoting.
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return [line.split("\t") for line in lines if line.strip()]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [rec for rec in reader if any(cell.strip() for cell in rec)]


def _find(header: list[str], names: Sequence[str]) -> int | None:
    lowered = [h.strip().strip('"').lower() for h in header]
    for name in names:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    return None


def read_header_table(
    path: Path,
    *,
    delimiter: str,
    text_columns: Sequence[str],
    label_columns: Sequence[str],
    labels: Sequence[str],
    positional: tuple[int, int] | None = None,
) -> ReadResult:
    """A delimited table whose text and label columns are found by header name.

    `positional` = (text column, label column) is used when the first record is not a header
    (e.g. TRAC-1 files: `id,text,label` without a header line).
    """
    records = _records(path, delimiter)
    if not records:
        return ReadResult()
    header = records[0]
    text_col = _find(header, text_columns)
    if text_col is not None:
        label_col = _find(header, label_columns)
        body = records[1:]
    elif positional is not None:
        text_col, label_col = positional
        body = records
    else:
        wanted = " or ".join(repr(name) for name in text_columns)
        raise DatasetFileError(f"{path}: no text column named {wanted} in the header {header!r}")
    result = ReadResult()
    if label_col is None or not any(len(rec) > label_col and rec[label_col].strip() for rec in body):
        result.has_labels = False
        result.note = f"no label column ({' or '.join(label_columns)})"
        label_col = None
    width = len(header)
    for i, rec in enumerate(body):
        text = rec[text_col] if len(rec) > text_col else ""
        if len(rec) != width and label_col is not None:
            result.problems.append(RowProblem(i, f"{len(rec)} fields where the header has {width}"))
        if len(rec) <= text_col:
            result.problems.append(RowProblem(i, "no text field"))
        label: str | None = None
        if label_col is not None:
            if len(rec) > label_col:
                label = _check_label(result, i, rec[label_col], labels)
            else:
                result.problems.append(RowProblem(i, "no label field"))
        result.rows.append(Row(i, text, label))
    return result


_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[nrt\\'\"])")


def _unescape_once(value: str) -> str:
    try:
        return value.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return _ESCAPE.sub(" ", value)


def decode_escaped_comment(value: str) -> str:
    """Kaggle-insults comments are Python-escaped byte strings in quotes: decode them to text.

    Some comments are escaped twice (`\\\\xc2\\\\xa0`), so decoding repeats while escapes remain.
    """
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    for _ in range(3):
        if not _ESCAPE.search(value):
            break
        value = _unescape_once(value)
    return value
