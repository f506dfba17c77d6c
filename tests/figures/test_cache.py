"""Chart pages are cached like every page, and a confirmed import shows at once."""

from decimal import Decimal

import pytest

from figures import importing
from tests.page_cache import commit, switch_on

from .conftest import fill

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    switch_on(settings)


def test_an_indicator_page_is_a_hit_until_an_import_changes_its_values(
    client, admin_user, indicator, towns
):
    fill(indicator, towns, [2023])
    commit()
    url = indicator.get_absolute_url()
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"
    importing.apply(
        {(indicator.pk, towns[0].pk, 2023): Decimal(99999)}, user=admin_user, reason="x"
    )
    commit()
    response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert "99.999" in response.content.decode()
