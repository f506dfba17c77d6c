"""Impressum, Datenschutz, the accessibility statement, Leichte Sprache and Gebärdensprache can be
edited, but neither deleted, moved nor withdrawn: banner, embeds, feedback form, header and footer
link to them by fixed address."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.test import Client

from pages.models import LEGAL_PAGE_SLUGS, Page
from tests.admin_helpers import admin_url, form_errors, post_change, publish_pending
from tests.crawl import sitemap_text
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["editor_client", "admin_client"])
def staff_client(request):
    """A Redaktion editor and a superuser: neither may delete or move a legal page."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def legal():
    return [PageFactory(slug=slug, title=slug.title()) for slug in sorted(LEGAL_PAGE_SLUGS)]


def test_the_fixed_addresses_are_the_linked_ones():
    # Bug 5 (issue 19): Leichte Sprache and Gebärdensprache, linked from every page's header.
    assert {
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "leichte-sprache",
        "gebaerdensprache",
    } == LEGAL_PAGE_SLUGS


def test_the_orm_refuses_to_delete_a_legal_page(legal):
    other = PageFactory(slug="ueber-uns")
    with pytest.raises(ProtectedError, match="nicht gelöscht"):
        legal[0].delete()
    with pytest.raises(ProtectedError):
        Page.objects.all().delete()
    assert Page.objects.count() == len(LEGAL_PAGE_SLUGS) + 1
    other.delete()
    Page.objects.filter(slug="gibt-es-nicht").delete()
    assert Page.objects.count() == len(LEGAL_PAGE_SLUGS)


def test_the_orm_refuses_to_move_a_legal_page(legal):
    page = Page.objects.get(slug="impressum")
    page.slug = "anbieter"
    with pytest.raises(ValidationError, match="fest verlinkt"):
        page.full_clean()
    with pytest.raises(ValidationError, match="„/impressum/“"):
        page.save()
    assert Page.objects.filter(slug="impressum").exists()
    # Other pages may move, and legal pages may still be edited.
    other = PageFactory(slug="ueber-uns")
    other.slug = "wir"
    other.save()
    page.refresh_from_db()
    page.title = "Impressum und Anbieterkennzeichnung"
    page.save()


def test_admin_offers_no_delete_for_a_legal_page(staff_client, legal):
    page = legal[0]
    html = staff_client.get(admin_url(Page, "change", page.pk)).content.decode()
    assert 'class="deletelink"' not in html
    assert 'name="slug"' not in html  # read-only
    delete_url = admin_url(Page, "delete", page.pk)
    assert staff_client.get(delete_url).status_code == 403
    assert staff_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def test_admin_bulk_delete_of_a_selection_with_a_legal_page_deletes_nothing(staff_client, legal):
    other = PageFactory(slug="ueber-uns")
    selected = [legal[0].pk, other.pk]
    data = {"action": "delete_selected", "_selected_action": selected}
    changelist = admin_url(Page, "changelist")
    confirmation = staff_client.post(changelist, data).content.decode()
    assert "Löschen nicht möglich: Seiten" in confirmation
    assert staff_client.post(changelist, {**data, "post": "yes"}).status_code == 403
    assert Page.objects.filter(pk__in=selected).count() == 2


def test_admin_edits_a_legal_page_but_keeps_its_address(staff_client, legal):
    page = legal[0]
    response = post_change(staff_client, page, title="Neuer Titel", slug="anders")
    assert response.status_code == 302, form_errors(response)
    publish_pending(staff_client, page)
    page.refresh_from_db()
    assert (page.title, page.slug) == ("Neuer Titel", legal[0].slug)


def test_a_legal_page_stays_public_even_when_marked_as_draft(client, legal):
    Page.objects.filter(pk__in=[page.pk for page in legal]).update(is_published=False)
    for page in legal:
        assert client.get(f"/{page.slug}/").status_code == 200
    assert sitemap_text(client).count("/impressum/") == 1


def test_admin_offers_no_unpublishing_of_a_legal_page(staff_client, legal):
    page = legal[0]
    response = post_change(staff_client, page, is_published="")
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.is_published


def test_admin_still_deletes_and_moves_other_pages(staff_client):
    page = PageFactory(slug="ueber-uns")
    response = post_change(staff_client, page, slug="wir")
    assert response.status_code == 302, form_errors(response)
    response = staff_client.post(admin_url(Page, "delete", page.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("slug", ["leichte-sprache", "gebaerdensprache"])
def test_header_pages_cannot_be_deleted_moved_or_withdrawn(staff_client, slug):
    """Bug 5 (issue 19): the header links to these on every page."""
    page = PageFactory(slug=slug, title="Seite im Kopf")
    assert staff_client.post(admin_url(Page, "delete", page.pk), {"post": "yes"}).status_code == 403
    with pytest.raises(ProtectedError):
        page.delete()
    page.slug = "anders"
    with pytest.raises(ValidationError):
        page.save()
    Page.objects.filter(pk=page.pk).update(is_published=False)
    assert Client().get(f"/{slug}/").status_code == 200
