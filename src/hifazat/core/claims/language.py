"""Which of English, Urdu script and Roman Urdu a post or claim is written in (a cheap guess)."""

from __future__ import annotations

import re

from hifazat.core.claims.model import CLAIM_LANGUAGES, ClaimLanguage
from hifazat.core.errors import InvalidInputError

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[a-z]+")
_ROMAN_URDU = frozenset(
    """
    ka ki ke ko ne se mein main mai hai hain hy ho hota hoti hote tha thi thay aur bhi toh ye yeh wo woh
    jo jis kya kia nahi nahin nai par pe kar liye ek aik sab hi ab gaya gayi gaye raha rahi rahe wala wali
    wale diya diye hua hue kuch koi apna apne apni hum tum aap abhi phir kyun kaise kab kahan bohat bahut
    aaj kal raat subah din saal mahine hafte log logon bacha bache bachon sasta mehnga rupay rupaye paisa
    paise hukumat hakumat khabar sach jhoot dekho dekhen dekhain karo karein kijiye bhai yaar behen dost
    wala kahin yahan wahan sirf lekin magar kyunke agar warna zaroor zaroori nahi jaldi pehle baad
    gaya hogi hoga honge rahega rahegi jayega jayegi jayenge jata jati jate diya dete deta deti
    """.split()  # noqa: SIM905
)
"""Frequent Roman Urdu function words that are not English words."""

_ALIASES: dict[str, ClaimLanguage] = {
    "en": "en", "eng": "en", "english": "en",
    "ur": "ur", "urd": "ur", "urdu": "ur", "ur-arab": "ur", "ur-pk": "ur",
    "roman-ur": "roman-ur", "roman_ur": "roman-ur", "ur-latn": "roman-ur", "roman urdu": "roman-ur",
    "roman-urdu": "roman-ur", "romanur": "roman-ur",
}  # fmt: skip


def detect_language(text: str) -> ClaimLanguage:
    """`ur` when Arabic letters dominate, `roman-ur` when Latin text uses Urdu function words, else `en`."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    if arabic and arabic >= latin:
        return "ur"
    words = _WORD.findall(text.casefold())
    if not words:
        return "en"
    urdu = sum(1 for w in words if w in _ROMAN_URDU)
    return "roman-ur" if urdu >= 2 or urdu / len(words) >= 0.2 else "en"


def parse_language(value: str) -> ClaimLanguage:
    """A language code as given by a user or a ClaimReview (`en`, `ur`, `roman-ur`, `Urdu`, …)."""
    folded = value.strip().casefold()
    if folded in _ALIASES:
        return _ALIASES[folded]
    raise InvalidInputError(
        f"unknown language {value!r}",
        hint=f"use one of: {', '.join(CLAIM_LANGUAGES)}",
        message_ur=f"زبان {value!r} معلوم نہیں ({'، '.join(CLAIM_LANGUAGES)} میں سے ایک لکھیں)",
    )
