"""Loading and validating one guideline release folder (`catalogue.yaml` plus one file per area).

Every problem in every file is collected, each with `file:line`, and raised once as
`ValidationFailedError`. File names in problems are relative to the release folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

import yaml

from hifazat.core.errors import Located, NotFoundError, ValidationFailedError
from hifazat.core.guidelines.area_file import AREA_ID, POLICY_ID, AreaFile, read_area_file
from hifazat.core.guidelines.model import Catalogue, Change, ChangelogEntry, Policy, Thresholds
from hifazat.core.guidelines.reader import NodeReader, Where, line_of

CATALOGUE_FILE = "catalogue.yaml"
VERSION = re.compile(r"\d{4}\.[1-9]\d*")
FALLBACK_THRESHOLDS = Thresholds(high=0.85, medium=0.6)
"""Used only to keep validating area files when catalogue.yaml itself is broken."""

CATALOGUE_FIELDS = {
    "version": True,
    "published": True,
    "default_thresholds": True,
    "areas": True,
    "changelog": True,
}


def version_key(version: str) -> tuple[int, int]:
    """Sort key of a `YYYY.N` version: `2026.10` comes after `2026.9`."""
    year, _, number = version.partition(".")
    return int(year), int(number)


@dataclass(frozen=True, slots=True)
class _Header:
    version: str | None
    published: date | None
    thresholds: Thresholds | None
    areas: tuple[tuple[str, int], ...]
    """Area ids with the line that lists each."""
    changelog: tuple[ChangelogEntry, ...] | None
    changelog_line: int


def load_catalogue(path: Path) -> Catalogue:
    """Load and validate the release folder at `path` (or its `catalogue.yaml`).

    Raises NotFoundError when there is no such folder, ValidationFailedError listing every problem.
    """
    root = Path(path)
    if root.is_file() and root.name == CATALOGUE_FILE:
        root = root.parent
    if not root.is_dir():
        raise NotFoundError(
            f"no guidelines release folder at {path}",
            hint=f"give a folder that holds {CATALOGUE_FILE} and one YAML file per policy area",
        )
    problems: list[Located] = []
    header = _read_header(root, problems)
    defaults = header.thresholds or FALLBACK_THRESHOLDS
    on_disk = sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.name != CATALOGUE_FILE)
    areas = header.areas
    if areas:
        listed = {area_id for area_id, _ in areas}
        for extra in on_disk:
            if extra.suffix == ".yml" or extra.stem not in listed:
                problems.append(
                    Located(
                        extra.name,
                        1,
                        f"not a listed area file (list {extra.stem!r} under 'areas' in {CATALOGUE_FILE} "
                        "and name the file <area>.yaml)",
                    )
                )
    else:
        # catalogue.yaml is broken: still check every area file found, so all problems show at once
        areas = tuple((p.stem, 1) for p in on_disk if p.suffix == ".yaml")
    files: list[AreaFile] = []
    for area_id, line in areas:
        file = root / f"{area_id}.yaml"
        if not file.is_file():
            problems.append(
                Located(CATALOGUE_FILE, line, f"catalogue: areas: no file {file.name} for area {area_id!r}")
            )
            continue
        reader = NodeReader(file.name, problems)
        node = reader.compose(file)
        if node is not None:
            files.append(read_area_file(reader, node, expected_id=area_id, defaults=defaults))
    policies = _unique_policies(files, problems)
    order = {CATALOGUE_FILE: 0} | {f"{area_id}.yaml": i + 1 for i, (area_id, _) in enumerate(areas)}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.file, p.line))
    if problems:
        raise ValidationFailedError(f"guidelines {path}", problems)
    assert header.version is not None and header.published is not None and header.thresholds is not None
    assert header.changelog is not None
    return Catalogue(
        version=header.version,
        published=header.published,
        default_thresholds=header.thresholds,
        areas=MappingProxyType({f.area.id: f.area for f in files if f.area is not None}),
        policies=MappingProxyType(policies),
        changelog=header.changelog,
    )


def _unique_policies(files: list[AreaFile], problems: list[Located]) -> dict[str, Policy]:
    seen: dict[str, str] = {}
    policies: dict[str, Policy] = {}
    for area_file in files:
        for entry in area_file.policies:
            file = f"{entry.policy_id.partition('.')[0]}.yaml"
            first = seen.get(entry.policy_id)
            if first is not None:
                problems.append(
                    Located(
                        file,
                        entry.line,
                        f"policy {entry.policy_id}: duplicate policy id (first defined at {first})",
                    )
                )
                continue
            seen[entry.policy_id] = f"{file}:{entry.line}"
            if entry.policy is not None:
                policies[entry.policy_id] = entry.policy
    return policies


def _read_header(root: Path, problems: list[Located]) -> _Header:
    empty = _Header(None, None, None, (), None, 1)
    file = root / CATALOGUE_FILE
    reader = NodeReader(CATALOGUE_FILE, problems)
    if not file.is_file():
        reader.problem(1, "", f"missing: every release folder needs a {CATALOGUE_FILE}")
        return empty
    node = reader.compose(file)
    if node is None:
        return empty
    where = Where("catalogue")
    found = reader.fields(node, where, CATALOGUE_FIELDS)
    if found is None:
        return empty
    version = (
        reader.pattern(found["version"], where.key("version"), VERSION, "2026.1")
        if "version" in found
        else None
    )
    published = reader.day(found["published"], where.key("published")) if "published" in found else None
    thresholds = None
    if "default_thresholds" in found:
        thresholds = _read_defaults(reader, found["default_thresholds"], where.key("default_thresholds"))
    areas = _read_area_list(reader, found["areas"], where.key("areas")) if "areas" in found else ()
    changelog = None
    changelog_line = line_of(found["changelog"]) if "changelog" in found else line_of(node)
    if "changelog" in found:
        changelog = _read_changelog(reader, found["changelog"], where.key("changelog"))
    if changelog and version and published:
        last = changelog[-1]
        if last.version != version or last.published != published:
            reader.problem(
                changelog_line,
                where.key("changelog"),
                f"the last entry must be this release ({version}, {published.isoformat()}); "
                f"found {last.version}, {last.published.isoformat()}",
            )
    return _Header(version, published, thresholds, areas, changelog, changelog_line)


def _read_defaults(reader: NodeReader, node: yaml.Node, where: Where) -> Thresholds | None:
    found = reader.fields(node, where, {"high": True, "medium": True}, what="a mapping of band to score")
    if found is None or len(found) < 2:
        return None
    high = reader.number(found["high"], where.key("high"))
    medium = reader.number(found["medium"], where.key("medium"))
    if high is None or medium is None:
        return None
    if not 0.0 < medium < high <= 1.0:
        reader.problem(
            line_of(node),
            where,
            f"out of order: need 0 < medium ({medium:g}) < high ({high:g}) <= 1",
        )
        return None
    return Thresholds(high=high, medium=medium)


def _read_area_list(reader: NodeReader, node: yaml.Node, where: Where) -> tuple[tuple[str, int], ...]:
    areas: list[tuple[str, int]] = []
    for index, item in enumerate(reader.items(node, where, min_items=1) or []):
        area_id = reader.pattern(item, where.item(index), AREA_ID, "safety")
        if area_id is None:
            continue
        if any(area_id == known for known, _ in areas):
            reader.problem(line_of(item), where.item(index), f"area {area_id!r} is listed twice")
            continue
        areas.append((area_id, line_of(item)))
    return tuple(areas)


def _read_changelog(reader: NodeReader, node: yaml.Node, where: Where) -> tuple[ChangelogEntry, ...] | None:
    entries: list[ChangelogEntry] = []
    ok = True
    for index, item in enumerate(reader.items(node, where, min_items=1) or []):
        entry = _read_entry(reader, item, where.item(index))
        if entry is None:
            ok = False
            continue
        if entries and version_key(entry.version) <= version_key(entries[-1].version):
            reader.problem(
                line_of(item),
                where.item(index),
                f"entries must be oldest first; {entry.version} comes after {entries[-1].version}",
            )
            ok = False
        entries.append(entry)
    return tuple(entries) if ok and entries else None


def _read_entry(reader: NodeReader, node: yaml.Node, where: Where) -> ChangelogEntry | None:
    found = reader.fields(node, where, {"version": True, "published": True, "changes": True})
    if found is None or len(found) < 3:
        return None
    version = reader.pattern(found["version"], where.key("version"), VERSION, "2026.1")
    published = reader.day(found["published"], where.key("published"))
    changes: list[Change] = []
    items = reader.items(found["changes"], where.key("changes"), min_items=1)
    for index, item in enumerate(items or []):
        change_where = where.key("changes").item(index)
        fields = reader.fields(item, change_where, {"note": True, "policies": False})
        if fields is None or "note" not in fields:
            return None
        note = reader.localised(fields["note"], change_where.key("note"))
        ids: list[str] = []
        policy_items = (
            reader.items(fields["policies"], change_where.key("policies")) if "policies" in fields else []
        )
        for policy_index, policy_node in enumerate(policy_items or []):
            policy_id = reader.pattern(
                policy_node, change_where.key("policies").item(policy_index), POLICY_ID, "safety.hate"
            )
            if policy_id is not None:
                ids.append(policy_id)
        if note is None:
            return None
        changes.append(Change(note, tuple(ids)))
    if version is None or published is None or items is None:
        return None
    return ChangelogEntry(version, published, tuple(changes))
