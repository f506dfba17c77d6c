"""Charts as inline SVG, drawn by our templates from the geometry computed here.

Why no library: pygal writes a <style> element and, by default, a <script> from its CDN into each
SVG (both blocked by our CSP, so they would have to be stripped after every render); altair needs
vl-convert-python, a V8 engine of about 100 MB that takes tens of milliseconds per chart. Neither
writes the accessible name, description and text labels we need, so we would post-process their
output anyway. Two chart types (a line over the years, bars for the twelve towns) are a few dozen
lines of arithmetic: the SVG carries no script and no style attribute (colours come from
site.css, so forced colours and print work), scales by its viewBox, and costs microseconds.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from .numbers import german

WIDTH = 400  # viewBox units; the SVG is 100 % wide, so a 320 px screen scales it by about 0.7


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # the value as text, shown for the first and last point
    show_label: bool
    label_below: bool = False  # on the side away from the line, so the line never crosses it

    @property
    def label_y(self) -> float:
        return self.y + 22 if self.label_below else self.y - 10


@dataclass(frozen=True)
class LineChart:
    height: int
    left: int
    right: int
    top: int
    bottom: int  # y of the x axis
    points: list[Point]
    x_ticks: list[Tick]
    y_ticks: list[Tick]

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: float
    x: float
    width: float
    missing: bool


@dataclass(frozen=True)
class BarChart:
    height: int
    label_width: int
    zero: float
    bar_height: int
    bars: list[Bar]

    @property
    def width(self) -> int:
        return WIDTH


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values that span low..high (Heckbert's "nice numbers")."""
    if high == low:
        high, low = high + 1, low - 1
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _tick_decimals(ticks: list[float]) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    return 0 if step >= 1 else min(3, -math.floor(math.log10(step)))


def line_chart(series: list[tuple[int, Decimal]], decimals: int) -> LineChart:
    """The region's development: years left to right, the value's range with round ticks."""
    left, right, top, height = 72, WIDTH - 20, 24, 240
    bottom = height - 32
    values = [float(value) for _, value in series]
    # A fifth of the range as room above and below, for the labels of the first and last point.
    room = (max(values) - min(values)) * 0.2
    ticks = nice_ticks(min(values) - room, max(values) + room)
    low, high = ticks[0], ticks[-1]
    years = [year for year, _ in series]
    first, last = years[0], years[-1]
    span = max(last - first, 1)

    def x(year: int) -> float:
        return left + (year - first) / span * (right - left) if last > first else (left + right) / 2

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    ys = [y(value) for value in values]
    end = len(series) - 1

    def below(i: int) -> bool:
        """A label goes on the side away from the line: below the first point when the line
        rises from it, below the last when it falls to it (room permitting)."""
        if end == 0:
            return False
        neighbour = ys[1] if i == 0 else ys[-2]
        return neighbour < ys[i] and ys[i] + 22 < bottom

    points = [
        Point(x(year), ys[i], german(value, decimals), i in (0, end), i in (0, end) and below(i))
        for i, (year, value) in enumerate(series)
    ]
    every = max(1, math.ceil(len(years) / 6))  # at most about six year labels
    shown = years[::every] if years[-1] in years[::every] else [*years[::every][:-1], years[-1]]
    tick_decimals = _tick_decimals(ticks)
    return LineChart(
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        points=points,
        x_ticks=[Tick(x(year), str(year)) for year in shown],
        y_ticks=[Tick(y(tick), german(tick, tick_decimals)) for tick in ticks],
    )


def bar_chart(rows: list[tuple[str, Decimal | None]], decimals: int) -> BarChart:
    """One bar per town from zero (negative values to the left), its value written beside it."""
    label_width, value_width, bar_height, gap = 112, 84, 18, 8
    values = [float(value) for _, value in rows if value is not None] or [0.0]
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    plot = WIDTH - label_width - value_width

    def x(value: float) -> float:
        return label_width + (value - low) / span * plot

    zero = x(0.0)
    bars = []
    for i, (label, value) in enumerate(rows):
        top = 4 + i * (bar_height + gap)
        if value is None:
            bars.append(Bar(label, "keine Angabe", top, zero, 0, True))
            continue
        end = x(float(value))
        bars.append(
            Bar(label, german(value, decimals), top, min(zero, end), abs(end - zero), False)
        )
    return BarChart(
        height=8 + len(rows) * (bar_height + gap),
        label_width=label_width,
        zero=zero,
        bar_height=bar_height,
        bars=bars,
    )
