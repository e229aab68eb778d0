"""The batch path (`Moderator.check_batch`: shared preparation, shared keyword pass, copies decided
once) gives exactly the verdicts of a plain run that sends every
item through every detector, on a few thousand varied texts: the evasion set, its generated
obfuscations, and texts built to trip personal-information, link and spam checks."""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

import pytest
from evasion_obfuscation import KINDS, obfuscate

from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.core.signals import Signal

DATA = Path(__file__).parents[2] / "data" / "evasion"

# Written for this test (no data set rows): each exercises a check that reads the original text.
TRICKY = [
    "call me on 0300-1234567 for details",  # a phone number
    "iska number 03001234567 hai sab call karo",  # someone else's number
    "my cnic is 35202-1234567-1",  # a CNIC
    "mail me at ali.khan@gmail.com",  # an e-mail address
    "@ali @sara @omar @zain @hina check this",  # five mentions
    "#fyp " * 11,  # eleven hashtags
    "f4f l4l anyone?",  # a numeric template
    "free prize at jazzcash-bonus.xyz claim now",  # a brand-misusing link
    "watch here https://bit.ly/abc and www.example.com and t.me/x",  # several links
    "CLICK THIS LINK NOW TO WIN BIG PRIZES https://bit.ly/x",  # shouting with a link
    "sooooooooooooooooooooooo good",  # a long run of one letter
    "😂" * 16,  # an emoji flood
    "buy buy buy buy buy buy now",  # a repeated word
    "house no 12 street 5 block B lahore",  # an address
    "covid19 update at 5pm",  # digits that are not leetspeak
    "nice.video bro",  # a dot before a letter that is no link
    "ok (see) [this]",  # brackets without a link
    "yeh video bohat acha hai bhai",  # harmless Roman Urdu
    "یہ ویڈیو بہت اچھی ہے",  # harmless Urdu
    "this video is amazing, where did you film it?",  # harmless English
]


def _load(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@cache
def texts() -> list[str]:
    """About five thousand texts, shuffled with a fixed seed, some repeated three times (campaigns)."""
    clean, harmless = _load("clean.jsonl"), _load("harmless.jsonl")
    out = [row["text"] for row in clean + harmless] + TRICKY
    targets = [(row["text"], row["target"]) for row in clean]
    targets += [(row["text"], max(row["text"].split(), key=len)) for row in harmless]
    for text, target in targets:
        for kind in KINDS:
            for seed in range(2):
                variant = obfuscate(text, target, kind, seed)
                if variant is not None:
                    out.append(variant)
    rng = random.Random(20261207)
    for row in rng.sample(harmless, 20):
        out += [row["text"]] * 3  # harmless copy-paste: the spam detector's campaign rule
    out += [f"{t} {t}" for t in rng.sample(out, 200)]  # doubled texts: longer, more repeats
    rng.shuffle(out)
    return out


@cache
def rule_moderator() -> Moderator:
    registry = default_registry()
    names = [n for n in DEFAULT_DETECTORS if n != "learned"]
    return Moderator([registry.create(n) for n in names], default_catalogue())


def _plain(moderator: Moderator, batch: list[str]) -> list[str]:
    """Every item through every detector's own `detect` (cross-item detectors, which relate
    copies, through `detect_batch` over the whole batch), no sharing of work, then the decision."""
    items = [moderator.item(t) for t in batch]
    per_item: list[list[Signal]] = [[] for _ in items]
    for detector in moderator.detectors:
        if detector.cross_item:
            found = detector.detect_batch(items)
        else:
            found = [detector.detect(item) for item in items]
        for bucket, signals in zip(per_item, found, strict=True):
            bucket.extend(signals)
    return [
        json.dumps(moderator.engine.decide(i, s, moderator.detector_versions).to_dict(), ensure_ascii=False)
        for i, s in zip(items, per_item, strict=True)
    ]


def test_the_corpus_is_varied() -> None:
    corpus = texts()
    assert len(corpus) >= 3000
    assert sum(not t.isascii() for t in corpus) >= 500  # Urdu script and obfuscations
    verdicts = rule_moderator().check_batch(corpus[:1000])
    flagged = sum(bool(v.signals) for v in verdicts)
    assert 200 <= flagged <= 900  # both flagged and clean texts are exercised


@pytest.mark.parametrize("start", range(0, 6000, 500))
def test_batch_verdicts_equal_a_plain_run(start: int) -> None:
    batch = texts()[start : start + 500]
    if not batch:
        pytest.skip("corpus shorter than this slice")
    moderator = rule_moderator()
    batched = [json.dumps(v.to_dict(), ensure_ascii=False) for v in moderator.check_batch(batch)]
    assert batched == _plain(moderator, batch)


def test_single_checks_equal_independent_batches() -> None:
    moderator = rule_moderator()
    batch = texts()[:400]
    items = [moderator.item(t) for t in batch]
    together = [v.to_dict() for v in moderator.check_items(items, independent=True)]
    alone = [moderator.check(t).to_dict() for t in batch]
    assert together == alone
