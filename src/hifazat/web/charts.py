"""Horizontal bar charts drawn on the server as SVG (no JavaScript), mirrored for right-to-left.

Geometry is computed here; `partials/bar_chart.html` only writes it out. The viewBox is narrow
(320 units) so that on a 360 px phone one unit is about one pixel and labels stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 320
VALUE_SPACE = 56
"""Units kept free beyond the longest bar for its number."""
BAR_HEIGHT = 16


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar with where to draw it and its label."""

    label: str
    value: int
    shown_value: str
    label_x: float
    label_y: float
    bar_x: float
    bar_y: float
    bar_width: float
    value_x: float
    value_y: float


@dataclass(frozen=True, slots=True)
class BarChart:
    """A chart ready to be written as SVG."""

    id: str
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    bar_height: int
    direction: str

    @property
    def empty(self) -> bool:
        """True when there is nothing to draw."""
        return not self.bars


def bar_chart(
    chart_id: str,
    title: str,
    items: list[tuple[str, int]],
    *,
    rtl: bool,
    shown: list[str] | None = None,
) -> BarChart:
    """Lay out `items` (label, value) as horizontal bars; `shown` are the values as printed."""
    label_height = 34 if rtl else 22
    row = label_height + BAR_HEIGHT + 14
    largest = max((value for _, value in items), default=0)
    usable = WIDTH - VALUE_SPACE
    bars: list[Bar] = []
    for index, (label, value) in enumerate(items):
        top = index * row
        width = 0.0 if largest == 0 else max(2.0, usable * value / largest)
        bar_y = top + label_height
        if rtl:
            bar_x, label_x, value_x = WIDTH - width, float(WIDTH), WIDTH - width - 6
        else:
            bar_x, label_x, value_x = 0.0, 0.0, width + 6
        bars.append(
            Bar(
                label=label,
                value=value,
                shown_value=shown[index] if shown else str(value),
                label_x=label_x,
                label_y=top + label_height - 8,
                bar_x=round(bar_x, 1),
                bar_y=bar_y,
                bar_width=round(width, 1),
                value_x=round(value_x, 1),
                value_y=bar_y + BAR_HEIGHT - 3,
            )
        )
    return BarChart(
        id=chart_id,
        title=title,
        bars=tuple(bars),
        width=WIDTH,
        height=max(row * len(items), 1),
        bar_height=BAR_HEIGHT,
        direction="rtl" if rtl else "ltr",
    )
