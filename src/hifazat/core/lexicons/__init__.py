"""Curated abuse lexicons in English, Urdu and Roman Urdu, packaged as data (see README.md).

`load_lexicon()` reads and validates every `*.tsv` file here; `LexiconMatcher` compiles the entries
into Aho-Corasick automata that match normalised text, its letter-squeezed form and its Roman Urdu
variant keys.
"""

from hifazat.core.lexicons.loader import LexiconEntry, load_lexicon
from hifazat.core.lexicons.matcher import LexiconMatch, LexiconMatcher

__all__ = ["LexiconEntry", "LexiconMatch", "LexiconMatcher", "load_lexicon"]
