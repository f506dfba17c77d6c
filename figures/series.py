"""An indicator's values as a table of towns and years, with the region's value per year.

Two queries whatever the size: the towns and the indicator's values (three numbers a row).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from members.models import Municipality

from .models import Indicator, Value


@dataclass
class Table:
    indicator: Indicator
    towns: list[Municipality]
    years: list[int]
    cells: dict[tuple[int, int], Decimal] = field(repr=False)  # (town id, year) -> value

    def value(self, town: Municipality, year: int) -> Decimal | None:
        return self.cells.get((town.pk, year))

    def region(self, year: int) -> Decimal | None:
        return self.indicator.region_value([self.value(town, year) for town in self.towns])

    @property
    def region_series(self) -> list[tuple[int, Decimal]]:
        """(year, region value) for the years that have one."""
        series = [(year, self.region(year)) for year in self.years]
        return [(year, value) for year, value in series if value is not None]

    @property
    def latest_year(self) -> int | None:
        return self.years[-1] if self.years else None

    def latest(self) -> list[tuple[Municipality, Decimal | None]]:
        """Each town's value in the latest year (None where it has none)."""
        return [(town, self.value(town, self.latest_year)) for town in self.towns]

    def rows(self) -> list[tuple[Municipality, list[Decimal | None]]]:
        return [(town, [self.value(town, year) for year in self.years]) for town in self.towns]


def load_table(indicator: Indicator, towns: list[Municipality] | None = None) -> Table:
    towns = towns if towns is not None else list(Municipality.objects.only("name", "slug"))
    rows = Value.objects.filter(indicator=indicator).values_list("municipality_id", "year", "value")
    cells = {(town_id, year): value for town_id, year, value in rows}
    years = sorted({year for _, year in cells})
    return Table(indicator, towns, years, cells)
