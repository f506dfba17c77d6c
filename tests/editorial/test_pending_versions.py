"""Pending versions (editorial.pending): a change to a published page or news article waits for its own
publication; the public sees the published version until then."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client

from editorial.pending import PendingVersion
from pages.models import NewsArticle, Page
from tests.admin_helpers import admin_url, form_data, form_errors, publish_pending
from tests.factories import (
    FieldOfActionFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def article():
    return NewsArticleFactory(
        title="Alter Titel",
        municipalities=[MunicipalityFactory(name="Telgte")],
        fields_of_action=[FieldOfActionFactory(name="Mobilität")],
        projects=[ProjectFactory(title="Velorouten")],
    )


def change_url(obj, pending=False) -> str:
    return admin_url(type(obj), "change", obj.pk) + ("?ausstehend=1" if pending else "")


def save_pending(client, obj, pending=False, **changes):
    """Saves the change form of a published object as "Sichern" (or Enter) does."""
    url = change_url(obj, pending)
    data = form_data(client.get(url)) | changes
    return client.post(url, data)


publish = publish_pending


def test_pending_change_leaves_the_public_page_unchanged(editor_client, visitor, article):
    form = editor_client.get(change_url(article)).content.decode()
    assert 'value="Entwurf speichern" class="default" name="_save"' in form

    response = save_pending(editor_client, article, title="Neuer Titel")

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Alter Titel"
    html = visitor.get(article.get_absolute_url()).content.decode()
    assert "Alter Titel" in html
    assert "Neuer Titel" not in html
    form = editor_client.get(change_url(article)).content.decode()
    assert re.search(r"Ausstehende Änderung von redaktion, gespeichert am \d", form)
    assert LogEntry.objects.filter(change_message="Ausstehende Änderung gespeichert").exists()


def test_pending_change_is_validated_as_usual(editor_client, article):
    response = save_pending(editor_client, article, title="")
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in form_errors(response)
    assert not PendingVersion.objects.exists()


def test_preview_shows_the_pending_version_only_to_whom_it_is_shown(
    editor_client, visitor, article
):
    save_pending(editor_client, article, title="Neuer Titel")
    preview = admin_url(NewsArticle, "preview", article.pk)

    html = editor_client.get(preview + "?ausstehend=1").content.decode()
    assert "Neuer Titel" in html
    assert "nach der Veröffentlichung der ausstehenden Änderung" in html
    assert "Alter Titel" in editor_client.get(preview).content.decode()
    # The preview was rolled back: still pending, still the old title for the public.
    assert PendingVersion.objects.count() == 1
    assert "Neuer Titel" not in visitor.get(article.get_absolute_url()).content.decode()


def test_signed_link_to_the_pending_version(editor_client, visitor, article):
    save_pending(editor_client, article, title="Neuer Titel")
    response = editor_client.post(
        admin_url(NewsArticle, "preview_link", article.pk), {"_pending": "on"}
    )
    link = re.search(r'id="preview-link"[^>]*value="([^"]+)"', response.content.decode())[1]
    assert "Neuer Titel" in visitor.get(link).content.decode()


def test_signed_link_to_the_published_version_when_chosen(editor_client, visitor, article):
    save_pending(editor_client, article, title="Neuer Titel")
    url = admin_url(NewsArticle, "preview_link", article.pk)
    # The pending version is the form's default choice; "0" is the published one.
    assert 'name="_pending" value="1" checked' in editor_client.get(url).content.decode()
    response = editor_client.post(url, {"_pending": "0"})
    link = re.search(r'id="preview-link"[^>]*value="([^"]+)"', response.content.decode())[1]
    page = visitor.get(link).content.decode()
    assert article.title in page and "Neuer Titel" not in page


def test_publish_applies_it_with_relations_and_history(editor, editor_client, visitor, article):
    greven = MunicipalityFactory(name="Greven")
    old_field = article.fields_of_action.get()
    save_pending(editor_client, article, title="Neuer Titel", municipalities=[str(greven.pk)])

    response = publish(editor_client, article)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Neuer Titel"
    assert list(article.municipalities.all()) == [greven]
    assert list(article.fields_of_action.all()) == [old_field]  # untouched relations survive
    assert [p.title for p in article.projects.all()] == ["Velorouten"]
    assert "Neuer Titel" in visitor.get(article.get_absolute_url()).content.decode()
    assert not PendingVersion.objects.exists()
    latest = article.history.first()
    assert latest.history_user == editor
    assert latest.title == "Neuer Titel"
    assert latest.history_change_reason == "Ausstehende Änderung von redaktion"


def test_discard(editor_client, article):
    save_pending(editor_client, article, title="Neuer Titel")
    response = editor_client.post(admin_url(NewsArticle, "discard_pending", article.pk))
    assert response.status_code == 302
    assert not PendingVersion.objects.exists()
    article.refresh_from_db()
    assert article.title == "Alter Titel"
    assert publish(editor_client, article).status_code == 404


def test_edit_the_pending_version_again(editor_client, article):
    greven = MunicipalityFactory(name="Greven")
    save_pending(editor_client, article, title="Erster Entwurf", municipalities=[str(greven.pk)])

    response = editor_client.get(change_url(article, pending=True))
    form = response.context["adminform"].form
    assert form["title"].value() == "Erster Entwurf"
    assert [int(pk) for pk in form["municipalities"].value()] == [greven.pk]

    save_pending(editor_client, article, pending=True, title="Zweiter Entwurf")

    pending = PendingVersion.objects.get()
    assert pending.data["title"] == "Zweiter Entwurf"
    assert pending.data["municipalities"] == [greven.pk]
    article.refresh_from_db()
    assert article.title == "Alter Titel"


def test_pages_too(editor_client, visitor):
    page = PageFactory(body="Alter Inhalt")
    save_pending(editor_client, page, body="Neuer Inhalt")
    assert "Alter Inhalt" in visitor.get(page.get_absolute_url()).content.decode()
    publish(editor_client, page)
    assert "Neuer Inhalt" in visitor.get(page.get_absolute_url()).content.decode()


def test_publish_refuses_what_no_longer_fits(editor_client, article):
    save_pending(editor_client, article, slug="neue-adresse")
    NewsArticleFactory(slug="neue-adresse")  # taken meanwhile

    response = publish(editor_client, article, follow=True)

    assert "kann so nicht veröffentlicht werden" in response.content.decode()
    article.refresh_from_db()
    assert article.slug != "neue-adresse"
    assert PendingVersion.objects.count() == 1


def test_drafts_save_directly(editor_client):
    draft = PageFactory(is_published=False)
    assert "Entwurf speichern" not in editor_client.get(change_url(draft)).content.decode()
    response = save_pending(editor_client, draft, title="Direkt")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Direkt"
    assert not PendingVersion.objects.exists()


def test_publish_and_discard_need_post_and_change_permission(editor_client, client, article):
    save_pending(editor_client, article, title="Neuer Titel")
    confirm = editor_client.get(admin_url(NewsArticle, "publish_pending", article.pk))
    assert confirm.status_code == 200  # shows what would go live, publishes nothing
    assert NewsArticle.objects.get().title == "Alter Titel"
    assert (
        editor_client.get(admin_url(NewsArticle, "discard_pending", article.pk)).status_code == 405
    )
    client.logout()
    url = admin_url(NewsArticle, "publish_pending", article.pk)
    assert client.post(url).status_code == 302  # to the login
    assert NewsArticle.objects.get().title == "Alter Titel"


def test_pending_version_goes_with_its_object(editor_client, article):
    save_pending(editor_client, article, title="Neuer Titel")
    article.delete()
    assert not PendingVersion.objects.exists()
    assert Page.objects.count() == 0


def test_preview_follows_a_pending_change_of_address(editor_client, article):
    save_pending(editor_client, article, slug="neue-adresse", title="Neuer Titel")
    preview = admin_url(NewsArticle, "preview", article.pk) + "?ausstehend=1"
    assert "Neuer Titel" in editor_client.get(preview).content.decode()


def test_opening_a_preview_never_empties_the_page_cache(editor_client, visitor, article, settings):
    """The preview renders inside a transaction that is rolled back: its saves queue no move of
    the page cache's version (that happens only on commit)."""
    from django.db import connection

    from operations import pageversion

    settings.PAGE_CACHE_ENABLED = True
    save_pending(editor_client, article, title="Neuer Titel")
    response = editor_client.post(
        admin_url(NewsArticle, "preview_link", article.pk), {"_pending": "on"}
    )
    link = re.search(r'id="preview-link"[^>]*value="([^"]+)"', response.content.decode())[1]
    queued, version = len(connection.run_on_commit), pageversion.read()
    for _ in range(3):
        assert "Neuer Titel" in visitor.get(link).content.decode()
    assert (len(connection.run_on_commit), pageversion.read()) == (queued, version)
