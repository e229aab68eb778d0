"""The Community Guidelines as versioned, validated, bilingual data.

Every other part of Hifazat refers to a policy by its stable id (`safety.threats`). Releases are
packaged under `catalogue/<version>/`::

    from hifazat.core.guidelines import default_catalogue
    catalogue = default_catalogue()
    catalogue.policy("safety.threats").title.get("ur")
    catalogue.action_for("safety.hate", 0.7)   # -> "review"
"""

from __future__ import annotations

from hifazat.core.guidelines.diff import (
    AreaChange,
    CatalogueDiff,
    FieldChange,
    PolicyChange,
    diff_catalogues,
    diff_dict,
)
from hifazat.core.guidelines.export import area_dict, catalogue_dict, policy_dict
from hifazat.core.guidelines.loader import load_catalogue, version_key
from hifazat.core.guidelines.model import (
    Area,
    Catalogue,
    Change,
    ChangelogEntry,
    Example,
    Examples,
    Helpline,
    LawRef,
    Localised,
    Policy,
    Support,
    Thresholds,
    parse_lang,
)
from hifazat.core.guidelines.releases import (
    LATEST,
    default_catalogue,
    load_version,
    packaged_versions,
    previous_version,
    resolve_catalogue,
)
from hifazat.core.guidelines.vocabulary import ACTIONS, BANDS, LANGS, Action, Band, Lang

__all__ = [
    "ACTIONS",
    "BANDS",
    "LANGS",
    "LATEST",
    "Action",
    "Area",
    "AreaChange",
    "Band",
    "Catalogue",
    "CatalogueDiff",
    "Change",
    "ChangelogEntry",
    "Example",
    "Examples",
    "FieldChange",
    "Helpline",
    "Lang",
    "LawRef",
    "Localised",
    "Policy",
    "PolicyChange",
    "Support",
    "Thresholds",
    "area_dict",
    "catalogue_dict",
    "default_catalogue",
    "diff_catalogues",
    "diff_dict",
    "load_catalogue",
    "load_version",
    "packaged_versions",
    "parse_lang",
    "policy_dict",
    "previous_version",
    "resolve_catalogue",
    "version_key",
]
