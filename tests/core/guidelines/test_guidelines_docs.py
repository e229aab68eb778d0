"""docs/guidelines.md documents every field and every vocabulary value the loader accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from hifazat.core.guidelines.area_file import AREA_FIELDS, EXAMPLE_FIELDS, POLICY_FIELDS
from hifazat.core.guidelines.loader import CATALOGUE_FIELDS
from hifazat.core.guidelines.vocabulary import (
    ACTIONS,
    BANDS,
    EXCEPTIONS,
    FEATURE_TRACKS,
    OUTCOMES,
    TIER_LABELS,
)

DOC = (Path(__file__).parents[3] / "docs" / "guidelines.md").read_text(encoding="utf-8")

NAMES = sorted(
    {
        *CATALOGUE_FIELDS,
        *AREA_FIELDS,
        *POLICY_FIELDS,
        *EXAMPLE_FIELDS,
        *ACTIONS,
        *BANDS,
        *EXCEPTIONS,
        *FEATURE_TRACKS,
        *OUTCOMES,
        "ref",
        "note",
        "message",
        "helplines",
        "contact",
        "violating",
        "allowed",
    }
)


@pytest.mark.parametrize("name", NAMES)
def test_every_field_and_value_is_documented(name: str) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("tier", sorted(TIER_LABELS))
def test_every_tier_is_documented(tier: int) -> None:
    assert f"\n| {tier} |" in DOC
