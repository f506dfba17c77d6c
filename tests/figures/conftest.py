import datetime
from decimal import Decimal

import pytest

from figures.models import Aggregation, Indicator, Value
from tests.factories import FieldOfActionFactory, MunicipalityFactory

TOWNS = ("muenster", "ascheberg", "havixbeck", "greven")


@pytest.fixture
def towns(db):
    return [
        MunicipalityFactory(slug=slug, name=slug.capitalize(), order=i)
        for i, slug in enumerate(TOWNS)
    ]


def make_indicator(**values) -> Indicator:
    defaults = {
        "name": "Bevölkerung",
        "slug": "bevoelkerung",
        "subject": "Die Einwohnerzahl",
        "explanation": "Wie viele Menschen in der Kommune leben.",
        "unit": "Personen",
        "field_of_action": FieldOfActionFactory(),
        "source_name": "IT.NRW, Landesdatenbank NRW",
        "source_table": "12411-01i",
        "data_date": datetime.date(2024, 6, 30),
        "aggregation": Aggregation.SUM,
        "genesis_code": "BEVSTD",
    }
    return Indicator.objects.create(**{**defaults, **values})


@pytest.fixture
def indicator(db):
    return make_indicator()


def fill(indicator, towns, years, value=lambda i, year: 1000 * (i + 1) + year - 2000):
    Value.objects.bulk_create(
        Value(indicator=indicator, municipality=town, year=year, value=Decimal(value(i, year)))
        for i, town in enumerate(towns)
        for year in years
    )
