"""The learned detector: routing by language, calibrated scores per policy, evidence in the original text."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.learned import LearnedDetector, route
from hifazat.core.signals import Context
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise


@pytest.fixture(scope="module")
def detector() -> LearnedDetector:
    return LearnedDetector()


def item(text: str) -> Item:
    return Item(text, normalise(text), identify(text), Context())


def scores(detector: LearnedDetector, text: str) -> dict[str, float]:
    return {s.policy: s.score for s in detector.detect(item(text))}


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("You are a pathetic stupid idiot", "safety.harassment"),  # English insult
        ("tu harami kutta hai saala", "safety.harassment"),  # Roman Urdu abuse
        ("میں تمہیں جان سے مار دوں گا", "safety.threats"),  # Urdu-script threat
        ("URGENT! You have won a £2000 cash prize. Call 0906 now to claim", "regulated.scams"),  # SMS scam
        ("URGENT! You have won a £2000 cash prize. Call 0906 now to claim", "integrity.spam"),
    ],
)
def test_obvious_cases_score_high(detector: LearnedDetector, text: str, policy: str) -> None:
    assert scores(detector, text).get(policy, 0.0) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "what a lovely video, thank you for sharing",  # English, friendly
        "yeh video bohat achi hai, shukriya",  # Roman Urdu, friendly
        "آج موسم بہت اچھا ہے",  # Urdu, weather
        "ماشاءاللہ، آپ کی بیٹی بہت ذہین ہے",  # Urdu, praise ("ماشاءاللہ" alone scored 0.96 as a threat)
        "اللہ آپ کو ہر امتحان میں کامیاب کرے",  # Urdu, a blessing
        "انشاءاللہ کل شام کو بات کریں گے",  # Urdu, "inshallah" in a plan, not a threat
        "یہ ویڈیو اپنی پلے لسٹ میں محفوظ کر لیں",  # Urdu, an instruction (imperative)
    ],
)
def test_harmless_text_scores_low_everywhere(detector: LearnedDetector, text: str) -> None:
    assert all(score < 0.5 for score in scores(detector, text).values())


def test_evidence_spans_point_at_the_original_words(detector: LearnedDetector) -> None:
    text = "Honestly   you are an IDIOT"
    found = {s.policy: s for s in detector.detect(item(text))}
    spans = found["safety.harassment"].spans
    assert spans and any(text[s.start : s.end] == "IDIOT" for s in spans)


def test_batch_equals_one_by_one(detector: LearnedDetector) -> None:
    texts = ["you idiot", "tum pagal ho kya", "شکریہ", "hello there", "🙂"]
    items = [item(t) for t in texts]
    assert detector.detect_batch(items) == [detector.detect(i) for i in items]


def test_signals_carry_the_detector_name_and_model_version(detector: LearnedDetector) -> None:
    signal = detector.detect(item("you stupid moron"))[0]
    assert signal.detector == "learned"
    assert signal.version == detector.bundle.version == LearnedDetector.version


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this is great", ("en",)),  # English
        ("yeh kya bakwas hai yaar", ("roman-ur",)),  # Roman Urdu
        ("یہ کیا ہے", ("ur",)),  # Urdu script
        ("🙂🙂", ()),  # nothing to score
        ("यह क्या है", ("hi",)),  # Devanagari goes to the Hindi model
    ],
)
def test_route(text: str, expected: tuple[str, ...]) -> None:
    assert route(item(text)) == expected


def test_the_urdu_threat_score_is_moved_to_the_live_class_balance(detector: LearnedDetector) -> None:
    # The head was trained on half threats; the policy score is its log-odds shifted by `prior_shift`.
    text = "میں تمہیں جان سے مار دوں گا"
    rule = detector.policies["ur"]["safety.threats"]
    assert float(rule["prior_shift"]) < 0
    model = detector.bundle.models["ur"]
    head = float(model.predict([normalise(text).text])["threat"][0])
    shifted = 1.0 / (1.0 + math.exp(-(math.log(head / (1.0 - head)) + float(rule["prior_shift"]))))
    assert scores(detector, text)["safety.threats"] == pytest.approx(shifted, abs=1e-4)
    assert shifted < head


@pytest.mark.parametrize(
    ("text", "policy", "head"),
    [
        # Trained on SMS, the spam head calls a helpline number in safety advice spam with near certainty.
        ("How to report a scam call to PTA? Dial 0800-55055", "integrity.spam", "spam"),
        # Learned from tweets, the harassment head reads a friend's joke as abuse.
        ("you're killing me with these jokes 😂", "safety.harassment", "harassment"),
    ],
)
def test_a_capped_english_head_alone_cannot_reach_removal(
    detector: LearnedDetector, text: str, policy: str, head: str
) -> None:
    cap = float(detector.policies["en"][policy]["cap"])
    alone = float(detector.bundle.models["en"].predict([normalise(text).text])[head][0])
    assert alone > cap  # the head alone would remove it
    assert scores(detector, text)[policy] == pytest.approx(cap)


def test_the_english_harassment_cap_sits_below_removal(detector: LearnedDetector) -> None:
    from hifazat.core.guidelines import default_catalogue

    cap = float(detector.policies["en"]["safety.harassment"]["cap"])
    policy = default_catalogue().policies["safety.harassment"]
    assert policy.thresholds.medium <= cap < policy.thresholds.high


def test_an_urdu_insult_without_violence_is_harassment_not_a_threat(detector: LearnedDetector) -> None:
    # The Urdu threat data set labels plain abuse as threat; without a word of violence the head's
    # score is reported as harassment, moved to the harassment scale so that the action is kept.
    text = "یہ بیوقوف عورت ہر روز بکواس کرتی ہے"
    found = scores(detector, text)
    assert "safety.threats" not in found
    rule = detector.policies["ur"]["safety.threats"]
    model = detector.bundle.models["ur"]
    head = float(model.predict([normalise(text).text])["threat"][0])
    p = 1.0 / (1.0 + math.exp(-(math.log(head / (1.0 - head)) + float(rule["prior_shift"]))))
    knots = rule["uncued"]["knots"]
    xs, ys = [k[0] for k in knots], [k[1] for k in knots]
    assert found["safety.harassment"] == pytest.approx(float(np.interp(p, xs, ys)), abs=1e-4)
    assert [s.note for s in detector.detect(item(text))] == ["ur:threat"]


def test_the_uncued_knots_keep_review_and_never_remove_alone() -> None:
    from hifazat.core.guidelines import default_catalogue

    catalogue = default_catalogue()
    rule = LearnedDetector().policies["ur"]["safety.threats"]["uncued"]
    threats = catalogue.policies["safety.threats"].thresholds
    target = catalogue.policies[rule["policy"]].thresholds
    xs, ys = [k[0] for k in rule["knots"]], [k[1] for k in rule["knots"]]
    assert float(np.interp(threats.medium, xs, ys)) == pytest.approx(target.medium)  # review starts alike
    assert max(ys) < target.high  # the head alone never removes, as under threats (tier 1)
    assert ys == sorted(ys)


@pytest.mark.parametrize(
    "text",
    [
        "میں تمہیں جان سے مار دوں گا",  # kill
        "تمہارا گھر جلا دیں گے",  # burn
    ],
)
def test_an_urdu_threat_with_violence_stays_a_threat(detector: LearnedDetector, text: str) -> None:
    found = scores(detector, text)
    assert found.get("safety.threats", 0.0) >= 0.45
    assert "safety.harassment" not in found
