"""Roman Urdu to Urdu script, by rule, so that the multilingual embedder sees Urdu it knows.

The sentence embedder handles Urdu script and English well but Roman Urdu poorly. A rough
phonetic transliteration (common words from a table, the rest letter by letter) is enough for
the embedder to recognise most words; the result is never shown to people.
"""

from __future__ import annotations

import re

_WORDS: dict[str, str] = {
    "ka": "کا", "ki": "کی", "ke": "کے", "ko": "کو", "ku": "کو", "se": "سے", "ne": "نے", "me": "میں",
    "mein": "میں", "main": "میں", "mai": "میں", "hai": "ہے", "he": "ہے", "hy": "ہے", "hain": "ہیں",
    "hen": "ہیں", "ho": "ہو", "aur": "اور", "or": "اور", "ya": "یا", "bhi": "بھی", "to": "تو", "toh": "تو",
    "ye": "یہ", "yeh": "یہ", "wo": "وہ", "woh": "وہ", "is": "اس", "us": "اس", "in": "ان", "un": "ان",
    "jo": "جو", "kya": "کیا", "kia": "کیا", "nahi": "نہیں", "nahin": "نہیں", "nai": "نہیں", "na": "نہ",
    "par": "پر", "pe": "پر", "per": "پر", "kar": "کر", "liye": "لیے", "ek": "ایک", "aik": "ایک",
    "sab": "سب", "hi": "ہی", "ab": "اب", "tha": "تھا", "thi": "تھی", "the": "تھے", "gaya": "گیا",
    "gayi": "گئی", "gaye": "گئے", "raha": "رہا", "rahi": "رہی", "rahe": "رہے", "wala": "والا",
    "wali": "والی", "wale": "والے", "diya": "دیا", "di": "دی", "diye": "دیے", "hua": "ہوا", "hue": "ہوئے",
    "baad": "بعد", "din": "دن", "saal": "سال", "log": "لوگ", "logon": "لوگوں", "bache": "بچے",
    "bachon": "بچوں", "bacha": "بچہ", "hukumat": "حکومت", "selab": "سیلاب", "sailab": "سیلاب",
    "qatre": "قطرے", "fauj": "فوج", "paise": "پیسے", "rupay": "روپے",
    "hazar": "ہزار", "lakh": "لاکھ", "band": "بند", "khatam": "ختم", "pani": "پانی", "ghar": "گھر",
    "masjid": "مسجد", "elaan": "اعلان", "ilaj": "علاج", "bimari": "بیماری", "haram": "حرام",
    "aaj": "آج", "kal": "کل", "raat": "رات", "subah": "صبح", "mahine": "مہینے", "mahina": "مہینہ",
    "hafte": "ہفتے", "hafta": "ہفتہ", "agle": "اگلے", "pehle": "پہلے", "sirf": "صرف", "lekin": "لیکن",
    "magar": "مگر", "agar": "اگر", "kyun": "کیوں", "kaise": "کیسے", "bohat": "بہت", "bahut": "بہت",
    "zyada": "زیادہ", "kam": "کم", "naya": "نیا", "nayi": "نئی", "naye": "نئے", "purana": "پرانا",
    "sarkar": "سرکار", "hukkam": "حکام", "awam": "عوام", "mulk": "ملک", "shehar": "شہر", "gaon": "گاؤں",
    "aurat": "عورت", "auraton": "عورتوں", "khawateen": "خواتین", "mard": "مرد", "insaan": "انسان",
    "maut": "موت", "mar": "مر", "jaan": "جان", "khoon": "خون", "dawa": "دوا", "dawai": "دوائی",
    "qaum": "قوم", "saaf": "صاف", "sach": "سچ", "jhoot": "جھوٹ", "khabar": "خبر",
    "dekho": "دیکھو", "dekhen": "دیکھیں", "karo": "کرو", "karein": "کریں", "bhejo": "بھیجو",
    "share": "شیئر", "viral": "وائرل", "fake": "فیک",
    # English loanwords as Roman Urdu writes them
    "vaccine": "ویکسین", "school": "سکول", "polling": "پولنگ", "election": "الیکشن", "station": "سٹیشن",
    "hospital": "ہسپتال", "doctor": "ڈاکٹر", "account": "اکاؤنٹ", "accounts": "اکاؤنٹس", "bank": "بینک",
    "note": "نوٹ", "dollar": "ڈالر", "audio": "آڈیو", "card": "کارڈ", "number": "نمبر", "team": "ٹیم",
    "teams": "ٹیمیں", "teacher": "ٹیچر", "board": "بورڈ", "church": "چرچ", "dam": "ڈیم", "tower": "ٹاور",
    "link": "لنک", "register": "رجسٹر", "tax": "ٹیکس", "data": "ڈیٹا", "tsunami": "سونامی",
    "army": "آرمی", "chief": "چیف", "news": "نیوز", "anchor": "اینکر", "headline": "ہیڈ لائن",
    "screenshot": "سکرین شاٹ", "leak": "لیک", "boycott": "بائیکاٹ", "injection": "انجکشن",
    "cancer": "کینسر", "sugar": "شوگر", "corona": "کورونا", "virus": "وائرس", "dengue": "ڈینگی",
    "juice": "جوس", "heart": "ہارٹ", "attack": "اٹیک", "default": "ڈیفالٹ", "freeze": "فریز",
    "mobile": "موبائل", "phone": "فون", "message": "میسج", "sms": "ایس ایم ایس", "rescue": "ریسکیو",
    "flood": "فلڈ", "relief": "ریلیف", "form": "فارم", "result": "رزلٹ", "vote": "ووٹ", "votes": "ووٹ",
    "box": "باکس", "camera": "کیمرہ", "staff": "سٹاف", "female": "فیمیل", "resign": "ریزائن",
    "dance": "ڈانس", "party": "پارٹی", "loudspeaker": "لاؤڈ سپیکر", "ban": "بین", "drops": "ڈراپس",
    "polio": "پولیو", "biometric": "بائیومیٹرک", "cnic": "شناختی کارڈ", "crack": "کریک", "video": "ویڈیو",
}  # fmt: skip
"""Frequent words whose spelling no letter rule gets right."""

_CLUSTERS: tuple[tuple[str, str], ...] = (
    ("kh", "خ"), ("gh", "غ"), ("sh", "ش"), ("ch", "چ"), ("bh", "بھ"), ("ph", "پھ"), ("th", "تھ"),
    ("dh", "دھ"), ("jh", "جھ"), ("aa", "ا"), ("ee", "ی"), ("oo", "و"), ("ai", "ے"), ("ei", "ی"),
    ("ay", "ے"), ("au", "و"),
)  # fmt: skip
_LETTERS: dict[str, str] = {
    "b": "ب", "p": "پ", "t": "ت", "j": "ج", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف", "q": "ق",
    "k": "ک", "g": "گ", "l": "ل", "m": "م", "n": "ن", "h": "ہ", "w": "و", "v": "و", "y": "ی", "c": "ک",
    "x": "کس", "o": "و", "u": "", "i": "", "e": "ی", "a": "",
}  # fmt: skip
_FINAL: dict[str, str] = {"a": "ا", "e": "ے", "i": "ی", "o": "و", "u": "و", "n": "ں"}
_INITIAL: dict[str, str] = {"a": "ا", "e": "ا", "i": "ا", "o": "او", "u": "ا"}
_LATIN_WORD = re.compile(r"[a-z]+")


def _word(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    out: list[str] = []
    i = 0
    while i < len(word):
        if i == 0 and word[0] in _INITIAL and not word.startswith(("aa", "ai", "au")):
            out.append(_INITIAL[word[0]])
            i += 1
            continue
        pair = word[i : i + 2]
        cluster = next((urdu for latin, urdu in _CLUSTERS if latin == pair), None)
        if cluster is not None:
            out.append("آ" if i == 0 and pair == "aa" else cluster)
            i += 2
            continue
        ch = word[i]
        last = i == len(word) - 1
        if last and ch in _FINAL and len(word) > 2 and not (ch == "n" and word[i - 1] not in "aeiou"):
            out.append(_FINAL[ch])
        else:
            out.append(_LETTERS.get(ch, ch))
        i += 1
    return "".join(out)


def roman_to_urdu(text: str) -> str:
    """A rough Urdu-script rendering of Roman Urdu `text` (digits and punctuation kept)."""
    return _LATIN_WORD.sub(lambda m: _word(m.group(0)), text.casefold())
