"""The whole default engine on everyday comments a new user would try: what friends, fans and families
write must not be removed, and what bullies, stalkers and scammers write must not be allowed."""

from __future__ import annotations

import pytest

from hifazat.core.moderator import Moderator


@pytest.fixture(scope="module")
def moderator() -> Moderator:
    return Moderator.default()


HARMLESS = [
    "@ayesha @bilal @sana @hamza @noor look at this one 😂",  # tagging five friends
    "I hope you die laughing at my new video",  # en: idiom
    "sab dost @ali @zara @omar @hina @faraz ko tag karo",  # ru: tagging friends
]

NOT_REMOVED = [  # may be reviewed, never removed automatically
    "you're killing me with these jokes 😂",  # en: the tweet-trained head reads it as abuse
    "stop it, you're making me cry with laughter",  # en
]

HARMFUL = [  # each must at least reach human review
    ("I'll be waiting outside your college tomorrow, alone", "safety.threats"),  # en: veiled
    ("tere ghar ka pata mere paas hai, soch samajh ke bolna", "safety.threats"),  # ru: veiled
    ("تمہاری بہن کی تصویریں میرے پاس ہیں، بات مانو ورنہ", "safety.harassment"),  # ur: sextortion
    ("I honestly don't want to be here anymore", "health.self_harm"),  # en: passive ideation
    ("zindagi se thak gaya hoon yaar, ab aur nahi jeena", "health.self_harm"),  # ru
    ("جینے کا کوئی مقصد نہیں رہا", "health.self_harm"),  # ur
    ("BISP ki qist aa gayi hai, apna CNIC aur code SMS karein 03001112233", "regulated.scams"),  # ru
]


@pytest.mark.parametrize("text", HARMLESS)
def test_everyday_comments_are_allowed(moderator: Moderator, text: str) -> None:
    verdict = moderator.check(text)
    assert verdict.action == "allow", [(f.policy, f.score) for f in verdict.findings]


@pytest.mark.parametrize("text", NOT_REMOVED)
def test_a_model_alone_never_removes_an_english_joke(moderator: Moderator, text: str) -> None:
    assert moderator.check(text).action != "remove"


@pytest.mark.parametrize(("text", "policy"), HARMFUL)
def test_harm_reaches_review_or_removal(moderator: Moderator, text: str, policy: str) -> None:
    verdict = moderator.check(text)
    assert verdict.action in ("review", "remove"), [(f.policy, f.score) for f in verdict.findings]
    assert policy in {f.policy for f in verdict.findings if f.action != "allow"}


def test_an_english_insult_with_a_word_is_still_removed(moderator: Moderator) -> None:
    assert moderator.check("shut up you stupid bitch").action == "remove"


def test_self_harm_is_never_removed_and_offers_support(moderator: Moderator) -> None:
    verdict = moderator.check("I don't want to be here anymore, everything hurts")
    assert verdict.action == "review"
    assert verdict.support  # the app shows helplines
    assert any(f.policy == "health.self_harm" for f in verdict.findings)
