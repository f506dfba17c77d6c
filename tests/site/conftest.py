"""The site tier: walks over the whole site (docs/architecture.md, "Tests in three tiers").
Every test in this folder carries the marker `site`, which `make test-fast` leaves out."""

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.site)
