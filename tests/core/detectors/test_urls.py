"""Links: finding them in text and classifying their domains against Pakistani brands (offline PSL)."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.urls import DomainCatalogue, LinkFinder, damerau, skeleton
from hifazat.core.errors import ValidationFailedError


@pytest.fixture(scope="module")
def finder() -> LinkFinder:
    return LinkFinder()


@pytest.mark.parametrize(
    ("text", "url", "kind", "brand"),
    [
        ("visit jazzcash-bonus.xyz now", "jazzcash-bonus.xyz", "brand", "jazzcash"),  # brand in a bare domain
        ("bisp-8171-registration.com", "bisp-8171-registration.com", "brand", "bisp"),  # short name + digits
        ("jazzcash-reward.online pe jayen", "jazzcash-reward.online", "brand", "jazzcash"),  # cheap TLD
        ("easypalsa-gift.online", "easypalsa-gift.online", "lookalike", "easypaisa"),  # one letter changed
        ("jazcashbonus.xyz", "jazcashbonus.xyz", "lookalike", "jazzcash"),  # misspelt and glued
        ("hb1-rewards.com", "hb1-rewards.com", "lookalike", "hbl"),  # digit for letter
        ("jаzzcash.com login", "jаzzcash.com", "homoglyph", "jazzcash"),  # Cyrillic а
        (
            "https://xn--jzzcash-2fg.com/x",
            "https://xn--jzzcash-2fg.com/x",
            "homoglyph",
            "jazzcash",
        ),  # punycode
        ("pakpost-track[.]top", "pakpost-track[.]top", "brand", "pakpost"),  # obfuscated dot
        ("meezanbank-verify.com", "meezanbank-verify.com", "brand", "meezan"),  # bank name
        ("paypal-secure-login.com", "paypal-secure-login.com", "brand", "paypal"),  # a global brand
        (
            "https://www.paypal.com/signin",
            "https://www.paypal.com/signin",
            "official",
            "paypal",
        ),  # the real one
        ("daraz-sale.shop", "daraz-sale.shop", "brand", "daraz"),  # Pakistani shopping site
        ("https://bit.ly/3abcD", "https://bit.ly/3abcD", "shortener", None),  # shortener
        ("shorturl.at/abc12", "shorturl.at/abc12", "shortener", None),  # shortener on a ccTLD
        ("wa.me/923001234567", "wa.me/923001234567", "messaging", None),  # WhatsApp chat link
        ("http://192.168.1.1/login", "http://192.168.1.1/login", "ip", None),  # raw IP
        ("free-gifts.xyz", "free-gifts.xyz", "risky-tld", None),  # cheap TLD, no brand
        ("www.bisp.gov.pk", "www.bisp.gov.pk", "official", "bisp"),  # official BISP
        ("https://www.jazzcash.com.pk/", "https://www.jazzcash.com.pk/", "official", "jazzcash"),  # official
        (
            "track on https://ep.gov.pk/track",
            "https://ep.gov.pk/track",
            "official",
            "pakpost",
        ),  # Pakistan Post
        ("dekho youtube.com/watch?v=1.", "youtube.com/watch?v=1", "plain", None),  # trailing dot dropped
    ],
)
def test_classifies_links(finder: LinkFinder, text: str, url: str, kind: str, brand: str | None) -> None:
    [link] = finder.find(text)
    assert link.url == url
    assert text[link.start : link.end] == url
    assert link.kind == kind
    assert link.brand == brand


@pytest.mark.parametrize(
    "text",
    [
        "nice.video bhai",  # words run together with a real TLD
        "thanks.love",  # same
        "e.g. this one",  # abbreviation
        "mail me: ali@gmail.com",  # an e-mail is not a link
        "score 3.5 out of 5",  # a number
        "ماشاءاللہ بہت خوب",  # no link at all
    ],
)
def test_ignores_things_that_only_look_like_domains(finder: LinkFinder, text: str) -> None:
    assert finder.find(text) == []


def test_ordinary_words_near_a_brand_are_not_lookalikes(finder: LinkFinder) -> None:
    [link] = finder.find("leopard-print.com")
    assert link.kind == "plain"
    [table] = finder.find("table.com")
    assert table.kind == "plain"  # "abl" inside a word is not Allied Bank


def test_scores_order_kinds_by_suspicion(finder: LinkFinder) -> None:
    homoglyph, brand, shortener, plain = (
        finder.find(t)[0] for t in ("jаzzcash.com", "jazzcash-bonus.xyz", "bit.ly/x", "youtube.com")
    )
    assert homoglyph.score > brand.score > shortener.score > plain.score == 0.0


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("jazzcash", "jazcash", 1), ("easypaisa", "easypiasa", 1), ("bisp", "bisp", 0), ("hbl", "ubl", 1)],
)
def test_damerau(a: str, b: str, distance: int) -> None:
    assert damerau(a, b) == distance


def test_skeleton_folds_lookalikes() -> None:
    assert skeleton("jаzzcаsh") == skeleton("jazzcash")  # Cyrillic а
    assert skeleton("rneezan") == skeleton("meezan")  # rn -> m
    assert skeleton("hb1") == skeleton("hbl")  # 1 -> l


def test_a_broken_catalogue_is_refused_with_every_problem() -> None:
    with pytest.raises(ValidationFailedError) as info:
        DomainCatalogue(text="brands:\n  x: {names: []}\nshorteners: 5\n")
    message = str(info.value)
    assert "shorteners" in message and "brand 'x'" in message
