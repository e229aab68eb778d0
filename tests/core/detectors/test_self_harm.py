"""Self-harm: ideation and intent in three languages, idioms, and the support routing in the note."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.self_harm import SelfHarmDetector
from hifazat.core.signals import Context, Signal
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), "unknown", Context())


@pytest.fixture(scope="module")
def detector() -> SelfHarmDetector:
    return SelfHarmDetector()


def _self_harm(detector: SelfHarmDetector, text: str) -> Signal | None:
    return next((s for s in detector.detect(_item(text)) if s.policy == "health.self_harm"), None)


# (text, minimum score, evidence in the ORIGINAL text, kind in the note)
POSITIVES = [
    ("I want to die", 0.8, "I want to die", "ideation"),  # en
    ("honestly i just wanna die", 0.8, "i just wanna die", "ideation"),  # en: informal
    ("I'm going to kill myself tonight", 0.85, "kill myself", "intent"),  # en
    (
        "I don't want to live anymore",
        0.85,
        "I don't want to live anymore",
        "intent",
    ),  # en: negated "live" is intent
    ("I've been cutting myself again", 0.8, "cutting myself", "self-injury"),  # en
    ("nobody would miss me", 0.7, "nobody would miss me", "ideation"),  # en
    ("sometimes i wish i was dead", 0.8, "i wish i was dead", "ideation"),  # en
    ("dil karta hai khudkushi kar loon", 0.85, "khudkushi kar loon", "intent"),  # ru
    ("میں اب جینا نہیں چاہتا", 0.85, "جینا نہیں چاہتا", "intent"),  # ur
    ("main khudkushi kar lunga", 0.85, "khudkushi kar lunga", "intent"),  # ru
    ("main mar jana chahta hoon", 0.8, "mar jana chahta", "ideation"),  # ru
    ("mujhe marna hai bas", 0.8, "mujhe marna hai", "ideation"),  # ru
    ("jeene ka dil nahi karta", 0.85, "jeene ka dil nahi", "intent"),  # ru
    ("apni jaan le lungi", 0.85, "apni jaan le lungi", "intent"),  # ru: feminine
    ("زندگی ختم کر دوں گا", 0.85, "زندگی ختم کر دوں گا", "intent"),  # ur
    ("میں خودکشی کر لوں گی", 0.85, "خودکشی کر لوں گی", "intent"),  # ur: feminine
    ("میں مر جانا چاہتی ہوں", 0.8, "مر جانا چاہتی", "ideation"),  # ur
    ("خودکشی", 0.3, "خودکشی", "mention"),  # ur: the word alone is a mention
    ("he committed suicide last year", 0.3, "suicide", "mention"),  # en: news, a mention
    ("mujhe apni zindagi khatam karni hai", 0.85, "apni zindagi khatam karni hai", "intent"),  # ru
    ("dil karta hai mar jaun", 0.8, "dil karta hai mar jaun", "ideation"),  # ru: "I feel like dying"
    ("دل کرتا ہے کہ مر جاؤں", 0.8, "دل کرتا ہے کہ مر جاؤں", "ideation"),  # ur
    ("زندگی ختم کرنی ہے", 0.85, "زندگی ختم کرنی ہے", "intent"),  # ur
    ("میں خود کو ختم کرنا چاہتی ہوں", 0.85, "خود کو ختم کرنا چاہتی", "intent"),  # ur
    ("main khud ko khatam karna chahti hoon", 0.85, "khud ko khatam karna chahti", "intent"),  # ru
    (  # ru: "I can't bear it any more, I'll end it all tonight"
        "Ab main aur nahi seh sakti, sab khatam kar dungi aaj raat",
        0.8,
        "nahi seh sakti, sab khatam kar dungi",
        "intent",
    ),
    ("مجھ سے اب اور برداشت نہیں ہوتا، سب ختم کر دوں گا", 0.8, "برداشت نہیں ہوتا، سب ختم کر دوں گا", "intent"),
    ("honestly I don't want to be here anymore", 0.65, "I don't want to be here anymore", "ideation"),  # en
    ("what's the point of living like this", 0.65, "what's the point of living", "ideation"),  # en
    (
        "zindagi se tang aa gayi hoon, jeene ka koi faida nahi",
        0.65,
        "zindagi se tang aa gayi",
        "ideation",
    ),  # ru
    ("bas ab aur nahi jeena mujhe", 0.65, "ab aur nahi jeena", "ideation"),  # ru
    ("میں نہیں جینا چاہتی، بس", 0.65, "نہیں جینا چاہتی", "ideation"),  # ur
    ("جینے کا کوئی فائدہ نہیں رہا", 0.65, "جینے کا کوئی فائدہ نہیں", "ideation"),  # ur
    ("دل کرتا ہے ہمیشہ کے لیے سو جاؤں", 0.65, "ہمیشہ کے لیے سو جاؤں", "ideation"),  # ur: sleep forever
    ("main sab par bojh hoon", 0.65, "main sab par bojh hoon", "ideation"),  # ru: a burden
    (
        "bas aaj sab khatam kar dunga, alvida dosto",
        0.8,
        "sab khatam kar dunga, alvida",
        "intent",
    ),  # ru: goodbye
    ("zindagi ka koi maqsad nahi reh gaya", 0.65, "zindagi ka koi maqsad nahi reh gaya", "ideation"),  # ru
    (
        "my family will be better off when I am gone",
        0.7,
        "my family will be better off when I am gone",
        "ideation",
    ),
    ("i burned myself again today", 0.7, "i burned myself again", "self-injury"),  # en
    (
        "I have been thinking of taking my own life",
        0.75,
        "I have been thinking of taking my own life",
        "intent",
    ),
    (
        "i wish i could disappear and never come back",
        0.8,
        "i wish i could disappear and never come back",
        "ideation",
    ),
    ("میں خود کشی کرنے کا ارادہ رکھتا ہوں", 0.8, "خود کشی کرنے کا ارادہ", "intent"),  # ur
    ("ab aur nahi ji sakti main", 0.65, "ab aur nahi ji sakti", "ideation"),  # ru: cannot live on
    (
        "دل چاہتا ہے ایسا سو جاؤں اور پھر کبھی نہ اٹھوں",
        0.65,
        "سو جاؤں اور پھر کبھی نہ اٹھوں",
        "ideation",
    ),  # ur
    (
        "i just want to sleep and never wake up",
        0.65,
        "i just want to sleep and never wake up",
        "ideation",
    ),  # en
    ("i already wrote my suicide note", 0.8, "i already wrote my suicide note", "intent"),  # en
    ("اب میری زندگی کا کوئی مطلب نہیں رہا", 0.65, "میری زندگی کا کوئی مطلب نہیں رہا", "ideation"),  # ur
    ("kash main paida hi na hoti", 0.65, "kash main paida hi na hoti", "ideation"),  # ru
    (
        "maine bohat saari neend ki goliyan kha li hain",
        0.8,
        "saari neend ki goliyan kha li hain",
        "self-injury",
    ),  # ru
]

NEGATIVES = [
    "I'm dying of laughter",  # en: idiom
    "i'm dead 😂😂",  # en: idiom
    "I don't want to die",  # en: negated
    "kill myself laughing at this 😂",  # en: idiom with laughter
    "mar gaye hassi se",  # ru: died laughing
    "tere bina mar jaunga jaan",  # ru: romantic hyperbole
    "bhook se mar raha hoon yaar",  # ru: hungry
    "ہنس ہنس کر مر گئے",  # ur: died laughing
    "this exam is killing me",  # en: idiom
    "I'd rather die than wear that outfit lol",  # en: hyperbole
    "garmi se mar rahe hain aaj",  # ru: heat
    "dil karta hai mar jaun hans hans ke 😂",  # ru: laughter
    "yeh garmi ab bardasht nahi hoti, AC lagwana parega",  # ru: heat, nothing about ending it
    "don't kill yourself, please talk to someone",  # en: support, not incitement
    "please don't ever kill yourself, call Umang",  # en: support
    "I don't want to be here anymore, this party is so boring lol",  # en: a dull party, laughing
    "what's the point of living in Karachi without a generator",  # en: a rant about a city
    "zindagi se tang aa kar usne naya business shuru kiya aur kamyab hua",  # ru: a story of success
    "I was thinking about ending my subscription",  # en: a subscription
    "I cut again the intro of the video, better now",  # en: editing
    "is garmi mein bina AC ke nahi ji sakte log",  # ru: heat, no ab/aur
    "I slept so well and didn't want to wake up for school",  # en: a lie-in
    "I've written my goodbye letter to my old school, moving to Lahore!",  # en: moving away
    "ڈاکٹر نے سر درد کی دو گولیاں لینے کو کہا",  # ur: a prescription
]


@pytest.mark.parametrize(("text", "minimum", "evidence", "kind"), POSITIVES)
def test_finds_self_harm_and_routes_it_to_support(
    detector: SelfHarmDetector, text: str, minimum: float, evidence: str, kind: str
) -> None:
    signal = _self_harm(detector, text)
    assert signal is not None, f"no self-harm signal for {text!r}"
    assert signal.score >= minimum
    assert evidence in [text[s.start : s.end] for s in signal.spans]
    assert signal.note.startswith(f"support:{kind};")


@pytest.mark.parametrize("text", NEGATIVES)
def test_idioms_are_not_self_harm(detector: SelfHarmDetector, text: str) -> None:
    signal = _self_harm(detector, text)
    assert signal is None or signal.score < 0.3


def test_intent_outscores_a_mention(detector: SelfHarmDetector) -> None:
    intent = _self_harm(detector, "main khudkushi kar lunga")
    mention = _self_harm(detector, "khudkushi ke baare mein documentary dekhi")
    assert intent is not None and mention is not None
    assert intent.score > 0.8 > 0.5 > mention.score


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("kys loser", "kys"),  # en
        ("go kill yourself", "go kill yourself"),  # en
        ("khudkushi kar lo tum", "khudkushi kar lo"),  # ru
        ("خودکشی کر لو", "خودکشی کر لو"),  # ur
        ("تم خود کشی کیوں نہیں کر لیتی", "خود کشی کیوں نہیں کر لیتی"),  # ur: "why don't you", feminine
        ("مر جاؤ تم", "مر جاؤ تم"),  # ur: "die, you"
        ("مر جا کمینے", "مر جا کمینے"),  # ur: "die, scoundrel"
        ("mar ja kutte", "mar ja kutte"),  # ru
    ],
)
def test_telling_someone_else_to_do_it_is_harassment(
    detector: SelfHarmDetector, text: str, evidence: str
) -> None:
    signals = detector.detect(_item(text))
    assert [s.policy for s in signals] == ["safety.harassment"]
    assert signals[0].score >= 0.8
    assert text[signals[0].spans[0].start : signals[0].spans[0].end] == evidence
    assert "support" not in signals[0].note
