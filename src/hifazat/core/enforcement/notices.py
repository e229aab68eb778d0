"""What people are told, in English and in Urdu: decisions, strikes, report outcomes and appeals.

Times are shown in Pakistan time (PKT, UTC+5). Urdu phrases are written whole for each kind of content,
so that possessives and verbs agree with the noun's gender. Reporters learn what happened to the content
they reported, never anything about the other account (its strikes, restrictions or ban).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal

from hifazat.core.enforcement.standing import Feature, Standing
from hifazat.core.enforcement.vocabulary import ContentKind, Language, Outcome

PKT = timezone(timedelta(hours=5), "PKT")
"""Pakistan Standard Time; no daylight saving."""

NoticeKind = Literal[
    "decision", "report_outcome", "appeal_received", "appeal_upheld", "appeal_overturned", "ambassador"
]

KIND_EN: dict[ContentKind, str] = {
    "video": "video",
    "caption": "caption",
    "comment": "comment",
    "message": "message",
    "profile": "profile",
    "live_chat": "LIVE chat message",
}
YOUR_KIND_UR: dict[ContentKind, str] = {
    "video": "آپ کی ویڈیو",
    "caption": "آپ کے کیپشن",
    "comment": "آپ کے تبصرے",
    "message": "آپ کے پیغام",
    "profile": "آپ کی پروفائل",
    "live_chat": "آپ کے لائیو چیٹ پیغام",
}
"""`your <kind>` in the oblique form that comes before کو, پر and سے متعلق."""
MONTHS_UR = (
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
)

DECISION_TEXT: dict[Outcome, tuple[str, str, str, str]] = {
    "remove": (
        "We removed your {kind}",
        "Your {kind} was removed because it breaks our Community Guidelines on {policy}.",
        "{your_kind} کو ہٹا دیا گیا ہے",
        "{your_kind} کو ہٹا دیا گیا ہے کیونکہ اس میں ہماری کمیونٹی گائیڈلائنز کے «{policy}» سے متعلق"
        " اصولوں کی خلاف ورزی پائی گئی۔",
    ),
    "restrict_adults": (
        "Your {kind} is now for adults only",
        "Your {kind} stays up, but under our guidelines on {policy} only people aged 18 or over can see it.",
        "{your_kind} کو صرف بالغوں تک محدود کر دیا گیا ہے",
        "{your_kind} کو ہٹایا نہیں گیا، لیکن «{policy}» سے متعلق ہماری گائیڈلائنز کے تحت اب اسے صرف"
        " 18 سال یا اس سے زیادہ عمر کے لوگ دیکھ سکیں گے۔",
    ),
    "not_recommended": (
        "Your {kind} won't be recommended",
        "Your {kind} stays up, but under our guidelines on {policy} we won't recommend it"
        " in the For You feed.",
        "{your_kind} کو تجاویز میں نہیں دکھایا جائے گا",
        "{your_kind} کو ہٹایا نہیں گیا، لیکن «{policy}» سے متعلق ہماری گائیڈلائنز کے تحت اسے"
        " «آپ کے لیے» فیڈ میں تجویز نہیں کیا جائے گا۔",
    ),
    "label": (
        "We added a label to your {kind}",
        "Your {kind} stays up with a label that gives viewers context, under our guidelines on {policy}.",
        "{your_kind} پر ایک لیبل لگا دیا گیا ہے",
        "{your_kind} کو ہٹایا نہیں گیا۔ «{policy}» سے متعلق ہماری گائیڈلائنز کے تحت اس پر ایک لیبل لگایا"
        " گیا ہے تاکہ دیکھنے والوں کو پس منظر معلوم ہو سکے۔",
    ),
}
APPEAL_LINE = (
    "If you think we made a mistake, you can appeal until {deadline}.",
    "اگر آپ سمجھتے ہیں کہ ہم سے غلطی ہوئی ہے تو آپ {deadline} تک اپیل کر سکتے ہیں۔",
)
STRIKE_LINE = (
    "This adds a strike to your account, which expires on {expires}. Repeated violations can lead to"
    " restrictions or a ban.",
    "اس سے آپ کے اکاؤنٹ پر ایک اسٹرائیک لگ گئی ہے جو {expires} کو ختم ہو جائے گی۔ بار بار خلاف ورزی پر"
    " آپ کے اکاؤنٹ پر پابندیاں لگ سکتی ہیں یا اسے بند کیا جا سکتا ہے۔",
)
RESTRICTION_LINE: dict[Feature, tuple[str, str]] = {
    "posting": (
        "Because of repeated strikes, you can't post until {until}.",
        "بار بار اسٹرائیکس کی وجہ سے آپ {until} تک نیا مواد پوسٹ نہیں کر سکتے۔",
    ),
    "commenting": (
        "Because of repeated strikes, you can't comment until {until}.",
        "بار بار اسٹرائیکس کی وجہ سے آپ {until} تک تبصرے نہیں کر سکتے۔",
    ),
    "live": (
        "Because of repeated strikes, you can't go LIVE until {until}.",
        "بار بار اسٹرائیکس کی وجہ سے آپ {until} تک لائیو نہیں جا سکتے۔",
    ),
    "messaging": (
        "Because of repeated strikes, you can't send messages until {until}.",
        "بار بار اسٹرائیکس کی وجہ سے آپ {until} تک پیغامات نہیں بھیج سکتے۔",
    ),
}
SUSPENDED_LINE = (
    "Your account is suspended until {until}: you can watch, but not post, comment or send messages.",
    "آپ کا اکاؤنٹ {until} تک معطل ہے: آپ ویڈیوز دیکھ سکتے ہیں لیکن پوسٹ، تبصرہ یا پیغام نہیں بھیج سکتے۔",
)
BANNED_LINE = (
    "Your account has been permanently banned.",
    "آپ کا اکاؤنٹ مستقل طور پر بند کر دیا گیا ہے۔",
)
ZERO_TOLERANCE_LINE = (
    "We have zero tolerance for this, so your account has been permanently banned.",
    "اس معاملے میں کوئی رعایت نہیں برتی جاتی، اس لیے آپ کا اکاؤنٹ مستقل طور پر بند کر دیا گیا ہے۔",
)
REPORT_TEXT: dict[bool, tuple[str, str, str, str]] = {
    True: (
        "Thanks for your report",
        "We reviewed the {kind} you reported and took action because it breaks our Community Guidelines"
        " on {policy}.",
        "رپورٹ کرنے کا شکریہ",
        "ہم نے آپ کی رپورٹ کا جائزہ لیا اور اس مواد کے خلاف کارروائی کی ہے کیونکہ یہ ہماری کمیونٹی"
        " گائیڈلائنز کے «{policy}» سے متعلق اصولوں کی خلاف ورزی کرتا ہے۔",
    ),
    False: (
        "Thanks for your report",
        "We reviewed the {kind} you reported and found that it doesn't break our Community Guidelines."
        " You can block or mute the account if you'd rather not see it.",
        "رپورٹ کرنے کا شکریہ",
        "ہم نے آپ کی رپورٹ کا جائزہ لیا۔ یہ مواد ہماری کمیونٹی گائیڈلائنز کی خلاف ورزی نہیں کرتا۔ اگر آپ"
        " اسے نہیں دیکھنا چاہتے تو متعلقہ اکاؤنٹ کو بلاک یا میوٹ کر سکتے ہیں۔",
    ),
}
APPEAL_TEXT: dict[str, tuple[str, str, str, str]] = {
    "appeal_received": (
        "We received your appeal",
        "A different moderator will review the decision on your {kind}. We'll let you know the result.",
        "آپ کی اپیل موصول ہو گئی ہے",
        "{your_kind} سے متعلق فیصلے کا جائزہ ایک دوسرا ماڈریٹر لے گا۔ نتیجہ آنے پر ہم آپ کو مطلع کریں گے۔",
    ),
    "appeal_upheld": (
        "Your appeal was reviewed",
        "We looked again, and the decision on your {kind} stays in place under our guidelines on {policy}.",
        "آپ کی اپیل پر فیصلہ ہو گیا ہے",
        "ہم نے دوبارہ جائزہ لیا۔ «{policy}» سے متعلق ہماری گائیڈلائنز کے تحت {your_kind} سے متعلق فیصلہ"
        " برقرار رہے گا۔",
    ),
    "appeal_overturned": (
        "Your appeal was successful",
        "We made a mistake. Your {kind} has been restored.",
        "آپ کی اپیل منظور ہو گئی ہے",
        "ہم سے غلطی ہوئی تھی۔ {your_kind} کو بحال کر دیا گیا ہے۔",
    ),
}
STRIKE_REMOVED_LINE = (
    "The strike has been removed from your account.",
    "آپ کے اکاؤنٹ سے اسٹرائیک ہٹا دی گئی ہے۔",
)


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification, already written in the recipient's language."""

    kind: NoticeKind
    language: Language
    title: str
    body: str


def when(moment: datetime, language: Language) -> str:
    """A date and time in Pakistan time: `25 Nov 2026, 14:05 PKT` or `25 نومبر 2026، 14:05 (پاکستانی وقت)`."""
    local = moment.astimezone(PKT)
    if language == "ur":
        return f"{local.day} {MONTHS_UR[local.month - 1]} {local.year}، {local:%H:%M} (پاکستانی وقت)"
    return f"{local.day} {local:%b %Y, %H:%M} PKT"


def _fill(texts: tuple[str, str, str, str], language: Language, **params: str) -> tuple[str, str]:
    title, body = (texts[0], texts[1]) if language == "en" else (texts[2], texts[3])
    return title.format(**params), body.format(**params)


def _params(kind: ContentKind, policy: tuple[str, str] | None, language: Language) -> dict[str, str]:
    policy_title = "" if policy is None else (policy[0] if language == "en" else policy[1])
    return {"kind": KIND_EN[kind], "your_kind": YOUR_KIND_UR[kind], "policy": policy_title}


def _line(pair: tuple[str, str], language: Language, **params: str) -> str:
    return (pair[0] if language == "en" else pair[1]).format(**params)


def decision_notice(
    *,
    language: Language,
    kind: ContentKind,
    outcome: Outcome,
    policy: tuple[str, str],
    appeal_until: datetime,
    strike_expires: datetime | None = None,
    struck: bool = False,
    standing: Standing | None = None,
) -> Notice:
    """What the author is told about a decision on their content (`policy` is the (en, ur) title)."""
    if outcome == "no_violation":
        raise ValueError("no notice is sent to the author when nothing was found")
    title, body = _fill(DECISION_TEXT[outcome], language, **_params(kind, policy, language))
    lines = [body]
    if struck and standing is not None and standing.ban is not None:
        lines.append(
            _line(ZERO_TOLERANCE_LINE if standing.ban.reason == "zero_tolerance" else BANNED_LINE, language)
        )
    else:
        if struck and strike_expires is not None:
            lines.append(_line(STRIKE_LINE, language, expires=when(strike_expires, language)))
        if struck and standing is not None:
            if standing.suspended_until is not None:
                lines.append(_line(SUSPENDED_LINE, language, until=when(standing.suspended_until, language)))
            for restriction in standing.restrictions:
                until = when(restriction.until, language)
                lines.append(_line(RESTRICTION_LINE[restriction.feature], language, until=until))
    lines.append(_line(APPEAL_LINE, language, deadline=when(appeal_until, language)))
    return Notice("decision", language, title, " ".join(lines))


def report_outcome_notice(
    *, language: Language, kind: ContentKind, actioned: bool, policy: tuple[str, str] | None
) -> Notice:
    """What a reporter is told: whether the content broke the guidelines, and nothing about its author."""
    title, body = _fill(REPORT_TEXT[actioned], language, **_params(kind, policy, language))
    return Notice("report_outcome", language, title, body)


def appeal_notice(
    *,
    language: Language,
    kind: ContentKind,
    stage: Literal["appeal_received", "appeal_upheld", "appeal_overturned"],
    policy: tuple[str, str],
    strike_removed: bool = False,
) -> Notice:
    """What an appellant is told when the appeal arrives and when it is resolved."""
    title, body = _fill(APPEAL_TEXT[stage], language, **_params(kind, policy, language))
    if strike_removed:
        body = f"{body} {_line(STRIKE_REMOVED_LINE, language)}"
    return Notice(stage, language, title, body)


def all_texts() -> list[tuple[str, str]]:
    """Every (English, Urdu) pair of templates, for completeness tests."""
    pairs: list[tuple[str, str]] = []
    for table in (DECISION_TEXT, REPORT_TEXT, APPEAL_TEXT):
        for texts in table.values():
            pairs.extend([(texts[0], texts[2]), (texts[1], texts[3])])
    pairs.extend(
        [APPEAL_LINE, STRIKE_LINE, SUSPENDED_LINE, BANNED_LINE, ZERO_TOLERANCE_LINE, STRIKE_REMOVED_LINE]
    )
    pairs.extend(RESTRICTION_LINE.values())
    return pairs
