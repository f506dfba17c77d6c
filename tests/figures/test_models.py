from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from figures.models import Aggregation
from figures.series import load_table

from .conftest import fill, make_indicator

pytestmark = pytest.mark.django_db


def test_region_total_is_the_sum_of_all_towns(indicator, towns):
    fill(indicator, towns, [2022, 2023])
    table = load_table(indicator)
    # 1000+22, 2000+22, 3000+22, 4000+22
    assert table.region(2022) == Decimal(10088)
    assert table.region_series == [(2022, Decimal(10088)), (2023, Decimal(10092))]


def test_a_year_without_every_town_has_no_region_total(indicator, towns):
    fill(indicator, towns[:3], [2023])
    assert load_table(indicator).region(2023) is None


def test_mean_is_the_unweighted_average_of_the_towns(towns):
    indicator = make_indicator(aggregation=Aggregation.MEAN)
    fill(indicator, towns, [2023], value=lambda i, year: [1, 2, 3, 6][i])
    assert load_table(indicator).region(2023) == Decimal(3)


def test_no_region_value_where_the_rule_forbids_it(towns):
    indicator = make_indicator(aggregation=Aggregation.NONE, aggregation_note="Doppelt gezählt.")
    fill(indicator, towns, [2023])
    table = load_table(indicator)
    assert table.region(2023) is None
    assert table.region_series == []


def test_an_indicator_without_region_value_must_say_why(towns):
    indicator = make_indicator(aggregation=Aggregation.NONE)
    with pytest.raises(ValidationError) as raised:
        indicator.full_clean()
    assert "aggregation_note" in raised.value.message_dict
