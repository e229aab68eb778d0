"""safety.threats (zero tolerance), safety.extremism and safety.violence in English, Urdu and Roman Urdu.

The phrase rules in `data/threats.yaml` model a threat as target + violent verb + future or
imperative form, with Roman Urdu spelling variants (maar/mar, dunga/dun ga/doonga, dalunga).
This module then removes what only looks like a threat:

- a harmless object before the verb ("aankh maar do" is a wink, "chakka maar dunga" a six);
- "goli maaro yaar" (forget it), a negation ("nahi maarunga", "I would never kill you");
- a non-human target ("kill all the zombies", "death to Mondays");
- quoted or reported speech with counter-speech or news wording
  ("saying 'I will kill you' is never okay", "police said the man threatened to kill");

and lowers games and jokes ("I'll kill you in this round lol") towards review. Explicit
threats score about 0.95; ambiguous ones 0.5-0.7 so that they go to review.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

import yaml

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.keyword_gate import KeywordGate
from hifazat.core.detectors.phrase_patterns import (
    PhraseMatcher,
    PhraseRule,
    load_phrase_file,
    merge_spans,
    read_data,
    tolerant,
)
from hifazat.core.errors import Located, ValidationFailedError
from hifazat.core.signals import Signal, Span

POLICIES = ("safety.threats", "safety.extremism", "safety.violence", "safety.hate", "safety.harassment")
_MIN_SCORE = 0.5
"""Matches weakened below this are not reported."""


_NEGATION = re.compile(
    tolerant(
        r"\b(?:not|never|no one|nobody|dont|don't|won't|wont|wouldn't|wouldnt|shouldn't|shouldnt|"
        r"cannot|can't|nahi|nahin|nai|mat|mt)\b|n't\b|نہیں|\bنہ\b|\bمت\b"
    )
)
_CONSEQUENT = re.compile(
    tolerant(
        r"\b(?:warna|varna|werna|otherwise|or else|(?:nahi|nahin|nai|nhi) (?:to|toh|tou))\b|ورنہ|نہیں تو"
    )
)
"""Words that open the consequence of an unmet demand: what follows is the threat itself."""
_IF = re.compile(tolerant(r"\b(?:agar|agr|if)\b|اگر"))
_THEN = re.compile(tolerant(r"\b(?:to|toh|tou|then)\b|\bتو\b|,|،"))
"""After an "if" earlier in the text, where its condition ends."""
_SELF_OBJECT = re.compile(
    tolerant(r"\b(?:mujhe|mujhko|mujh ko|mje|mujhay|hamein|humein|hume|hamen|hmein)\b|مجھے|ہمیں")
)
"""The writer as the object ("ammi mujhe maar dengi") is not a threat by the writer."""
_GOLI_IDIOM = re.compile(
    tolerant(r"\b(?:yar|yaar|yr|baat|bat|chhod|chhor|chod|chor|forget|chalo)\w*|یار|بات|چھوڑ")
)
_GAME = re.compile(
    tolerant(
        r"\b(?:game|games|gaming|gamer|level|boss|round|match|fortnite|pubg|free ?fire|minecraft|gta|cod|"
        r"valorant|npc|respawn|lobby|squad|1v1|player|players|zombies?|noob|ludo|chess|tekken|fifa|ranked|"
        r"final|semi ?final|cricket|team|toss|innings|wicket|series|world ?cup|psl|trophy|tournament|"
        r"kabaddi|hockey|football|khel|mukabla|muqabla)\b|فائنل|میچ|ٹیم|کرکٹ|ٹورنامنٹ|مقابلے"
    )
)
_SECOND_PERSON = re.compile(
    tolerant(
        r"\b(?:tujhe|tujhay|tujhko|tumhe|tumhein|tumko|tu|tum|you|u|tera|teri|tere|tumhara|tumhari|aap)\b"
    )
    + r"|تجھے|تمہیں|تیرا|تیری|تیرے"
)
"""A threat aimed at the reader personally stays reviewable even in a game or sports context."""
_JOKE = re.compile(tolerant(r"\b(?:lol|lmao|lmfao|rofl|haha|hahaha|jk|jokes?|mazak|mazaq)\b|😂|🤣|😆|😜|😝"))
_PRONOUN_TARGETS = frozenset({"they", "them"})
"""Targets named only by a pronoun: what they stand for is written before them."""
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"[\"“«](?P<q>[^\"”»]{3,})[\"”»]")
_COUNTER = re.compile(
    tolerant(
        r"\b(?:stop saying|don't say|dont say|never say|not ok(?:ay)?|is wrong|unacceptable|condemn\w*|"
        r"shame on|report (?:this|him|her|them)|is a crime|hate speech|mat kaho|mat bolo|aisa mat|aisi baat|"
        r"ghalat hai|galat hai|sharam kar\w*)\b|\baisa\s+(?:\S+\s+){0,3}?(?:nahi|mat)\s+bol\w*"
        r"|مت کہو|غلط ہے|مذمت|شرم کر"
    )
)
_SAYING = re.compile(
    tolerant(r"\b(?:say|says|saying|said|told|shouted|wrote|kehna|kehte|kaha|bola|bolna)\b|کہا|کہنا")
)
_NEWS = re.compile(
    tolerant(
        r"\b(?:police|arrested|court|according to|reported(?:ly)?|allegedly|accused|charged|fir|threatened|"
        r"sentenced|convicted|giraftar|adalat|mulzim)\b|پولیس|گرفتار|عدالت|ملزم|کے مطابق"
    )
)


def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Harmless objects of "maar" and non-human targets, from `data/threat_words.yaml`."""
    name = "threat_words.yaml"
    doc = yaml.safe_load(read_data(name))
    lists: list[frozenset[str]] = []
    for key in ("harmless_objects", "nonhuman_targets"):
        words = doc.get(key) if isinstance(doc, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValidationFailedError(
                name, [Located(name, 1, f"`{key}` must be a list of words (quote yes/no)")]
            )
        lists.append(frozenset(words))
    return lists[0], lists[1]


def _untargeted_score(rule: PhraseRule) -> float | None:
    for tag in rule.tags:
        if tag.startswith("untargeted="):
            return float(tag.split("=", 1)[1])
    return None


class ThreatDetector(Detector):
    """Threats, incitement, extremist praise and calls to criminal violence."""

    name: ClassVar[str] = "threats"
    version: ClassVar[str] = "5"

    def __init__(self) -> None:
        phrases = load_phrase_file("threats.yaml", policies=POLICIES)
        self._harmless, self._nonhuman = _word_lists()
        self._phrases = PhraseMatcher(phrases.rules)
        self._untargeted: Mapping[str, float | None] = {r.id: _untargeted_score(r) for r in phrases.rules}
        m = phrases.macros
        places = {
            "ru": "|ghar|gharon|ghr|dukan\\w*|basti|bastiyon|mohall[ae]y?|church|masjid|mandir|imambargah|gaon",
            "ur": "|گھر|گھروں|دکان|دکانوں|بستی|بستیوں|محلے|محلہ|چرچ|گرجا|گرجے|مسجد|مندر|امام بارگاہ|گاوں",
        }
        targets = {
            kind + suffix: re.compile(tolerant(f"(?<!\\w)(?P<t>{m[macro]}{extra})(?:\\s+\\S+){{0,3}}?\\s*$"))
            for kind, macro in (("ru", "RU_TARGET"), ("ur", "UR_TARGET"))
            for suffix, extra in (("", ""), ("-place", places[kind]))
        }
        self._target_before: Mapping[str, re.Pattern[str]] = {
            r.id: targets[t.split("=", 1)[1]]
            for r in phrases.rules
            for t in r.tags
            if t.startswith("target-before=")
        }

    def keyword_gates(self) -> tuple[KeywordGate, ...]:
        """The phrase rules' keyword gate (for a shared keyword pass)."""
        return (self._phrases.gate,)

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """`detect` for each item; items without a rule keyword cost one lookup."""
        mask_in = self._phrases.gate.mask_in
        return [self.detect(item) if mask_in(item.norm) else [] for item in items]

    def detect(self, item: Item) -> list[Signal]:
        text = item.norm.text
        found: dict[str, list[tuple[float, str, Span]]] = {}
        context: _Context | None = None
        for rule, match in self._phrases.find_in(item.norm):
            scored = self._base_score(rule, match, text)
            if scored is None:
                continue
            base, start = scored
            context = context or _Context(text)
            score = context.adjust(rule, match, base)
            if score < _MIN_SCORE:
                continue
            span = item.norm.to_original(start, match.end())
            found.setdefault(rule.policy, []).append((score, rule.id, span))
        signals = []
        for policy, hits in found.items():
            hits.sort(key=lambda h: -h[0])
            spans = merge_spans(h[2] for h in hits)
            ids = ",".join(dict.fromkeys(h[1] for h in hits))
            signals.append(
                Signal(policy, round(hits[0][0], 4), self.name, self.version, spans, f"rule:{ids}")
            )
        return signals

    def _names_nonhuman(self, window: str) -> bool:
        """Whether a non-human word ("mosquitoes", "zombies") is written in `window`."""
        return any(w in self._nonhuman or w.rstrip("s") in self._nonhuman for w in _WORD.findall(window))

    def _base_score(self, rule: PhraseRule, match: re.Match[str], text: str) -> tuple[float, int] | None:
        """The rule's score for this match and where its evidence starts (with the target written
        before it), or None when the match is a known harmless use."""
        groups = match.groupdict()
        verb_start = match.start("verb") if groups.get("verb") else match.start()
        start = match.start()
        if groups.get("verb") and _word_before(text, verb_start) in self._harmless:
            return None
        group = groups.get("group")
        target = (groups.get("target") or groups.get("target2") or "").strip()
        before = self._target_before.get(rule.id)
        if not target and before is not None:
            found = before.search(text, max(0, start - 60), start)
            if found is not None:
                target, start = found.group("t"), found.start("t")
        if not target and "target-required" in rule.tags:
            return None
        if group and (group in self._nonhuman or group.rstrip("s") in self._nonhuman):
            return None
        if target and target.split()[-1] in self._nonhuman:
            return None
        if target in _PRONOUN_TARGETS and self._names_nonhuman(text[max(0, start - 60) : start]):
            return None  # "mosquitoes everywhere, they should all be killed"
        if "goli" in rule.tags and "goli" in match.group() and not target:
            after = text[match.end() : match.end() + 30]
            if _GOLI_IDIOM.search(after) or _GOLI_IDIOM.search(
                text[max(0, match.start() - 20) : match.start()]
            ):
                return None
        if _SELF_OBJECT.search(text, max(0, verb_start - 25), verb_start):
            return None
        if "negation-ok" not in rule.tags:
            window = _after_condition(text, match.start(), verb_start)
            if _NEGATION.search(window) and not re.search(r"[.!?؟۔]", window[-12:]):
                return None
        untargeted = self._untargeted[rule.id]
        if untargeted is not None and not target:
            return untargeted, start
        return rule.score, start


class _Context:
    """Facts about the whole text, computed once per item and only when some rule matched."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.game = _GAME.search(text) is not None
        self.joke = _JOKE.search(text) is not None
        self.counter = _COUNTER.search(text) is not None
        self.saying = _SAYING.search(text) is not None
        self.news = _NEWS.search(text) is not None
        self.quotes = [(m.start("q"), m.end("q")) for m in _QUOTED.finditer(text)]

    def adjust(self, rule: PhraseRule, match: re.Match[str], score: float) -> float:
        """The score after quotation, counter-speech, news, game and joke context."""
        quoted = any(s <= match.start() and match.end() <= e for s, e in self.quotes)
        if quoted and (self.counter or self.saying or self.news):
            return 0.0
        if self.counter and self.saying:
            return 0.0
        if self.news and ("first-person" not in rule.tags or quoted):
            score *= 0.5
        if self.counter:
            score *= 0.6
        if self.game and "slogan" not in rule.tags:
            near = self.text[max(0, match.start() - 25) : match.end()]
            score *= 0.6 if _SECOND_PERSON.search(near) else 0.4
        if self.joke and ("explicit" in rule.tags or "ambiguous" in rule.tags):
            score *= 0.75
        return score


def _after_condition(text: str, match_start: int, verb_start: int) -> str:
    """The few words before the verb in which a negation would negate the threat.

    A negation in a condition does not negate the threat that follows it: "paise do nahi to ...",
    "agar meri baat nahi mani to ...", "if you don't stop I will kill you". The window starts after
    the last "warna"/"or else", and, when an "if" came earlier, after the end of its condition
    (a "to"/"then"/comma, or the start of a match that begins with its own subject: "I will")."""
    cut = max(0, verb_start - 25)
    for found in _CONSEQUENT.finditer(text, cut, verb_start):
        cut = found.end()
    if _IF.search(text, 0, verb_start):
        for found in _THEN.finditer(text, cut, verb_start):
            cut = found.end()
        if cut < match_start < verb_start:
            cut = match_start
    return text[cut:verb_start]


def _word_before(text: str, pos: int) -> str:
    """The word that ends just before `pos` (skipping spaces), or ''."""
    head = text[:pos].rstrip()
    i = len(head)
    while i > 0 and (head[i - 1].isalnum() or head[i - 1] in "_"):
        i -= 1
    return head[i:]
