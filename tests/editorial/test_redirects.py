"""Bug 10 (issue 19): a changed address gave a 404. Every change of a public address leaves a
permanent redirect, by any path; chains collapse; subpaths follow."""

import pytest
from django.test import Client

from editorial.redirects import Redirect
from pages.models import NewsArticle
from tests.admin_helpers import publish_pending
from tests.editorial.test_pending_versions import save_pending
from tests.factories import NewsArticleFactory, PageFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_shell_change_of_a_page_address_redirects(client):
    page = PageFactory(slug="alt")
    page.slug = "neu"
    page.save()

    response = client.get("/alt/?x=1")

    assert response.status_code == 301
    assert response["Location"] == "/neu/?x=1"
    assert client.get("/neu/").status_code == 200


def test_published_pending_address_change_redirects(editor_client):
    article = NewsArticleFactory(slug="alte-meldung")
    save_pending(editor_client, article, slug="neue-meldung")
    assert Client().get("/aktuelles/alte-meldung/").status_code == 200  # not yet moved
    publish_pending(editor_client, article)

    response = Client().get("/aktuelles/alte-meldung/")

    assert response.status_code == 301
    assert response["Location"] == NewsArticle.objects.get().get_absolute_url()


def test_chains_collapse_and_subpaths_follow(client):
    project = ProjectFactory(slug="a")
    for slug in ["b", "c"]:
        project.slug = slug
        project.save()

    assert set(Redirect.objects.values_list("old_path", "new_path")) == {
        ("/projekte/a/", "/projekte/c/"),
        ("/projekte/b/", "/projekte/c/"),
    }
    assert client.get("/projekte/a/dokumente/").get("Location") == "/projekte/c/dokumente/"


def test_an_address_taken_back_stops_redirecting(client):
    page = PageFactory(slug="a")
    page.slug = "b"
    page.save()
    page.slug = "a"
    page.save()
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/b/", "/a/")]
    assert client.get("/a/").status_code == 200


def test_a_new_page_at_an_old_address_wins(client):
    page = PageFactory(slug="a", title="Umgezogen")
    page.slug = "b"
    page.save()
    PageFactory(slug="a", title="Neue Seite")
    assert client.get("/a/").status_code == 200


def test_a_nul_in_an_unknown_address_stays_a_404(client):
    """PostgreSQL refuses to compare text with a NUL: the lookup must not ask it."""
    assert client.get("/projekte/alt%00/").status_code == 404
