"""The sentences that say in words what each chart shows (its description and visible text)."""

from decimal import Decimal

from .models import Aggregation, Indicator
from .numbers import german, percent_change, with_unit

VERBS = {  # (singular, plural) by direction
    1: ("stieg", "stiegen"),
    -1: ("sank", "sanken"),
    0: ("blieb gleich bei", "blieben gleich bei"),
}


def _amount(indicator: Indicator, value: Decimal) -> str:
    return with_unit(value, indicator.decimals, indicator.unit)


def _whose(indicator: Indicator) -> str:
    if indicator.aggregation == Aggregation.MEAN:
        return "im Durchschnitt der Kommunen"
    return "der Region"


def development(indicator: Indicator, series: list[tuple[int, Decimal]]) -> str:
    """E.g. "Die Einwohnerzahl der Region stieg von 480.000 Personen im Jahr 2014 auf …"."""
    subject = f"{indicator.subject} {_whose(indicator)}"
    if not series:
        return f"Für {indicator.name} gibt es noch keinen Wert der Region."
    (first_year, first), (last_year, last) = series[0], series[-1]
    if len(series) == 1:
        return f"{subject} betrug im Jahr {last_year} {_amount(indicator, last)}."
    direction = (last > first) - (last < first)
    verb = VERBS[direction][indicator.subject_plural]
    if direction == 0:
        text = f"{subject} {verb} {_amount(indicator, last)} ({first_year} und {last_year})."
    else:
        text = (
            f"{subject} {verb} von {_amount(indicator, first)} im Jahr {first_year} "
            f"auf {_amount(indicator, last)} im Jahr {last_year}"
        )
        change = percent_change(first, last)
        if change is not None:
            sign = "plus" if change > 0 else "minus"
            text += f", das sind {sign} {german(abs(change), 1)} Prozent"
        text += "."
    peak_year, peak = max(series, key=lambda point: point[1])
    if peak_year not in (first_year, last_year) and peak > max(first, last):
        text += f" Der höchste Wert war {_amount(indicator, peak)} im Jahr {peak_year}."
    return text


def comparison(indicator: Indicator, year: int, latest: list, region: Decimal | None) -> str:
    """E.g. "Im Jahr 2023 hatte Münster den höchsten Wert (…), Everswinkel den niedrigsten (…)"."""
    known = [(town, value) for town, value in latest if value is not None]
    if not known:
        return f"Für das Jahr {year} gibt es noch keine Werte."
    ranked = sorted(known, key=lambda pair: pair[1])
    (low_town, low), (high_town, high) = ranked[0], ranked[-1]
    text = (
        f"Im Jahr {year} hatte {high_town.name} den höchsten Wert ({_amount(indicator, high)}), "
        f"{low_town.name} den niedrigsten ({_amount(indicator, low)})."
    )
    if region is not None:
        label = (
            "Der Durchschnitt der Kommunen"
            if indicator.aggregation == Aggregation.MEAN
            else ("Die Region insgesamt")
        )
        text += f" {label}: {_amount(indicator, region)}."
    missing = len(latest) - len(known)
    if missing:
        text += f" Für {missing} von {len(latest)} Kommunen fehlt der Wert."
    return text
