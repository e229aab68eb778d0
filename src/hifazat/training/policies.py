"""How the learned heads of each language feed the guideline policies (the manifest's `policies`).

A policy score is either a binary head's calibrated P(positive) (`head`), or, for the Roman Urdu
fine-grained head, P(abusive) from the gate times the share of the named fine classes among the
abusive ones (`gate`, `head`, `classes`). Roman Urdu harassment is the gate itself: RUHSOLD's
"abusive/offensive" covers every abusive tweet, so hate and profanity are refinements of it. `cue: scam` means the score is only reported when the
text also carries a money/prize/urgency cue (SMS spam is mostly scams, but not all of it).

`prior_shift` moves a head's log-odds from the class balance it was trained on to the one it meets
in production (Saerens et al., 2002: add log(prior_live / (1 - prior_live)) - log(prior_train /
(1 - prior_train))). The Urdu threat data set is half threats; ordinary Urdu comments are not. With
ordinary news sentences among the threat head's negatives and a shift of -0.5, 0.2 % of held-out news
sentences and 2.7 % of the Safety Centre's Urdu guide sentences (instructions such as "اسے بلاک کر دیں")
reach review (`bench/urdu_false_alarms.py`; before both changes: about 10 %). Data set evaluation uses
the heads themselves, never this shift.

`cap` bounds a score the head alone can give. The English spam head learned from SMS messages, where
"call 0800-…" is nearly always spam; in comments it is also how safety advice gives a helpline
("report a scam call to PTA, dial 0800-55055"). Alone it can restrict an item (not recommended) but
not remove it; removal for spam needs the rule-based spam or scam evidence too.

The English harassment head is capped just under the removal threshold for the same reason: it learned
from tweets (OLID, HASOC, Davidson, Kaggle insults) and reads affectionate or joking English ("you're
killing me with these jokes 😂", "my brother is an idiot lol") as abuse; its cross-validated macro-F1 is
about 0.76. Alone it sends an item to review; any lexicon or rule evidence with it still removes.

`uncued` reports a head under another policy when the text has no wording of violence. The Urdu
threat data set labels plain abuse as threat too (about 40 % of its threat tweets name no violence:
"بکواس مت کرو", insults about a politician), so its head also fires on insults ("یہ بیوقوف عورت").
Without a violent word (`VIOLENCE_CUE_UR` in the learned detector: مار, قتل, گولی, جلا, …) such a
score is harassment, not a threat: the strike weighs 2, not 5, and the reviewer sees the right
policy. `knots` carry the score from the threats scale to the harassment scale: review starts where
it did (threats 0.45, harassment 0.6), and, as under threats, the head alone never removes (at most
0.84, under harassment's 0.85; threats are tier 1, where a model alone only reviews, harassment is
not). With lexicon or rule evidence of harassment the combined score can remove.
"""

from __future__ import annotations

from typing import Any

_RU_GATE = {"gate": "abusive", "head": "ruhsold", "normal": "1"}

POLICIES: dict[str, dict[str, dict[str, Any]]] = {
    "en": {
        "safety.harassment": {"head": "harassment", "cap": 0.84},
        "safety.hate": {"head": "hate"},
        "safety.profanity": {"head": "profanity"},
        "integrity.spam": {"head": "spam", "cap": 0.8},
        "regulated.scams": {"head": "spam", "cue": "scam"},
    },
    "roman-ur": {
        "safety.harassment": {"head": "abusive"},
        "safety.hate": {**_RU_GATE, "classes": ["2", "3"]},
        "safety.profanity": {**_RU_GATE, "classes": ["4"]},
    },
    "ur": {
        "safety.threats": {
            "head": "threat",
            "prior_shift": -0.5,
            "uncued": {
                "policy": "safety.harassment",
                "knots": [[0.0, 0.0], [0.45, 0.6], [1.0, 0.84]],
            },
        },
    },
    "hi": {
        "safety.harassment": {"head": "hasoc_hi"},
    },
}
"""language -> policy id -> how its score is computed."""
