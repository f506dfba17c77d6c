"""Chart pages are cached like every page, and a confirmed import shows at once."""

from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection

from figures import importing
from operations import pagecache
from operations.pagestore import local_pages, shared_pages

from .conftest import fill

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    local_pages.clear()
    shared_pages.reset()
    pagecache.period.clear()


def commit():
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, callback, _robust in callbacks:
        callback()


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
