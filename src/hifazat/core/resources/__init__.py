"""Safety resources shipped with Hifazat: Pakistani helplines and reporting channels."""

from hifazat.core.resources.helplines import (
    CATEGORIES,
    Contact,
    Directory,
    Helpline,
    Text,
    default_directory,
    parse_directory,
)

__all__ = ["CATEGORIES", "Contact", "Directory", "Helpline", "Text", "default_directory", "parse_directory"]
