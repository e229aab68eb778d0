"""Operator rules in CEL (Common Expression Language, via `cel-python`): safe, no Python `eval`.

A rule file is YAML::

    rules:
      - id: new-account-scam-link
        when: 'signals["regulated.scams"] >= 0.4 && context.account_age_days < 7'
        action: remove            # allow | label | restrict | review | remove
        policies: [regulated.scams]
        mode: shadow              # enforce (default) | shadow: recorded, not enforced
        override: false           # true: set the action exactly, even to something milder
        reason: {en: "…", ur: "…"}

Expressions see `signals` (policy id -> combined score, every catalogue policy present, 0.0 when
nothing fired), `context` (surface, account_age_days, follower_count, prior_strikes, author_age,
extra), `language` and `length`. Files are validated when they load: every problem is reported with
file:line, and each expression is compiled and tried on a neutral item.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import celpy
import yaml
from celpy.adapter import json_to_cel
from celpy.celparser import CELParseError
from celpy.evaluation import CELEvalError

from hifazat.core.decide.verdict import ACTIONS, Action
from hifazat.core.errors import Located, ValidationFailedError
from hifazat.core.signals import Context

RULE_FIELDS = ("id", "when", "action", "policies", "mode", "override", "reason", "description")
REQUIRED = ("id", "when", "action")
UNKNOWN = -1  # stands for a missing context number inside expressions
ROOTS = frozenset({"signals", "context", "language", "length"})
CEL_WORDS = frozenset(
    [
        "true",
        "false",
        "null",
        "in",
        "has",
        "size",
        "int",
        "uint",
        "double",
        "string",
        "bool",
        "bytes",
        "type",
        "matches",
        "contains",
        "startsWith",
        "endsWith",
        "exists",
        "exists_one",
        "all",
        "map",
        "filter",
        "duration",
        "timestamp",
        "dyn",
    ]
)
STRING_LITERAL = re.compile(r"""("([^"\\]|\\.)*"|'([^'\\]|\\.)*')""")
NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")
SIGNAL_KEY = re.compile(r"""signals\s*\[\s*["']([^"']+)["']\s*\]""")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    when: str
    action: Action
    policies: tuple[str, ...]
    shadow: bool
    override: bool
    reason_en: str
    reason_ur: str
    program: Any
    """The compiled CEL program."""


def context_facts(context: Context) -> dict[str, Any]:
    """The `context` variable of rule expressions (missing numbers are -1)."""

    def number(value: int | None) -> int:
        return UNKNOWN if value is None else value

    return {
        "surface": context.surface,
        "account_age_days": number(context.account_age_days),
        "follower_count": number(context.follower_count),
        "prior_strikes": context.prior_strikes,
        "author_age": number(context.author_age),
        "extra": {str(k): v for k, v in context.extra.items()},
    }


def activation(scores: Mapping[str, float], context: Context, language: str, length: int) -> dict[str, Any]:
    return {
        "signals": json_to_cel(dict(scores)),
        "context": json_to_cel(context_facts(context)),
        "language": celpy.celtypes.StringType(language),
        "length": celpy.celtypes.IntType(length),
    }


class RuleSet:
    """Compiled rules, evaluated in file order."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)

    def __len__(self) -> int:
        return len(self.rules)

    def evaluate(
        self, scores: Mapping[str, float], context: Context, language: str, length: int
    ) -> list[Rule]:
        """The rules whose condition holds for this item."""
        if not self.rules:
            return []
        act = activation(scores, context, language, length)
        hits = []
        for rule in self.rules:
            try:
                result = rule.program.evaluate(act)
            except CELEvalError:
                continue  # a rule that cannot be evaluated for this item does not fire
            if isinstance(result, CELEvalError):
                continue
            if bool(result):
                hits.append(rule)
        return hits


def load_rules(text: str, *, source: str, policy_ids: Iterable[str]) -> RuleSet:
    """Parse and validate a rule file; raise `ValidationFailedError` listing every problem."""
    known_policies = set(policy_ids)
    problems: list[Located] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ValidationFailedError(f"rules {source}", [Located(source, line, f"YAML: {problem}")]) from None
    if root is None:
        return RuleSet()
    if not isinstance(root, yaml.MappingNode):
        raise ValidationFailedError(
            f"rules {source}", [Located(source, root.start_mark.line + 1, "expected a mapping with `rules:`")]
        )
    top = {cast(yaml.ScalarNode, k).value: (k, v) for k, v in root.value}
    for key, (knode, _v) in top.items():
        if key != "rules":
            problems.append(Located(source, knode.start_mark.line + 1, f"unknown top-level field {key!r}"))
    rules_node = top.get("rules", (None, None))[1]
    if rules_node is None:
        if not problems:
            return RuleSet()
        raise ValidationFailedError(f"rules {source}", problems)
    if not isinstance(rules_node, yaml.SequenceNode):
        problems.append(Located(source, rules_node.start_mark.line + 1, "`rules` must be a list"))
        raise ValidationFailedError(f"rules {source}", problems)

    env = celpy.Environment()
    neutral = activation(dict.fromkeys(known_policies, 0.0), Context(), "en", 0)
    compiled: list[Rule] = []
    seen: set[str] = set()
    for node in rules_node.value:
        rule = _parse_rule(node, source, env, neutral, known_policies, seen, problems)
        if rule is not None:
            compiled.append(rule)
    if problems:
        raise ValidationFailedError(f"rules {source}", problems)
    return RuleSet(compiled)


def _parse_rule(
    node: yaml.Node,
    source: str,
    env: celpy.Environment,
    neutral: dict[str, Any],
    known_policies: set[str],
    seen: set[str],
    problems: list[Located],
) -> Rule | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Located(source, line, "each rule must be a mapping"))
        return None
    fields: dict[str, yaml.Node] = {}
    for knode, vnode in node.value:
        key = cast(yaml.ScalarNode, knode).value
        if key not in RULE_FIELDS:
            close = difflib.get_close_matches(key, RULE_FIELDS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(Located(source, knode.start_mark.line + 1, f"unknown field {key!r}{hint}"))
            continue
        fields[key] = vnode
    before = len(problems)
    for key in REQUIRED:
        if key not in fields:
            problems.append(Located(source, line, f"rule is missing {key!r}"))
    if len(problems) > before:
        return None

    def scalar(key: str, default: str = "") -> str:
        value = fields.get(key)
        if value is None:
            return default
        if not isinstance(value, yaml.ScalarNode):
            problems.append(Located(source, value.start_mark.line + 1, f"{key!r} must be a single value"))
            return default
        return str(value.value)

    rule_id = scalar("id")
    if rule_id in seen:
        problems.append(Located(source, fields["id"].start_mark.line + 1, f"duplicate rule id {rule_id!r}"))
    seen.add(rule_id)
    action = scalar("action")
    if action not in ACTIONS:
        problems.append(
            Located(
                source,
                fields["action"].start_mark.line + 1,
                f"unknown action {action!r}; use one of {', '.join(ACTIONS)}",
            )
        )
    mode = scalar("mode", "enforce")
    if mode not in ("enforce", "shadow"):
        problems.append(
            Located(
                source, fields["mode"].start_mark.line + 1, f"mode must be enforce or shadow, not {mode!r}"
            )
        )
    override = scalar("override", "false").lower()
    if override not in ("true", "false"):
        problems.append(
            Located(source, fields["override"].start_mark.line + 1, "override must be true or false")
        )
    policies: list[str] = []
    pnode = fields.get("policies")
    if pnode is not None:
        items = pnode.value if isinstance(pnode, yaml.SequenceNode) else [pnode]
        for item in items:
            pid = str(item.value)
            if pid not in known_policies:
                close = difflib.get_close_matches(pid, sorted(known_policies), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(Located(source, item.start_mark.line + 1, f"unknown policy {pid!r}{hint}"))
            policies.append(pid)
    reason_en = reason_ur = ""
    rnode = fields.get("reason")
    if isinstance(rnode, yaml.MappingNode):
        reasons = {cast(yaml.ScalarNode, k).value: str(v.value) for k, v in rnode.value}
        reason_en, reason_ur = reasons.get("en", ""), reasons.get("ur", "")
        if not reason_en or not reason_ur:
            problems.append(
                Located(source, rnode.start_mark.line + 1, "reason needs both `en` and `ur` text")
            )
    elif rnode is not None:
        problems.append(
            Located(source, rnode.start_mark.line + 1, "reason must be a mapping with `en` and `ur`")
        )

    when_node = fields["when"]
    expression = scalar("when")
    for pid in SIGNAL_KEY.findall(expression):
        if pid not in known_policies:
            close = difflib.get_close_matches(pid, sorted(known_policies), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Located(source, when_node.start_mark.line + 1, f"`when` names unknown policy {pid!r}{hint}")
            )
    unknown_names = sorted(
        {n for n in NAME.findall(STRING_LITERAL.sub('""', expression)) if n not in ROOTS | CEL_WORDS}
    )
    for name in unknown_names:
        problems.append(
            Located(
                source,
                when_node.start_mark.line + 1,
                f"`when` uses unknown name {name!r}; expressions see signals, context, language and length",
            )
        )
    program = None
    try:
        program = env.program(env.compile(expression))
        result = program.evaluate(neutral)
        if isinstance(result, CELEvalError):
            raise result
        if not isinstance(result, celpy.celtypes.BoolType):
            problems.append(
                Located(
                    source,
                    when_node.start_mark.line + 1,
                    f"`when` must be true or false, not {_kind(result)}",
                )
            )
    except CELParseError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        problems.append(
            Located(source, when_node.start_mark.line + 1, f"CEL syntax error in `when`: {first}")
        )
    except CELEvalError as exc:
        # A key missing from a map (`context.extra["x"]`) is fine: on items without it the rule
        # does not fire. An undeclared name is a mistake in the rule.
        if not unknown_names and not (exc.args and str(exc.args[0]).startswith("no such key")):
            problems.append(
                Located(
                    source, when_node.start_mark.line + 1, f"`when` cannot be evaluated: {_eval_message(exc)}"
                )
            )
    if len(problems) > before or program is None:
        return None
    return Rule(
        id=rule_id,
        when=expression,
        action=cast(Action, action),
        policies=tuple(policies),
        shadow=mode == "shadow",
        override=override == "true",
        reason_en=reason_en,
        reason_ur=reason_ur,
        program=program,
    )


def _kind(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | list):
        return "a collection"
    return type(value).__name__


def _eval_message(exc: CELEvalError) -> str:
    args = exc.args
    if len(args) >= 3 and isinstance(args[2], tuple) and args[2]:
        what = args[2][0]
        if args[1] is KeyError:
            return f"unknown name or key {str(what)!r} (use signals, context, language, length)"
    return str(args[0]).split("(in activation")[0].strip() if args else "evaluation error"
