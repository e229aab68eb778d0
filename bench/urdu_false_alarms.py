"""How often the production engine flags ordinary Urdu and Roman Urdu: false alarms on text nobody
should report.

    python bench/urdu_false_alarms.py [--data PATH/TO/shared/datasets] [--json OUT]

Three sets of plain sentences, none seen in training:
- `news`: sentences of the half of the Bend the Truth articles that `hifazat train` keeps out of the
  threat head (`training.corpora.urdu_news(..., half=1)`);
- `guides`: sentences of the Safety Centre's own Urdu guides, except the scams guide (it quotes scam
  messages on purpose);
- `roman_urdu`: `bench/data/ordinary_roman_ur_heldout.txt`, everyday Roman Urdu comments written for
  Hifazat, many with words that are insults elsewhere ("mera kutta", "gadha gaari", "pagal kar diya");
  kept apart from `training/data/ordinary_roman_ur.txt`, which the Roman Urdu heads learn from.

Every sentence is checked as a separate item (no copy-paste linking between them). Reports the share
of sentences per action and, for those not allowed, per policy. Quality, not speed: no timings.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from hifazat.core.moderator import Moderator
from hifazat.core.signals import Context
from hifazat.training.corpora import urdu_news

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ROOT / "src" / "hifazat" / "web" / "content" / "guides"
ROMAN_URDU = ROOT / "bench" / "data" / "ordinary_roman_ur_heldout.txt"
_SPLIT = re.compile(r"[۔؟!\n]+")
_LATIN = re.compile(r"[A-Za-z]")


def guide_sentences() -> list[str]:
    out = []
    for path in sorted(GUIDES.glob("*.ur.md")):
        if path.name.startswith("scams"):
            continue
        for part in _SPLIT.split(path.read_text(encoding="utf-8")):
            sentence = part.strip(" #*->|")
            if 15 <= len(sentence) <= 200 and not _LATIN.search(sentence):
                out.append(sentence)
    return out


def roman_urdu_comments() -> list[str]:
    lines = ROMAN_URDU.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def news_sentences(data_dir: Path) -> list[str]:
    return [ex.text for ex in urdu_news(data_dir, half=1)]


def measure(moderator: Moderator, texts: list[str]) -> dict[str, Any]:
    items = [moderator.item(t, Context()) for t in texts]
    verdicts = moderator.check_items(items, independent=True)
    actions = Counter(v.action for v in verdicts)
    policies = Counter(p for v in verdicts if v.action != "allow" for p in v.policies)
    n = len(texts)
    return {
        "sentences": n,
        "actions": {a: round(c / n, 4) for a, c in sorted(actions.items())},
        "flagged": round(sum(c for a, c in actions.items() if a != "allow") / n, 4),
        "flagged_by_policy": {p: round(c / n, 4) for p, c in policies.most_common()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = Path(os.environ.get("HIFAZAT_DATASETS", ROOT.parent / "shared" / "datasets"))
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    moderator = Moderator.default()
    result = {
        "news": measure(moderator, news_sentences(args.data)),
        "guides": measure(moderator, guide_sentences()),
        "roman_urdu": measure(moderator, roman_urdu_comments()),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
