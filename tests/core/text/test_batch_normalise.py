"""`normalise_batch` gives exactly `normalise` of each text, whatever the mix of texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hifazat.core.text.batch_normalise import normalise_batch
from hifazat.core.text.normalise import normalise

# letters, split separators, leet characters and marks, whitespace, a non-ASCII letter and an accent
ALPHABET = "aabkKzZ  .-_*/+~,|!!@@$0134 \t\nیé"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=14), min_size=1, max_size=40))
def test_batch_equals_one_by_one(texts: list[str]) -> None:
    assert normalise_batch(texts) == [normalise(t) for t in texts]


def test_examples_of_every_step() -> None:
    texts = [
        "k.i.l.l you",  # split by dots: every step runs
        "f u c k off",  # split by spaces
        "sh!t and @ali wow!!",  # a mark between letters, a mention, trailing marks
        "covid19 a$$",  # digits and `$`
        "soooo  good\tnow ",  # a repeat and spaces to collapse
        "plain text",  # nothing to do
        "یہ ٹھیک ہے",  # not ASCII
    ]
    assert normalise_batch(texts) == [normalise(t) for t in texts]
