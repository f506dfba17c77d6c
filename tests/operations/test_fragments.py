"""Parts that every page shares are rendered once per content version, and anew at once after
a committed change."""

import datetime

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


def kept() -> list[str]:
    """The keys of the detail pages' own parts kept so far."""
    return [key for key in local_fragments._entries if "\x1fcontent\x1f" in key]


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


# --- A detail page's own head and content -----------------------------------------------------


def test_a_detail_pages_content_is_drawn_once_per_version_without_its_queries(client):
    from tests.factories import BodyFactory, MembershipFactory, SeatQuotaFactory

    body = BodyFactory(name="Beirat", slug="beirat")
    MembershipFactory(body=body, person_name="Erika Beispiel")
    SeatQuotaFactory(body=body)
    first = queries(client, "/gremien/beirat/")
    second = queries(client, "/gremien/beirat/")
    # Members and seats are read only when the content is drawn.
    assert [sql for sql in first if "governance_membership" in sql]
    assert [sql for sql in first if "governance_seatquota" in sql]
    assert not [sql for sql in second if "governance_membership" in sql]
    assert not [sql for sql in second if "governance_seatquota" in sql]
    assert "Erika Beispiel" in client.get("/gremien/beirat/").content.decode()


def test_an_edit_shows_in_a_kept_content_at_once(client):
    from tests.factories import BodyFactory, MembershipFactory

    membership = MembershipFactory(body=BodyFactory(slug="beirat"), person_name="Erika Beispiel")
    client.get("/gremien/beirat/")
    membership.person_name = "Erika Neu"
    membership.save()
    html = client.get("/gremien/beirat/").content.decode()
    assert "Erika Neu" in html and "Erika Beispiel" not in html


def test_prefetched_relations_are_fetched_for_the_head_and_the_content(client):
    """The queryset's prefetches wait for the parts that read them, and then run once."""
    from tests.factories import MunicipalityFactory, ProjectFactory

    project = ProjectFactory(slug="velorouten", is_published=True)
    project.municipalities.add(MunicipalityFactory(name="Telgte", slug="telgte"))
    first = queries(client, f"/projekte/{project.slug}/")
    assert len([sql for sql in first if "members_municipality" in sql]) == 1
    html = client.get(f"/projekte/{project.slug}/").content.decode()
    assert html.count("Telgte") >= 2  # in the JSON-LD of the head and in the content


def test_only_declared_query_strings_keep_a_content(client):
    from tests.factories import BodyFactory

    BodyFactory(slug="beirat")
    client.get("/gremien/beirat/?erfunden=1")
    client.get("/gremien/beirat/?erfunden=2")
    assert not [key for key in kept() if "beirat" in key]
    client.get("/gremien/beirat/")
    assert [key for key in kept() if "beirat" in key]


def test_staff_never_get_or_leave_a_kept_content(client, editor_client):
    from tests.factories import ProjectFactory

    draft = ProjectFactory(slug="entwurf", is_published=False, title="Geheimer Entwurf")
    assert editor_client.get("/projekte/entwurf/").status_code == 200  # staff preview a draft
    assert not [key for key in kept() if "entwurf" in key]
    draft.is_published = True
    draft.save()
    client.logout()
    assert client.get("/projekte/entwurf/").status_code == 200
    assert [key for key in kept() if "entwurf" in key]


def test_the_map_follows_each_visitors_consent(client):
    from privacy.consent import CONSENT_COOKIE, encode_consent
    from tests.factories import MunicipalityFactory

    MunicipalityFactory(slug="telgte", latitude=51.98, longitude=7.78)
    blocked = client.get("/kommunen/telgte/").content.decode()
    client.cookies[CONSENT_COOKIE] = encode_consent({"osm"}, datetime.date.today())
    allowed = client.get("/kommunen/telgte/").content.decode()
    del client.cookies[CONSENT_COOKIE]
    again = client.get("/kommunen/telgte/").content.decode()
    assert "<iframe" not in blocked and "<iframe" in allowed and "<iframe" not in again
