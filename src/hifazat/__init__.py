"""Hifazat (حفاظت): Trust & Safety for English, Urdu and Roman Urdu communities.

The moderation engine is usable alone::

    from hifazat import Moderator
    verdict = Moderator.default().check("...")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from hifazat.core.moderator import Moderator

__all__ = ["Moderator", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import hifazat` stays cheap for the CLI and for tools.
    if name == "Moderator":
        from hifazat.core.moderator import Moderator

        return Moderator
    raise AttributeError(name)
