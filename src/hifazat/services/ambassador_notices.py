"""What applicants and ambassadors are told about the programme, in English and in Urdu."""

from __future__ import annotations

from datetime import date
from typing import Literal

from hifazat.core.enforcement.notices import MONTHS_UR, Notice
from hifazat.core.enforcement.vocabulary import Language

Happening = Literal["approved", "declined", "stepped_down", "removed"]

TEXT: dict[Happening, tuple[str, str, str, str]] = {
    "approved": (
        "Welcome to the Safety Ambassadors programme",
        "Your application was approved. Your reports now count as trusted flags and your public profile"
        " is live. Thank you for helping keep our community safe.",
        "سیفٹی ایمبیسیڈر پروگرام میں خوش آمدید",
        "آپ کی درخواست منظور ہو گئی ہے۔ اب آپ کی رپورٹس قابلِ اعتماد نشاندہی شمار ہوں گی اور آپ کی"
        " عوامی پروفائل بھی سب کے لیے دستیاب ہے۔ ہماری کمیونٹی کو محفوظ رکھنے میں ہاتھ بٹانے کا شکریہ۔",
    ),
    "declined": (
        "Your ambassador application was not approved",
        "Reason: {reason}. You can apply again from {day}.",
        "آپ کی ایمبیسیڈر درخواست منظور نہیں ہو سکی",
        "وجہ: {reason}۔ آپ {day} سے دوبارہ درخواست دے سکتے ہیں۔",
    ),
    "stepped_down": (
        "You are no longer a Safety Ambassador",
        "You stepped down from the programme. Thank you for all you did; you are welcome to apply again.",
        "آپ اب سیفٹی ایمبیسیڈر نہیں رہے",
        "آپ نے پروگرام سے علیحدگی اختیار کر لی ہے۔ آپ کی تمام خدمات کا بہت شکریہ؛ آپ جب چاہیں دوبارہ"
        " درخواست دے سکتے ہیں۔",
    ),
    "removed": (
        "You are no longer a Safety Ambassador",
        "You were removed from the programme. Reason: {reason}.",
        "آپ اب سیفٹی ایمبیسیڈر نہیں رہے",
        "آپ کو پروگرام سے ہٹا دیا گیا ہے۔ وجہ: {reason}۔",
    ),
}


def day_text(day: date, language: Language) -> str:
    """`3 March 2027` or `3 مارچ 2027`."""
    if language == "ur":
        return f"{day.day} {MONTHS_UR[day.month - 1]} {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def programme_notice(
    happening: Happening, language: Language, *, reason: str = "", again: date | None = None
) -> Notice:
    """The notice for one happening in the recipient's language."""
    title_en, body_en, title_ur, body_ur = TEXT[happening]
    title, body = (title_ur, body_ur) if language == "ur" else (title_en, body_en)
    day = "" if again is None else day_text(again, language)
    return Notice("ambassador", language, title, body.format(reason=reason.rstrip(".۔"), day=day))
