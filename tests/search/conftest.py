import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no searches counted (search.views rate limit)."""
    cache.clear()
