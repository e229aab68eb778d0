"""regulated.drugs, regulated.weapons, regulated.gambling and privacy.hacking: offers of trade.

An item word (ice, charas, 30 bore, pistol, satta, "WhatsApp hack") counts when an offer cue is
in the same text (available, home delivery, COD, DM/inbox, a price, "no licence needed", a group
to join); the rules are in `data/regulated_goods.yaml`. An explicit offer scores 0.9, a how-to or
a weaker cue 0.5-0.7 (review). News, awareness, police and recovery wording damps every score, so
"ANF ne 5 kg charas baramad ki" and a rehab story are not offers.
"""

from __future__ import annotations

from typing import ClassVar

from hifazat.core.detectors.phrase_detector import PhraseRuleDetector

POLICIES = ("regulated.drugs", "regulated.weapons", "regulated.gambling", "privacy.hacking")


class RegulatedGoodsDetector(PhraseRuleDetector):
    """Drug and weapon sales, gambling promotion and hacking for hire."""

    name: ClassVar[str] = "regulated_goods"
    version: ClassVar[str] = "1"
    data_file: ClassVar[str] = "regulated_goods.yaml"
    policies: ClassVar[tuple[str, ...]] = POLICIES
