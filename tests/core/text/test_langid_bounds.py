"""`identify` skips scoring new words when the words it already knows decide the language; the
answer must be the same as with every word scored."""

from __future__ import annotations

import pytest

from hifazat.core.text.langid import LangIdModel, default_model, identify
from hifazat.core.text.normalise import normalise

TEXTS = [
    "this is honestly the best video i have seen all year, thank you",  # English
    "yeh video bohat acha hai bhai, kya baat hai maza aa gaya",  # Roman Urdu
    "bhai this is so funny yaar, kya scene hai, i cannot stop laughing",  # code-mixed
    "tum log kabhi nahi sudhroge, the whole team is useless and they know it",  # mixed halves
    "ok",  # one short word
    "yeh video بہت اچھی ہے bhai",  # both scripts
    "zxqv blorptastic frumious",  # words the model has never seen
]


def _fresh() -> LangIdModel:
    base = default_model()
    return LangIdModel(base.weights, base.bias, base.min_n, base.max_n, base.word_threshold)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("known_share", [0.0, 0.5, 0.9])
def test_partly_scored_vocabulary_gives_the_fully_scored_answer(text: str, known_share: float) -> None:
    norm = normalise(text)
    full = _fresh()
    for word in norm.words():
        full.scores[word]  # score every word first
    partial = _fresh()
    words = norm.words()
    for word in words[: int(len(words) * known_share)]:
        partial.scores[word]
    assert identify(norm, partial) == identify(norm, full)
