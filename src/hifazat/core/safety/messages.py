"""What a person reads about an interaction decision, in English and Urdu.

Messages never reveal another account's exact age or that it restricted you; the reason code tells the
app precisely why.
"""

from __future__ import annotations

from datetime import datetime

CANNOT: dict[str, tuple[str, str]] = {
    "comment": ("You can't comment on this account's videos", "آپ اس اکاؤنٹ کی ویڈیوز پر تبصرہ نہیں کر سکتے"),
    "message": ("You can't send messages to this account", "آپ اس اکاؤنٹ کو پیغام نہیں بھیج سکتے"),
    "duet": (
        "You can't Duet with this account's videos",
        "آپ اس اکاؤنٹ کی ویڈیوز کے ساتھ ڈوئٹ نہیں بنا سکتے",
    ),
    "stitch": ("You can't Stitch this account's videos", "آپ اس اکاؤنٹ کی ویڈیوز کو اسٹچ نہیں کر سکتے"),
    "mention": ("You can't mention this account", "آپ اس اکاؤنٹ کو مینشن نہیں کر سکتے"),
    "follow": ("You can't follow this account", "آپ اس اکاؤنٹ کو فالو نہیں کر سکتے"),
    "view": ("You can't view this account's videos", "آپ اس اکاؤنٹ کی ویڈیوز نہیں دیکھ سکتے"),
    "live": ("You can't join this LIVE", "آپ اس لائیو میں شامل نہیں ہو سکتے"),
    "host_live": ("You can't go LIVE", "آپ لائیو نہیں جا سکتے"),
    "gift": ("You can't send gifts to this account", "آپ اس اکاؤنٹ کو تحفے نہیں بھیج سکتے"),
    "view_content": ("You can't watch this video", "آپ یہ ویڈیو نہیں دیکھ سکتے"),
}
"""The refused action per interaction kind (plus hosting a LIVE and watching one video)."""

BECAUSE: dict[str, tuple[str, str]] = {
    "block": ("one of you has blocked the other", "آپ میں سے ایک نے دوسرے کو بلاک کیا ہوا ہے"),
    "age_actor": ("this feature isn't available at your age", "یہ سہولت آپ کی عمر میں دستیاب نہیں"),
    "age_target": (
        "this account's age-based protections don't allow it",
        "اس اکاؤنٹ پر عمر کے لحاظ سے لاگو حفاظتی پابندیاں اس کی اجازت نہیں دیتیں",
    ),
    "parent_control": (
        "a parent or guardian manages this through Family Pairing",
        "والدین یا سرپرست فیملی پیئرنگ کے ذریعے اسے کنٹرول کرتے ہیں",
    ),
    "privacy": (
        "this account's privacy settings don't allow it",
        "اس اکاؤنٹ کی پرائیویسی سیٹنگز اس کی اجازت نہیں دیتیں",
    ),
    "restricted": (
        "this account's privacy settings don't allow it",
        "اس اکاؤنٹ کی پرائیویسی سیٹنگز اس کی اجازت نہیں دیتیں",
    ),
    "restricted_mode": (
        "Restricted Mode is on for your account",
        "آپ کے اکاؤنٹ پر محدود موڈ آن ہے",
    ),
    "restricted_mode_parent": (
        "a parent or guardian has turned on Restricted Mode through Family Pairing",
        "والدین یا سرپرست نے فیملی پیئرنگ کے ذریعے محدود موڈ آن کیا ہوا ہے",
    ),
    "adult_only": ("this video is for adults only", "یہ ویڈیو صرف بالغ افراد کے لیے ہے"),
}
"""Why, per reason (some reasons have two wordings: about you, or about the other account)."""

ALLOWED: dict[str, tuple[str, str]] = {
    "ok": ("Allowed.", "اجازت ہے۔"),
    "comment_hidden": ("Allowed.", "اجازت ہے۔"),
    "approval_required": (
        "This account is private: your follow request will be sent for approval.",
        "یہ اکاؤنٹ نجی ہے: آپ کی فالو کی درخواست منظوری کے لیے بھیج دی جائے گی۔",
    ),
}
"""Messages for allowed decisions (a restricted commenter is not told that others won't see the comment)."""


def refusal(
    action: str, why: str, until: datetime | None = None, *, penalty: bool = False
) -> tuple[str, str]:
    """The English and Urdu sentence for a refusal of `action` (a key of `CANNOT`)."""
    en_head, ur_head = CANNOT[action]
    if penalty:
        when_en = f" until {until:%Y-%m-%d %H:%M} UTC" if until else ""
        when_ur = f" {until:%Y-%m-%d %H:%M} (UTC) تک" if until else ""
        return (
            f"{en_head}: this feature is paused on your account{when_en} "
            "after a Community Guidelines violation.",
            f"{ur_head}، کیونکہ کمیونٹی گائیڈلائنز کی خلاف ورزی کی وجہ سے "
            f"یہ سہولت آپ کے اکاؤنٹ پر{when_ur} بند ہے۔",
        )
    en_why, ur_why = BECAUSE[why]
    return f"{en_head}: {en_why}.", f"{ur_head}، کیونکہ {ur_why}۔"
