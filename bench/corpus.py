"""A seeded synthetic corpus of short comments: English, Roman Urdu and Urdu script, some harmful.

Speed numbers carry over from it; quality numbers do not (use `hifazat eval` for quality).
"""

from __future__ import annotations

import random

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


def corpus(n: int, seed: int = 20261125) -> list[str]:
    """`n` comments: 50 % English, 30 % Roman Urdu, 20 % Urdu script, with light noise."""
    rng = random.Random(seed)
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
