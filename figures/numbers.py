"""Numbers as German readers expect them: 512.345 and 6,7 (never 512,345 or 6.7)."""

from decimal import ROUND_HALF_UP, Decimal


def german(value: Decimal | float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".").replace("-", "−")


def with_unit(value: Decimal | None, decimals: int, unit: str) -> str:
    if value is None:
        return "–"
    return f"{german(value, decimals)} {unit}".strip()


def percent_change(first: Decimal, last: Decimal) -> Decimal | None:
    if not first:
        return None
    return (last - first) / abs(first) * 100
