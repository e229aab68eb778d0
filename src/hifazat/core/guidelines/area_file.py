"""Reading one policy-area file (`safety.yaml`, ...) into an `Area` and its `Policy` objects."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar, cast

import yaml

from hifazat.core.guidelines.model import (
    Area,
    Example,
    Examples,
    Helpline,
    LawRef,
    Policy,
    Support,
    Thresholds,
)
from hifazat.core.guidelines.reader import NodeReader, Where, line_of
from hifazat.core.guidelines.vocabulary import (
    ACTION_NEEDS_OUTCOME,
    ACTIONS,
    BANDS,
    EXCEPTIONS,
    FEATURE_TRACKS,
    OUTCOMES,
    TIERS,
    Action,
)

AREA_ID = re.compile(r"[a-z][a-z_]*")
POLICY_ID = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*")
MIN_EXAMPLES = 2
"""Each policy shows at least this many violating and this many allowed examples."""

AREA_FIELDS = {"id": True, "title": True, "summary": True, "policies": True}
POLICY_FIELDS = {
    "id": True,
    "tier": True,
    "title": True,
    "summary": True,
    "outcomes": True,
    "actions": True,
    "thresholds": False,
    "strike_weight": True,
    "feature_tracks": True,
    "exceptions": False,
    "examples": True,
    "law": False,
    "support": False,
}
EXAMPLE_FIELDS = {"en": True, "ur": True, "roman_ur": False}
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class PolicyEntry:
    """A policy id read from a file, where it was written, and the policy when it is valid.

    Broken policies keep their entry, so a duplicate id is reported even when either copy has other
    problems.
    """

    policy_id: str
    line: int
    policy: Policy | None


@dataclass(frozen=True, slots=True)
class AreaFile:
    """Everything one area file yields; `area` is None when its header is broken."""

    area: Area | None
    area_line: int
    policies: tuple[PolicyEntry, ...]


def read_area_file(
    reader: NodeReader, root: yaml.Node, *, expected_id: str, defaults: Thresholds
) -> AreaFile:
    """Read an area file; `expected_id` is the file's stem, which the area id must equal."""
    where = Where(f"area {expected_id}")
    found = reader.fields(root, where, AREA_FIELDS)
    if found is None:
        return AreaFile(None, line_of(root), ())
    area_id = None
    if "id" in found:
        area_id = reader.pattern(found["id"], where.key("id"), AREA_ID, "safety")
        if area_id is not None and area_id != expected_id:
            reader.problem(
                line_of(found["id"]),
                where.key("id"),
                f"area id {area_id!r} does not match its file name {expected_id}.yaml",
            )
            area_id = None
    title = reader.localised(found["title"], where.key("title")) if "title" in found else None
    summary = reader.localised(found["summary"], where.key("summary")) if "summary" in found else None
    entries: list[PolicyEntry] = []
    if "policies" in found:
        nodes = reader.items(found["policies"], where.key("policies"), min_items=1) or []
        for index, node in enumerate(nodes):
            entry = _read_policy(reader, node, index, area_id=expected_id, defaults=defaults)
            if entry is not None:
                entries.append(entry)
    area = None
    if area_id is not None and title is not None and summary is not None:
        area = Area(area_id, title, summary, tuple(e.policy_id for e in entries if e.policy is not None))
    return AreaFile(area, line_of(root), tuple(entries))


def _read_policy(
    reader: NodeReader, node: yaml.Node, index: int, *, area_id: str, defaults: Thresholds
) -> PolicyEntry | None:
    where = Where(f"policy #{index + 1} in area {area_id}")
    id_line = line_of(node)
    policy_id: str | None = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                where, id_line = Where(f"policy {value.value}"), line_of(value)
    found = reader.fields(node, where, POLICY_FIELDS)
    if found is None:
        return None
    if "id" in found:
        policy_id = reader.pattern(found["id"], where.key("id"), POLICY_ID, f"{area_id}.name")
        if policy_id is not None and not policy_id.startswith(f"{area_id}."):
            reader.problem(
                id_line,
                where.key("id"),
                f"policy id must start with {area_id + '.'!r} (the area of this file)",
            )
            policy_id = None
    tier = _read_tier(reader, found, where)
    title = reader.localised(found["title"], where.key("title")) if "title" in found else None
    summary = reader.localised(found["summary"], where.key("summary")) if "summary" in found else None
    outcomes = _opt(
        found,
        "outcomes",
        lambda n: reader.choices(n, where.key("outcomes"), OUTCOMES, "outcome", min_items=1),
    )
    actions = _read_actions(reader, found.get("actions"), where.key("actions"))
    thresholds = _read_thresholds(reader, found.get("thresholds"), where.key("thresholds"), defaults)
    strike_weight = _opt(found, "strike_weight", lambda n: reader.integer(n, where.key("strike_weight")))
    if strike_weight is not None and strike_weight < 0:
        reader.problem(line_of(found["strike_weight"]), where.key("strike_weight"), "must be 0 or more")
        strike_weight = None
    tracks = _opt(
        found,
        "feature_tracks",
        lambda n: reader.choices(
            n, where.key("feature_tracks"), FEATURE_TRACKS, "feature track", min_items=1
        ),
    )
    exceptions = _opt(
        found, "exceptions", lambda n: reader.choices(n, where.key("exceptions"), EXCEPTIONS, "exception")
    )
    examples = _read_examples(reader, found.get("examples"), where.key("examples"))
    law = _read_law(reader, found.get("law"), where.key("law"))
    support = _read_support(reader, found.get("support"), where.key("support"))
    if tier is not None and actions is not None:
        _check_tier_rules(reader, found, where, tier, actions, strike_weight)
    if outcomes is not None and actions is not None:
        _check_actions_have_outcomes(reader, found["actions"], where.key("actions"), actions, outcomes)
    parts = (policy_id, tier, title, summary, outcomes, actions, thresholds, strike_weight, tracks, examples)
    if policy_id is None:
        return None
    if any(part is None for part in parts) or law is None or ("support" in found and support is None):
        return PolicyEntry(policy_id, id_line, None)
    assert tier is not None and title is not None and summary is not None
    assert outcomes is not None and actions is not None and thresholds is not None
    assert strike_weight is not None and tracks is not None and examples is not None
    policy = Policy(
        id=policy_id,
        area=area_id,
        tier=tier,
        title=title,
        summary=summary,
        outcomes=outcomes,
        actions=MappingProxyType(actions),
        thresholds=thresholds,
        strike_weight=strike_weight,
        feature_tracks=tracks,
        exceptions=exceptions or (),
        examples=examples,
        law=law,
        support=support,
    )
    return PolicyEntry(policy_id, id_line, policy)


def _opt(found: dict[str, yaml.Node], name: str, read: Callable[[yaml.Node], _T | None]) -> _T | None:
    return read(found[name]) if name in found else None


def _read_tier(reader: NodeReader, found: dict[str, yaml.Node], where: Where) -> int | None:
    if "tier" not in found:
        return None
    tier = reader.integer(found["tier"], where.key("tier"))
    if tier is not None and tier not in TIERS:
        reader.problem(line_of(found["tier"]), where.key("tier"), f"unknown tier {tier} (tiers are 1 to 4)")
        return None
    return tier


def _read_actions(reader: NodeReader, node: yaml.Node | None, where: Where) -> dict[str, Action] | None:
    if node is None:
        return None
    found = reader.fields(node, where, dict.fromkeys(BANDS, True), what="a mapping of band to action")
    if found is None:
        return None
    actions: dict[str, Action] = {}
    for band in BANDS:
        if band in found:
            action = reader.choice(found[band], where.key(band), ACTIONS, "action")
            if action is not None:
                actions[band] = cast(Action, action)
    for band in ("medium", "low"):
        if actions.get(band) == "remove":
            reader.problem(
                line_of(found[band]),
                where.key(band),
                "automatic 'remove' is only allowed in the high band; send uncertain items to 'review'",
            )
            return None
    return actions if len(actions) == len(BANDS) else None


def _read_thresholds(
    reader: NodeReader, node: yaml.Node | None, where: Where, defaults: Thresholds
) -> Thresholds | None:
    if node is None:
        return defaults
    found = reader.fields(node, where, {"high": False, "medium": False}, what="a mapping of band to score")
    if found is None:
        return None
    values = {"high": defaults.high, "medium": defaults.medium}
    for band, value_node in found.items():
        value = reader.number(value_node, where.key(band))
        if value is None:
            return None
        values[band] = value
    if not 0.0 < values["medium"] < values["high"] <= 1.0:
        reader.problem(
            line_of(node),
            where,
            f"out of order: need 0 < medium ({values['medium']:g}) < high ({values['high']:g}) <= 1",
        )
        return None
    return Thresholds(high=values["high"], medium=values["medium"])


def _check_tier_rules(
    reader: NodeReader,
    found: dict[str, yaml.Node],
    where: Where,
    tier: int,
    actions: dict[str, Action],
    strike_weight: int | None,
) -> None:
    line = line_of(found["tier"])
    if tier == 1 and actions["high"] != "remove":
        reader.problem(line, where, "tier 1 (zero tolerance) policies must 'remove' in the high band")
    if tier == 4:
        if "remove" in actions.values():
            reader.problem(line, where, "tier 4 policies are label only; 'remove' is not allowed")
        if strike_weight:
            reader.problem(line, where, "tier 4 policies are label only; strike_weight must be 0")


def _check_actions_have_outcomes(
    reader: NodeReader,
    node: yaml.Node,
    where: Where,
    actions: dict[str, Action],
    outcomes: tuple[str, ...],
) -> None:
    for band, action in actions.items():
        needed = ACTION_NEEDS_OUTCOME.get(action, ())
        if needed and not set(needed) & set(outcomes):
            reader.problem(
                line_of(node),
                where.key(band),
                f"action {action!r} needs outcome {' or '.join(repr(n) for n in needed)} in 'outcomes'",
            )


def _read_examples(reader: NodeReader, node: yaml.Node | None, where: Where) -> Examples | None:
    if node is None:
        return None
    found = reader.fields(node, where, {"violating": True, "allowed": True})
    if found is None or len(found) < 2:
        return None
    lists: dict[str, tuple[Example, ...] | None] = {}
    for kind in ("violating", "allowed"):
        items = reader.items(found[kind], where.key(kind), min_items=MIN_EXAMPLES)
        read = [_read_example(reader, item, where.key(kind).item(i)) for i, item in enumerate(items or [])]
        good = [example for example in read if example is not None]
        lists[kind] = tuple(good) if items is not None and len(good) == len(read) else None
    violating, allowed = lists["violating"], lists["allowed"]
    return Examples(violating, allowed) if violating is not None and allowed is not None else None


def _read_example(reader: NodeReader, node: yaml.Node, where: Where) -> Example | None:
    found = reader.fields(node, where, EXAMPLE_FIELDS, what="an example {en, ur, roman_ur}")
    if found is None:
        return None
    en = reader.text(found["en"], where.key("en"), script="en") if "en" in found else None
    ur = reader.text(found["ur"], where.key("ur"), script="ur") if "ur" in found else None
    roman = None
    if "roman_ur" in found:
        roman = reader.text(found["roman_ur"], where.key("roman_ur"), script="roman_ur")
        if roman is None:
            return None
    return Example(en, ur, roman) if en is not None and ur is not None else None


def _read_law(reader: NodeReader, node: yaml.Node | None, where: Where) -> tuple[LawRef, ...] | None:
    if node is None:
        return ()
    refs: list[LawRef] = []
    items = reader.items(node, where)
    if items is None:
        return None
    for index, item in enumerate(items):
        found = reader.fields(item, where.item(index), {"ref": True, "note": True})
        if found is None or len(found) < 2:
            return None
        ref = reader.text(found["ref"], where.item(index).key("ref"), script="en")
        note = reader.localised(found["note"], where.item(index).key("note"))
        if ref is None or note is None:
            return None
        refs.append(LawRef(ref, note))
    return tuple(refs)


def _read_support(reader: NodeReader, node: yaml.Node | None, where: Where) -> Support | None:
    if node is None:
        return None
    found = reader.fields(node, where, {"message": True, "helplines": False})
    if found is None or "message" not in found:
        return None
    message = reader.localised(found["message"], where.key("message"))
    helplines: list[Helpline] = []
    items = reader.items(found["helplines"], where.key("helplines")) if "helplines" in found else []
    for index, item in enumerate(items or []):
        line_where = where.key("helplines").item(index)
        fields = reader.fields(item, line_where, {"name": True, "contact": True})
        if fields is None or len(fields) < 2:
            return None
        name = reader.localised(fields["name"], line_where.key("name"))
        contact = reader.text(fields["contact"], line_where.key("contact"))
        if name is None or contact is None:
            return None
        helplines.append(Helpline(name, contact))
    return Support(message, tuple(helplines)) if message is not None else None
