"""The words verdicts use, in English and Urdu."""

from __future__ import annotations

ACTION_TEXT: dict[str, dict[str, str]] = {
    "allow": {"en": "allowed", "ur": "اجازت ہے"},
    "label": {"en": "shown with a label", "ur": "لیبل کے ساتھ دکھایا جائے گا"},
    "restrict": {
        "en": "restricted (adults only, not recommended)",
        "ur": "محدود (صرف بالغوں کے لیے، تجویز نہیں کیا جائے گا)",
    },
    "review": {"en": "sent for human review", "ur": "انسانی جائزے کے لیے بھیجا گیا"},
    "remove": {"en": "removed", "ur": "ہٹا دیا جائے گا"},
}

NOTHING_FOUND = {
    "en": "No Community Guidelines issue found.",
    "ur": "کمیونٹی گائیڈ لائنز کی کوئی خلاف ورزی نہیں ملی۔",
}

SUPPORT = {
    "en": "This may be from someone who is struggling: show support resources and helplines, and send to a trained reviewer.",
    "ur": "ہو سکتا ہے لکھنے والا کسی مشکل سے گزر رہا ہو: مدد کے وسائل اور ہیلپ لائنز دکھائیں، اور تربیت یافتہ جائزہ کار کو بھیجیں۔",
}

RULE = {
    "en": "Operator rule “{rule}”: {action}.",
    "ur": "آپریٹر کا اصول «{rule}»: {action}۔",
}

SHADOW = {"en": " (shadow mode: recorded, not enforced)", "ur": " (شیڈو موڈ: صرف ریکارڈ، نافذ نہیں)"}


def finding_reason(lang: str, title: str, evidence: tuple[str, ...], action: str, score: float) -> str:
    """One line explaining one policy finding."""
    quoted = ", ".join(f"“{e}”" if lang == "en" else f"«{e}»" for e in evidence[:3])
    act = ACTION_TEXT[action][lang]
    if lang == "ur":
        words = f" — الفاظ: {quoted}" if quoted else ""
        return f"{title}{words} — {act} (اسکور {score:.2f})"
    words = f" — matched {quoted}" if quoted else ""
    return f"{title}{words} — {act} (score {score:.2f})"
