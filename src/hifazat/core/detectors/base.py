"""The detector contract and the registry that refuses duplicate names."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from hifazat.core.signals import Context, Language, Signal

if TYPE_CHECKING:
    from hifazat.core.text.normalise import NormalisedText


@dataclass(frozen=True, slots=True)
class Item:
    """One text as every detector sees it: the original, its normal form and its language."""

    text: str
    """The original text, exactly as posted."""
    norm: NormalisedText
    """Normalised text with an offset map back to `text`."""
    language: Language
    context: Context


class Detector(ABC):
    """One detector: a stable `name`, a `version`, and `detect`.

    `name` is stored with every signal: never rename a registered detector.
    """

    name: ClassVar[str]
    version: ClassVar[str]
    statistical: ClassVar[bool] = False
    """True for detectors whose scores come from a trained model with no word-level rule behind them.
    The decision step never bans on such evidence alone (see `hifazat.core.decide.engine`)."""
    cross_item: ClassVar[bool] = False
    """True when `detect_batch` relates items to each other (copies in one batch): such a detector
    sees every item of a batch, while the others see each distinct (text, context) once."""

    @abstractmethod
    def detect(self, item: Item) -> list[Signal]:
        """Return the signals this detector finds in one item (empty when none)."""

    def detect_batch(self, items: list[Item]) -> list[list[Signal]]:
        """Signals for many items; learned detectors override this to vectorise once."""
        return [self.detect(item) for item in items]


DetectorFactory = Callable[[], Detector]


class DetectorRegistry:
    """Detectors by name. Registering a name twice is an error at start-up, not a silent override."""

    def __init__(self) -> None:
        self._factories: dict[str, DetectorFactory] = {}

    def register(self, name: str, factory: DetectorFactory) -> None:
        if name in self._factories:
            raise ValueError(f"detector {name!r} is registered twice")
        self._factories[name] = factory

    def names(self) -> list[str]:
        return sorted(self._factories)

    def create(self, name: str) -> Detector:
        try:
            factory = self._factories[name]
        except KeyError:
            known = ", ".join(self.names())
            raise KeyError(f"unknown detector {name!r}; known: {known}") from None
        detector = factory()
        if detector.name != name:
            raise ValueError(f"detector registered as {name!r} calls itself {detector.name!r}")
        return detector
