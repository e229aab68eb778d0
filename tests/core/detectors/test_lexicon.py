"""The lexicon detector: terms in three languages, obfuscation, the Scunthorpe guard, file validation."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.lexicon import LexiconDetector, combined_score, merge_spans
from hifazat.core.errors import ValidationFailedError
from hifazat.core.lexicons import LexiconMatch, LexiconMatcher, load_lexicon
from hifazat.core.lexicons.loader import lexicon_files
from hifazat.core.signals import Context, Signal, Span
from hifazat.core.text.normalise import normalise
from hifazat.core.text.script import LETTER_WORD

HEADER = "term\tpolicy\tscore\tlanguage\tflags\n"


@pytest.fixture(scope="module")
def detector() -> LexiconDetector:
    return LexiconDetector()


def _signals(detector: LexiconDetector, text: str) -> dict[str, Signal]:
    return {s.policy: s for s in detector.signals(normalise(text))}


@pytest.mark.parametrize(
    ("text", "policy", "evidence"),
    [
        ("what a fucking idiot", "safety.profanity", "fucking"),  # English stem
        ("shut up bitch", "safety.harassment", "bitch"),  # gendered abuse
        ("go back home n1gger", "safety.hate", "n1gger"),  # slur through leet
        ("nobody likes you, go kill yourself", "safety.harassment", "kill yourself"),  # suicide bait
        ("send nudes", "mature.sexual", "send nudes"),  # sexual solicitation
        ("tu kuttay ki olad hai", "safety.harassment", "kuttay ki olad"),  # Roman Urdu phrase, other spelling
        ("bahanchod", "safety.profanity", "bahanchod"),  # listed spelling
        ("bhainchodd", "safety.profanity", "bhainchodd"),  # variant key
        ("qadiani kafir hain", "safety.hate", "qadiani kafir"),  # sectarian slur against Ahmadis
        ("shia kafir", "safety.hate", "shia kafir"),  # sectarian slogan
        ("sar tan se juda", "safety.threats", "sar tan se juda"),  # incitement slogan
        ("ye banda wajib-ul-qatl hai", "safety.threats", "wajib-ul-qatl"),  # hyphenated slogan
        ("تم کتے کی اولاد ہو", "safety.harassment", "کتے کی اولاد"),  # Urdu phrase
        ("تم كتے كي اولاد ہو", "safety.harassment", "كتے كي اولاد"),  # Urdu written with Arabic letters
        ("حرامزادے", "safety.harassment", "حرامزادے"),  # Urdu compound
        ("تجھے جان سے مار دونگا", "safety.threats", "جان سے مار دونگا"),  # joined future tense
        ("رافضی لوگ", "safety.hate", "رافضی"),  # sectarian slur against Shia
        ("چوہڑا ہے یہ", "safety.hate", "چوہڑا"),  # caste slur used against Christians
        ("tum log chooray ho", "safety.hate", "chooray"),  # the same slur, spelt without h
        ("mota bhainsa, gym ja kabhi", "safety.harassment", "mota bhainsa"),  # body shaming
        ("ur a fat pig", "safety.harassment", "fat pig"),  # en: body shaming
    ],
)
def test_detects_in_three_languages(detector: LexiconDetector, text: str, policy: str, evidence: str) -> None:
    signal = _signals(detector, text)[policy]
    assert [text[s.start : s.end] for s in signal.spans] == [evidence]
    assert signal.detector == "lexicon" and signal.version == "3"
    assert 0.0 < signal.score <= 1.0 and signal.note


@pytest.mark.parametrize(
    "text",
    [
        "assassin's creed is a classic",  # ass inside words
        "Scunthorpe and Penistone",  # the original Scunthorpe problem
        "cocktails in the cockpit",  # cock inside words
        "Essex, Sussex and Middlesex",  # sex inside place names
        "the Fukushima documentary",  # a loose `fuk` must not match inside a word
        "fire retardant spray",  # retard stem guarded by the allow list
        "shiitake and shitake mushrooms",  # shit stem guarded by the allow list
        "we had a count of votes",  # ou is not u
        "nice quote",  # quote is not kutta
        "bhens ka doodh",  # buffalo is not sister
        "kal chutti hai, chutney bana lo",  # holiday, chutney
        "ganda kaam, gandi nali",  # dirty
        "paisay kamana seekho",  # to earn, whose variant key equals kamina's
        "meri maa ki chhat pe",  # mother's roof
        "کتاب پڑھو، لندن چلو، چوتھا میچ",  # book, London, fourth
        "سورج، سوری، سورہ یاسین",  # sun, sorry, a surah
        "بٹ صاحب نے مٹھی بند کی",  # a surname and a fist from the source list
    ],
)
def test_harmless_lookalikes_stay_quiet(detector: LexiconDetector, text: str) -> None:
    assert detector.signals(normalise(text)) == []


def test_spans_merge_and_score_combines_distinct_occurrences(detector: LexiconDetector) -> None:
    text = "harami kamina kutta"
    signal = _signals(detector, text)["safety.harassment"]
    assert [text[s.start : s.end] for s in signal.spans] == ["harami", "kamina", "kutta"]
    assert signal.note == "harami|kamina|kutta"
    assert signal.score == pytest.approx(0.65 + 0.15)


def test_spelling_variants_at_one_place_count_once(detector: LexiconDetector) -> None:
    signal = _signals(detector, "b.h.e.n.c.h.o.d")["safety.profanity"]
    assert signal.score == 0.95
    assert signal.spans == (Span(0, 15),)


def test_exact_spelling_beats_a_loose_key(detector: LexiconDetector) -> None:
    signal = _signals(detector, "mera kutta")["safety.harassment"]
    assert signal.note == "kutta"
    assert signal.score == 0.45


def test_detect_reads_the_item(detector: LexiconDetector) -> None:
    text = "f.u.c.k off"
    item = Item(text, normalise(text), "en", Context())
    (signal,) = detector.detect(item)
    assert signal.policy == "safety.profanity"
    assert signal.spans == (Span(0, 7),)
    assert detector.detect_batch([item, item]) == [[signal], [signal]]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.5], 0.5),  # one term
        ([0.5, 0.5], 0.65),  # noisy-or is 0.75, capped at top + 0.15
        ([0.3, 0.1], 0.37),  # noisy-or below the cap
        ([0.95, 0.9], 0.995),  # never above 1
    ],
)
def test_combined_score(scores: list[float], expected: float) -> None:
    assert combined_score(scores) == pytest.approx(expected, abs=1e-4)


def test_merge_spans() -> None:
    assert merge_spans([Span(5, 8), Span(0, 3), Span(2, 4), Span(8, 9)]) == (Span(0, 4), Span(5, 9))


def test_packaged_lexicon_loads_in_three_languages() -> None:
    entries = load_lexicon()
    names = {f.name for f in lexicon_files()}
    assert names == {"en.tsv", "roman_ur.tsv", "ur.tsv"}
    assert {e.language for e in entries} == {"en", "ur", "roman-ur"}
    assert len(entries) > 500
    assert {e.policy for e in entries} >= {
        "safety.profanity",
        "safety.harassment",
        "safety.hate",
        "safety.threats",
        "mature.sexual",
    }


def test_validation_reports_every_problem_with_its_line() -> None:
    text = HEADER + (
        "idiot\tsafety.harasment\t0.4\ten\t-\n"  # misspelt policy
        "moron\tsafety.harassment\t1.4\ten\t-\n"  # score out of range
        "twit\tsafety.harassment\tabc\ten\t-\n"  # score not a number
        "class\tsafety.harassment\t0.4\ten\t-\n"  # a harmless word
        "kutta\tsafety.harassment\t0.4\tur\t-\n"  # wrong script for the language
        "jerk\tsafety.harassment\t0.4\ten\tstems\n"  # unknown flag
        "too\tfew\n"  # wrong number of fields
        "IDIOT\tsafety.harassment\t0.4\ten\t-\n"  # valid: its twin on line 2 failed validation
        "idiots\tsafety.harassment\t0.4\ten\t-\n"
        "Idiots\tsafety.harassment\t0.5\ten\t-\n"  # duplicate of the line before
    )
    with pytest.raises(ValidationFailedError) as info:
        load_lexicon([("test.tsv", text)])
    problems = {(p.line, p.message.split(";")[0].split(" (")[0]) for p in info.value.problems}
    lines = sorted(p.line for p in info.value.problems)
    assert lines == [2, 3, 4, 5, 6, 7, 8, 11]
    assert (2, "unknown policy 'safety.harasment'") in problems
    assert any("did you mean 'safety.harassment'" in p.message for p in info.value.problems)
    assert any("harmless" in p.message and p.line == 5 for p in info.value.problems)
    assert any("duplicate of test.tsv:10" in p.message for p in info.value.problems)
    assert "test.tsv:2:" in str(info.value)


def test_header_is_required() -> None:
    with pytest.raises(ValidationFailedError) as info:
        load_lexicon([("x.tsv", "word\tpolicy\n")])
    assert info.value.problems[0].line == 1


def test_custom_entries_and_stem_flags() -> None:
    text = HEADER + "zorg\tsafety.harassment\t0.6\ten\tstem\nblip\tsafety.profanity\t0.3\ten\t-\n"
    detector = LexiconDetector.from_entries(load_lexicon([("custom.tsv", text)]))
    assert {s.policy for s in detector.signals(normalise("zorgling and blip"))} == {
        "safety.harassment",
        "safety.profanity",
    }
    assert detector.signals(normalise("blipper unzorg")) == []


def test_matcher_compiles_loose_forms_only_where_safe() -> None:
    matcher = LexiconMatcher(load_lexicon())
    assert matcher.sizes["exact"] > matcher.sizes["light"] > matcher.sizes["variant"] > 0
    words = {m.entry.term for m in matcher.match("kamana")}
    assert words == set()


def test_light_pass_is_skipped_only_when_it_would_find_nothing() -> None:
    matcher = LexiconMatcher(load_lexicon())
    assert matcher._light is not None
    texts = [e.norm for e in matcher.entries if e.norm.isascii()]
    texts += [f"oh {t}s lol" for t in texts] + ["nice video bro", "c u later", "f off"]
    for text in texts:
        words = LETTER_WORD.findall(text)
        forced: list[LexiconMatch] = []  # the light pass run unconditionally
        matcher._match_stream(
            text, words, [matcher._forms[w] for w in words], matcher._light, "light", forced
        )
        found = [m for m in matcher.match(text) if m.via == "light"]
        assert found == forced, text


@pytest.mark.parametrize(
    "text",
    [
        "fuuuuck off",  # a squeezed single word (light prefix)
        "tu kuttay ki olad hai",  # a phrase: its first word's key must equal the phrase's first key
        "phuck you",  # a spelling equivalence
    ],
)
def test_light_matches_survive_the_skip(text: str) -> None:
    matcher = LexiconMatcher(load_lexicon())
    assert any(m.via == "light" for m in matcher.match(text)), text


@pytest.mark.parametrize(
    ("addressed", "unaddressed"),
    [
        ("تو کمینہ ہے", "لوگ اسے کمینہ کہتے ہیں"),  # Urdu: "you are a scoundrel" vs reported
        ("tu kamina hai", "log usay kamina kehte hain"),  # Roman Urdu
        ("تیری ماں رنڈی", "رنڈی"),  # Urdu: aimed at the reader's mother vs the word alone
    ],
)
def test_an_insult_addressed_to_someone_scores_higher(
    detector: LexiconDetector, addressed: str, unaddressed: str
) -> None:
    to_you = _signals(detector, addressed)["safety.harassment"]
    about = _signals(detector, unaddressed)["safety.harassment"]
    assert to_you.score > about.score
    assert to_you.note.endswith(";addressed") and "addressed" not in about.note


def test_a_harmless_word_is_not_raised_by_addressing(detector: LexiconDetector) -> None:
    # "kutte" alone is a dog (score below 0.5): talking to someone about a dog stays low.
    signal = _signals(detector, "tum kutte ko khana do").get("safety.harassment")
    assert signal is None or (signal.score < 0.5 and "addressed" not in signal.note)


def test_roman_urdu_ya_is_or_not_you(detector: LexiconDetector) -> None:
    # "ya" is "or" in Roman Urdu, not "you": the question is about a third party.
    signal = _signals(detector, "woh harami hai ya nahi?")["safety.harassment"]
    assert "addressed" not in signal.note


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("موٹی بھینس، پہلے وزن کم کر", "موٹی بھینس"),  # ur: body shaming
        ("شکل دیکھی ہے اپنی؟ کالی کلوٹی", "شکل دیکھی ہے اپنی"),  # ur: looks and colour
        ("teri aukaat kya hai", "teri aukaat"),  # ru: put-down
    ],
)
def test_body_shaming_and_put_downs_are_harassment(
    detector: LexiconDetector, text: str, evidence: str
) -> None:
    signal = _signals(detector, text)["safety.harassment"]
    assert signal.score >= 0.6
    assert evidence in [text[s.start : s.end] for s in signal.spans]


@pytest.mark.parametrize(
    ("negated", "plain"),
    [
        ("don't kill yourself, please talk to someone", "kill yourself"),  # en: support vs incitement
        ("I will never kill you", "I will kill you"),  # en
        ("main tujhe nahi jaan se maar dunga", "main tujhe jaan se maar dunga"),  # ru
    ],
)
def test_a_negation_right_before_a_threat_or_insult_term_drops_it(
    detector: LexiconDetector, negated: str, plain: str
) -> None:
    found = _signals(detector, plain)
    assert "safety.threats" in found or "safety.harassment" in found
    negated_signals = _signals(detector, negated)
    assert "safety.threats" not in negated_signals and "safety.harassment" not in negated_signals


def test_a_negation_further_away_does_not_drop_the_term(detector: LexiconDetector) -> None:
    assert "safety.harassment" in _signals(detector, "why don't you kill yourself")
