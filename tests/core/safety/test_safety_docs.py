"""Every setting, reason code and interaction kind is documented in docs/safety-features.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from hifazat.core.safety.decision import REASON_CODES, Kind
from hifazat.core.safety.settings import SETTINGS

DOC = (Path(__file__).parents[3] / "docs" / "safety-features.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [*SETTINGS, *REASON_CODES, *(k.value for k in Kind)])
def test_documented(name: str) -> None:
    assert f"`{name}`" in DOC
