"""What the overview and a town's page show of many indicators at once, in one query each."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery, Sum

from .models import Aggregation, Indicator, Value


def latest_region_values(indicators: list[Indicator], town_count: int) -> dict:
    """indicator id -> (year, region value or None) of the latest year with values: one
    aggregate query over all values (years × indicators groups, not rows)."""
    groups = (
        Value.objects.values("indicator_id", "year")
        .annotate(total=Sum("value"), count=Count("id"))
        .order_by()
    )
    by_indicator = defaultdict(list)
    for group in groups:
        by_indicator[group["indicator_id"]].append(group)
    result = {}
    for indicator in indicators:
        years = sorted(by_indicator.get(indicator.pk, []), key=lambda group: group["year"])
        if not years:
            continue
        latest = years[-1]
        complete = latest["count"] == town_count
        value = None
        if complete and indicator.aggregation == Aggregation.SUM:
            value = latest["total"]
        elif complete and indicator.aggregation == Aggregation.MEAN:
            value = Decimal(latest["total"]) / town_count
        result[indicator.pk] = (latest["year"], value)
    return result


def latest_values_of_town(town) -> list[Value]:
    """The town's newest value of each indicator, with the indicator: one query."""
    newest = (
        Value.objects.filter(indicator=OuterRef("indicator"), municipality=town)
        .order_by("-year")
        .values("year")[:1]
    )
    return list(
        Value.objects.filter(municipality=town, year=Subquery(newest))
        .select_related("indicator__field_of_action")
        .order_by("indicator__field_of_action__order", "indicator__order", "indicator__name")
    )
