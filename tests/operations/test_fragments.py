"""Parts that every page shares are rendered once per content version, and anew at once after
a committed change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from operations.pagestore import local_fragments
from tests.factories import PageFactory

# Fragments are never kept inside a transaction (a preview renders drafts inside one), so
# these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    local_fragments.clear()
    yield
    local_fragments.clear()


def queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_navigation_and_footer_are_rendered_once_per_version(client):
    PageFactory(title="Über uns", slug="ueber-uns", menu="main", is_published=True)
    first = queries(client, "/kommunen/")
    second = queries(client, "/kommunen/")
    menu = [sql for sql in first if '"pages_page"' in sql]
    assert menu and not [sql for sql in second if '"pages_page"' in sql]
    assert len(second) < len(first)


def test_a_committed_change_shows_in_the_shared_parts_at_once(client):
    page = PageFactory(title="Über uns", slug="ueber-uns", menu="main", is_published=True)
    assert "Über uns" in client.get("/kommunen/").content.decode()
    page.title = "Wir über uns"
    page.save()  # committed: the version moves
    html = client.get("/kommunen/").content.decode()
    assert "Wir über uns" in html and ">Über uns<" not in html


def test_each_path_keeps_its_own_current_item(client):
    client.get("/kommunen/")
    html = client.get("/projekte/").content.decode()
    assert 'href="/projekte/" aria-current="page"' in html


def test_nothing_rendered_inside_a_transaction_is_kept(client):
    """A preview draws drafts inside a transaction that is rolled back."""
    from django.db import transaction

    with transaction.atomic():
        client.get("/kommunen/")
    assert len(local_fragments) == 0
    client.get("/kommunen/")
    assert len(local_fragments) > 0
