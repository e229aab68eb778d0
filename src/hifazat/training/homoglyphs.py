"""Write `core/text/homoglyphs.json` from the confusables data of `confusable-homoglyphs`.

Run: `python -m hifazat.training.homoglyphs`
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from hifazat.core.text.homoglyphs import build_homoglyph_map

TARGET = Path(__file__).resolve().parents[1] / "core" / "text" / "homoglyphs.json"


def load_confusables() -> dict[str, Any]:
    """The parsed `confusables.json` shipped inside the `confusable_homoglyphs` package."""
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def packaged_document() -> dict[str, Any]:
    """The JSON document as it should be on disk."""
    import confusable_homoglyphs

    mapping = build_homoglyph_map(load_confusables())
    return {
        "source": "confusable-homoglyphs confusables.json (MIT), Unicode confusables",
        "source_version": getattr(confusable_homoglyphs, "__version__", "unknown"),
        "entries": len(mapping),
        "map": mapping,
    }


def main() -> None:
    doc = packaged_document()
    TARGET.write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {doc['entries']} entries to {TARGET}")


if __name__ == "__main__":
    main()
