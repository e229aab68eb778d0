"""A digest of every verdict the default engine gives on a large fixed corpus, to prove that a
speed change left every decision exactly as it was.

    python bench/verdict_digest.py --out /tmp/digest-base.jsonl
    python bench/verdict_digest.py --out /tmp/digest-new.jsonl --compare /tmp/digest-base.jsonl

The corpus (built the same way on every run, seeded): every text of the shared training files the
speed bench draws from (English, Roman Urdu, Urdu script), each once; the evasion set of
`tests/data/evasion` clean and obfuscated by every kind of `tests/core/detectors/evasion_obfuscation.py`
under three seeds; a seeded share of the real texts with one word obfuscated the same way; the
templated comments of `corpus.synthetic` (copies: spam's copy-paste check fires); and hand-written
edge cases (control characters, every kind of whitespace, emoji, mixed scripts, long texts).

Verdicts are taken from `Moderator.default().check_batch` in batches of 1,024 (the batch decides
what the cross-item spam check sees, so it is fixed), and from `check` one at a time for a slice;
`--small N` adds N texts drawn from the whole corpus checked as the API checks them (independent
batches of 1 to 16, where the learned detector takes its small-batch path).
Each line of `--out` holds one verdict: action, language, support, every finding (policy, score,
band, action, tier, detectors, spans, evidence), every signal (policy, score, detector, version,
spans, note), reasons and rule hits. Scores are written exactly (`repr`) and compared with a
tolerance of 1e-9; the printed digest hashes them rounded to 1e-9.
Nothing from the data sets is written to the repository; `--out` goes wherever you say (use /tmp).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "core" / "detectors"))

from corpus import real_texts, synthetic
from evasion_obfuscation import KINDS, obfuscate

from hifazat.core.decide.verdict import Verdict
from hifazat.core.moderator import Moderator

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1024
SMALL_MAX = 16
SMALL_SEED = 20261208
TOLERANCE = 1e-9

EDGE = [
    "a",
    "!",
    "  padded   text  ",
    "tabs\tand\nnew\r\nlines\x0bvt\x0cff",
    "control\x00chars\x07here\x1f and \x7f del",
    "nbsp\u00a0thin\u2009ideo\u3000space",
    "zero\u200bwidth\u200cjoin\u200d ers\ufeff",
    "\u202eevil bidi\u202c text",
    "k.i.l.l y.o.u",
    "k i l l   y o u",
    "f u c k   t h i s",
    "ک-ت-ا",
    "ک ت ا ک ت ا",
    "1.2.3.4 and 0 3 0 0",
    "sh!t a$$ k1ll ki||er @ali wow!! 5hit 1diot rs500 covid19 4g",
    "fuuuuuuck yooouuuu",
    "ﾌｧｯｸ ｆｕｃｋ ｙｏｕ",
    "ᴋɪʟʟ ʏᴏᴜ",
    "𝐟𝐮𝐜𝐤 𝒚𝒐𝒖 𝕜𝕚𝕝𝕝",
    "Ⓕⓤⓒⓚ ⓨⓞⓤ",
    "fück yöü",
    "z̷̢a̶l̷g̵o̸ ̷k̶i̵l̶l̷",
    "ﺟﺎﻥ ﺳﮯ ﻣﺎﺭ ﺩﻭﮞ ﮔﺎ",
    "كتے كي اولاد",
    "کــتــے",
    "کُتّے کی اَولاد",
    "۱۲۳۴ ٠١٢٣ १२३",
    "ﷲ ﷺ",
    "mera number 0300-1234567 hai, email me at a.b@example.com",
    "visit http://bit.ly/abc and www.example.pk/free-prize now",
    "😂😂😂🔥🔥 👍🏽 👨‍👩‍👧",
    "tum bohat bure ho you are an idiot تم بہت برے ہو",
    "x" * 9000,
    ("kill you " * 600).strip(),
    ("بہت اچھا " * 500).strip(),
    "İstanbul ǅemal ß ﬁne ﬀ",
    "Ꭺpple ΑΒΓ αβγ кот",
    "the\u00adsoft\u00adhyphen",
    "a\u0300\u0301\u0302 e\u0303",
]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def digest_corpus(obfuscated_share: float = 0.25, seed: int = 20261207) -> list[str]:
    """The fixed corpus described in the module docstring."""
    rng = random.Random(seed)
    texts: list[str] = []
    pools = real_texts()
    if pools is None:
        raise SystemExit("the shared data sets are missing: set HIFAZAT_DATASETS_DIR")
    real = [t[:2000] for lang in ("en", "roman-ur", "ur") for t in pools[lang]]
    texts.extend(real)
    evasion = ROOT / "tests" / "data" / "evasion"
    for name in ("clean.jsonl", "harmless.jsonl"):
        for row in _jsonl(evasion / name):
            texts.append(row["text"])
            target = row.get("target")
            if not target:
                continue
            for kind in KINDS:
                for s in range(3):
                    new = obfuscate(row["text"], target, kind, s)
                    if new is not None:
                        texts.append(new)
    kinds = sorted(KINDS)
    for text in real:
        if rng.random() >= obfuscated_share:
            continue
        words = [w for w in text.split(" ") if len(w) >= 3]
        if not words:
            continue
        target = rng.choice(words)
        new = obfuscate(text, target, rng.choice(kinds), rng.randrange(6))
        if new is not None and new != text:
            texts.append(new)
    texts.extend(synthetic(4000, rng))
    texts.extend(EDGE)
    rng.shuffle(texts)
    return [t for t in texts if t.strip() and not t.isspace()]


def _score(x: float) -> str:
    return repr(float(x))


def verdict_record(v: Verdict) -> dict[str, Any]:
    return {
        "action": v.action,
        "language": v.language,
        "support": v.support,
        "policies": v.policies,
        "findings": [
            [
                f.policy,
                _score(f.score),
                f.band,
                f.action,
                f.tier,
                list(f.detectors),
                [[s.start, s.end] for s in f.spans],
                list(f.evidence),
            ]
            for f in v.findings
        ],
        "signals": [
            [s.policy, _score(s.score), s.detector, s.version, [[p.start, p.end] for p in s.spans], s.note]
            for s in v.signals
        ],
        "reasons": [list(v.reasons_en), list(v.reasons_ur)],
        "rules": [[r.rule, r.action, r.shadow, list(r.policies)] for r in v.rules],
    }


def _rounded(record: dict[str, Any]) -> dict[str, Any]:
    out = dict(record)
    out["findings"] = [[f[0], round(float(f[1]), 9), *f[2:]] for f in record["findings"]]
    out["signals"] = [[s[0], round(float(s[1]), 9), *s[2:]] for s in record["signals"]]
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal, allowing a float difference below `TOLERANCE` in scores."""
    if a == b:
        return True
    if {k: v for k, v in a.items() if k not in ("findings", "signals")} != {
        k: v for k, v in b.items() if k not in ("findings", "signals")
    }:
        return False
    for key in ("findings", "signals"):
        if len(a[key]) != len(b[key]):
            return False
        for x, y in zip(a[key], b[key], strict=True):
            if x[0] != y[0] or x[2:] != y[2:] or abs(float(x[1]) - float(y[1])) >= TOLERANCE:
                return False
    return True


def small_sample(texts: list[str], n: int) -> list[str]:
    """`n` texts drawn from the whole corpus (seeded), for `small_batches`."""
    return random.Random(SMALL_SEED).sample(texts, min(n, len(texts)))


def small_batches(moderator: Moderator, texts: list[str]) -> list[Verdict]:
    """Verdicts for `texts` in the API's small independent batches (sizes seeded, 1 to `SMALL_MAX`)."""
    rng = random.Random(SMALL_SEED)
    out: list[Verdict] = []
    i = 0
    while i < len(texts):
        size = rng.randint(1, SMALL_MAX)
        out.extend(moderator.check_items([moderator.item(t) for t in texts[i : i + size]], independent=True))
        i += size
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True, help="one JSON line per verdict")
    parser.add_argument("--compare", type=Path, help="an earlier --out to compare with")
    parser.add_argument("--single", type=int, default=3000, help="texts also checked one at a time")
    parser.add_argument(
        "--small",
        type=int,
        default=0,
        help="texts also checked as the API's check batcher does (`check_items(independent=True)`) in "
        f"small batches of 1 to {SMALL_MAX} texts (seeded sizes); 0 (the default) leaves them out, so "
        "that digests written before this option compare",
    )
    args = parser.parse_args()
    texts = digest_corpus()
    moderator = Moderator.default()
    cpu = time.process_time()
    verdicts: list[Verdict] = []
    for i in range(0, len(texts), BATCH):
        verdicts.extend(moderator.check_batch(texts[i : i + BATCH]))
    verdicts.extend(moderator.check(t) for t in texts[: args.single])
    sampled = small_sample(texts, args.small)
    verdicts.extend(small_batches(moderator, sampled))
    cpu = time.process_time() - cpu
    records = [verdict_record(v) for v in verdicts]
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    digest = hashlib.sha256()
    for r in records:
        digest.update(json.dumps(_rounded(r), ensure_ascii=False, sort_keys=True).encode())
    non_ascii = sum(not t.isascii() for t in texts)
    actions: dict[str, int] = {}
    for v in verdicts:
        actions[v.action] = actions.get(v.action, 0) + 1
    print(
        json.dumps(
            {
                "texts": len(texts),
                "non_ascii_texts": non_ascii,
                "verdicts": len(verdicts),
                "actions": actions,
                "digest": digest.hexdigest(),
                "cpu_s": round(cpu, 1),
            }
        )
    )
    if args.compare is None:
        return
    base = [json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines()]
    if len(base) != len(records):
        raise SystemExit(f"DIFFERENT: {len(base)} verdicts before, {len(records)} now")
    n_diff = 0
    for i, (a, b) in enumerate(zip(base, records, strict=True)):
        if not _same(a, b):
            n_diff += 1
            if n_diff <= 5:
                checked = [*texts, *texts[: args.single], *sampled]
                print(f"--- verdict {i}: text {checked[i][:200]!r}\n before {a}\n now    {b}")
    if n_diff:
        raise SystemExit(f"DIFFERENT: {n_diff} of {len(records)} verdicts changed")
    print(f"SAME: all {len(records)} verdicts equal (scores within {TOLERANCE})")


if __name__ == "__main__":
    main()
