"""Comments to time the engine on: real texts from the shared data sets when they are present
(50 % English tweets, 30 % Roman Urdu, 20 % Urdu script), else a seeded synthetic mix.

Speed numbers carry over; quality numbers do not (use `hifazat eval` for quality). Nothing from the
data sets is written anywhere.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

DATASETS = Path(
    os.environ.get("HIFAZAT_DATASETS_DIR", Path(__file__).resolve().parents[2] / "shared" / "datasets")
)
REAL = {
    "en": [
        ("olid-a", "olid_offenseval2019/olid-training-v1.0.dedup_vs_test.tsv"),
        ("davidson", "davidson2017_hate_offensive/labeled_data.train80.csv"),
    ],
    "roman-ur": [("ruhsold-task1", "ruhsold_roman_urdu/task_1_train.dedup_vs_test.tsv")],
    "ur": [("urdu-threat", "urdu_threat_amjad2021/train.dedup_vs_test.csv")],
}
SHARES = {"en": 0.5, "roman-ur": 0.3, "ur": 0.2}

EN = [
    "this video is amazing, where did you film it?",
    "bro the edit at 0:32 is so clean",
    "who else is watching this in 2026",
    "you are such an idiot, delete your account",
    "I will find you and kill you",
    "congrats! you won a prize, send your OTP to claim",
    "follow for follow, check my bio for promo",
    "killing it on stage as always",
    "the recipe worked, thank you so much",
    "shut up you stupid loser",
]
ROMAN = [
    "yeh video bohat acha hai bhai",
    "kya baat hai, maza aa gaya",
    "tum bohat bure ho, chup kar",
    "tujhe jaan se maar dunga",
    "mubarak ho aap ka inaam nikla hai, jazzcash pe fee bhejein",
    "hans hans ke mar gaye yaar",
    "kutte ki aulad, dafa ho ja",
    "mashallah bohat khoobsurat awaz hai",
    "BISP ki qist 25000 hasil karne ke liye link pe click karein",
    "bhai next video kab aye gi",
]
UR = [
    "یہ ویڈیو بہت اچھی ہے",
    "ماشاءاللہ بہت خوب",
    "تم بہت برے ہو",
    "جان سے مار دوں گا",
    "آپ کا انعام نکلا ہے، اپنا کوڈ بھیجیں",
    "بہت شکریہ، اللہ آپ کو خوش رکھے",
    "کتے کی اولاد",
    "اگلی ویڈیو کب آئے گی؟",
]
EXTRA = ["😂😂", "!!", "🔥", "@ali", "#fyp", "lol", "yaar", "bro", "👍", ""]


def real_texts() -> dict[str, list[str]] | None:
    """Texts per language from the shared training files, or None when they are not there."""
    from hifazat.evaluation.datasets import get_dataset

    pools: dict[str, list[str]] = {}
    for lang, sources in REAL.items():
        pool: list[str] = []
        for name, rel in sources:
            path = DATASETS / rel
            if not path.is_file():
                return None
            pool.extend(row.text for row in get_dataset(name).read(path).rows if row.text.strip())
        pools[lang] = pool
    return pools


def corpus(n: int, seed: int = 20261125, *, real: bool = True) -> list[str]:
    """`n` comments in the language mix above; real texts when available."""
    rng = random.Random(seed)
    pools = real_texts() if real else None
    if pools is not None:
        out = []
        for _ in range(n):
            roll = rng.random()
            lang = (
                "en"
                if roll < SHARES["en"]
                else "roman-ur"
                if roll < SHARES["en"] + SHARES["roman-ur"]
                else "ur"
            )
            out.append(rng.choice(pools[lang])[:500])
        return out
    return synthetic(n, rng)


def synthetic(n: int, rng: random.Random) -> list[str]:
    """`n` templated comments with light noise (very repetitive: spam's copy-paste check fires)."""
    out = []
    for _ in range(n):
        roll = rng.random()
        pool = EN if roll < 0.5 else ROMAN if roll < 0.8 else UR
        text = rng.choice(pool)
        if rng.random() < 0.3:
            text = f"{text} {rng.choice(EXTRA)}".strip()
        if rng.random() < 0.1:
            text = text.upper()
        out.append(text)
    return out
