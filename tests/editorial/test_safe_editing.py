"""Issue 19: saving never publishes live content, a draft continues where it stopped,
publishing never undoes later changes, and no save overwrites a colleague's unseen work."""

import pytest
from django.test import Client

from editorial.pending import PendingVersion
from pages.models import NewsArticle, Page
from tests.admin_helpers import admin_url, form_data, two_factor_login
from tests.editorial.test_pending_versions import change_url, publish, save_pending
from tests.factories import NewsArticleFactory, PageFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return NewsArticleFactory(title="Alter Titel", teaser="Alter Anreißer", slug="alt")


@pytest.fixture
def colleague_client(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "kollegin", password="x", is_staff=True, first_name="Karla", last_name="Kollegin"
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    client = Client()
    two_factor_login(client, user)
    return client


def public_html(obj) -> str:
    return Client().get(obj.get_absolute_url()).content.decode()


# Bug 4: "Sichern", Enter, address changes and restores of live content publish at once.


def test_enter_on_a_live_article_keeps_a_draft(editor_client, article):
    url = change_url(article)
    data = form_data(editor_client.get(url)) | {"title": "Neuer Titel"}  # no button: Enter
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Alter Titel"
    assert PendingVersion.objects.get().data["title"] == "Neuer Titel"


def test_address_change_waits_for_publication(editor_client, article):
    save_pending(editor_client, article, slug="neu")
    assert NewsArticle.objects.get().slug == "alt"
    assert "Alter Titel" in public_html(article)


def test_restore_of_a_live_page_keeps_a_draft(editor_client):
    page = PageFactory(body="Erste Fassung")
    page.body = "Zweite Fassung"
    page.save()
    first = page.history.order_by("history_date").first()
    url = admin_url(Page, "simple_history", page.pk, first.history_id)
    data = form_data(editor_client.get(url)) | {"_save": "Wiederherstellen"}

    response = editor_client.post(url, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Zweite Fassung"
    assert PendingVersion.objects.get().data["body"] == "Erste Fassung"
    assert page.history.count() == 2
    publish(editor_client, page)
    assert "Erste Fassung" in public_html(page)


# Bug 2: after a pending save the form showed the live text; a second save replaced the first.


def test_form_shows_the_draft_and_a_second_save_continues_it(editor_client, article):
    save_pending(editor_client, article, title="Neuer Titel")

    form = editor_client.get(change_url(article)).context["adminform"].form
    assert form["title"].value() == "Neuer Titel"

    save_pending(editor_client, article, teaser="Neuer Anreißer")

    data = PendingVersion.objects.get().data
    assert (data["title"], data["teaser"]) == ("Neuer Titel", "Neuer Anreißer")


# Bug 1: publishing a pending version undid later direct changes.


def test_publishing_keeps_later_direct_changes(editor_client, article):
    save_pending(editor_client, article, title="Neuer Titel")
    NewsArticle.objects.filter(pk=article.pk).update(teaser="Später direkt geändert")
    project = ProjectFactory()
    article.projects.add(project)  # a relation added directly, too

    response = publish(editor_client, article)

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.teaser) == ("Neuer Titel", "Später direkt geändert")
    assert list(article.projects.all()) == [project]


def test_publishing_refuses_a_field_changed_on_both_sides(editor_client, article):
    save_pending(editor_client, article, title="Entwurfstitel")
    NewsArticle.objects.filter(pk=article.pk).update(title="Direkt geänderter Titel")

    confirm = editor_client.get(admin_url(NewsArticle, "publish_pending", article.pk))
    assert "anders geändert: Titel" in confirm.content.decode()
    response = publish(editor_client, article, follow=True)

    assert "Seit Beginn dieses Entwurfs" in response.content.decode()
    assert NewsArticle.objects.get().title == "Direkt geänderter Titel"
    assert PendingVersion.objects.exists()


def test_publish_page_says_what_goes_live(editor_client, article):
    save_pending(editor_client, article, title="Neuer Titel")
    html = editor_client.get(admin_url(NewsArticle, "publish_pending", article.pk)).content
    html = html.decode()
    assert "Alter Titel" in html and "Neuer Titel" in html
    assert "Alter Anreißer" not in html  # unchanged fields are not listed


# Bug 6: two people editing the same object overwrote each other.


def test_stale_direct_save_is_refused_with_both_texts(editor_client, colleague_client):
    page = PageFactory(is_published=False, body="Anfang")
    mine = form_data(editor_client.get(change_url(page))) | {"body": "Meine Fassung"}
    theirs = form_data(colleague_client.get(change_url(page))) | {"body": "Ihre Fassung"}
    assert colleague_client.post(change_url(page), theirs).status_code == 302

    response = editor_client.post(change_url(page), mine)

    assert response.status_code == 200
    html = response.content.decode()
    assert "hat Karla Kollegin diesen Eintrag am" in html
    assert "Meine Fassung" in html and "Ihre Fassung" in html
    assert Page.objects.get().body == "Ihre Fassung"
    # Saving again, now on the version just shown, is a deliberate choice.
    again = form_data(response) | {"body": "Meine Fassung"}
    assert editor_client.post(change_url(page), again).status_code == 302
    assert Page.objects.get().body == "Meine Fassung"


def test_stale_draft_save_is_refused(editor_client, colleague_client, article):
    mine = form_data(editor_client.get(change_url(article))) | {"title": "Mein Titel"}
    save_pending(colleague_client, article, title="Ihr Titel")

    response = editor_client.post(change_url(article), mine)

    assert response.status_code == 200
    assert PendingVersion.objects.get().data["title"] == "Ihr Titel"


def test_stale_publish_is_refused(editor_client, colleague_client, article):
    save_pending(editor_client, article, title="Erster Entwurf")
    url = admin_url(NewsArticle, "publish_pending", article.pk)
    seen = editor_client.get(url).context["base_version"]
    save_pending(colleague_client, article, title="Zweiter Entwurf")

    editor_client.post(url, {"_base_version": seen})

    assert NewsArticle.objects.get().title == "Alter Titel"
    assert PendingVersion.objects.get().data["title"] == "Zweiter Entwurf"


def test_stale_restore_is_refused(editor_client, colleague_client):
    page = PageFactory(is_published=False, body="Erste Fassung")
    page.body = "Zweite Fassung"
    page.save()
    first = page.history.order_by("history_date").first()
    url = admin_url(Page, "simple_history", page.pk, first.history_id)
    data = form_data(editor_client.get(url)) | {"_save": "Wiederherstellen"}
    colleague = form_data(colleague_client.get(change_url(page))) | {"body": "Dritte Fassung"}
    colleague_client.post(change_url(page), colleague)

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Dritte Fassung" in response.content.decode()
    assert Page.objects.get().body == "Dritte Fassung"


# Edit lock notice and typing kept on the server (bug 3, bug 6).


def session_url(obj) -> str:
    return admin_url(type(obj), "edit_session", obj.pk)


def test_edit_lock_notice_names_the_colleague(editor_client, colleague_client, article):
    colleague_client.get(change_url(article))

    html = editor_client.get(change_url(article)).content.decode()

    assert 'Wird gerade von <span class="edit-session-names">Karla Kollegin</span>' in html
    answer = editor_client.post(session_url(article)).json()
    assert answer == {"others": ["Karla Kollegin"]}


def test_edit_lock_notice_expires(editor_client, colleague_client, article):
    from editorial.edit_sessions import EditSession

    colleague_client.get(change_url(article))
    EditSession.objects.update(seen_at="2020-01-01T00:00:00Z")
    assert editor_client.post(session_url(article)).json() == {"others": []}


def test_unsaved_typing_is_offered_back_and_forgotten_on_save(editor_client):
    page = PageFactory(is_published=False, title="Gespeichert")
    editor_client.post(session_url(page), {"_typed": "1", "title": "Nur getippt"})

    response = editor_client.get(change_url(page))
    html = response.content.decode()
    assert "Es gibt nicht gespeicherte Eingaben von Ihnen" in html
    assert '"title": ["Nur getippt"]' in html  # the data the page's script restores
    assert response.context["adminform"].form["title"].value() == "Gespeichert"

    editor_client.post(change_url(page), form_data(response))
    assert "nicht gespeicherte Eingaben" not in editor_client.get(change_url(page)).content.decode()


def test_session_endpoint_needs_post_and_permission(editor_client, client, article):
    assert editor_client.get(session_url(article)).status_code == 405
    assert editor_client.post(admin_url(NewsArticle, "edit_session", 999)).status_code == 404
    client.logout()
    assert client.post(session_url(article)).status_code == 302  # to the login


# Bug 3: the preview showed only saved text, in the same tab.


def test_preview_of_the_unsaved_form(editor_client, article):
    response = editor_client.get(change_url(article))
    assert 'formtarget="_blank"' in response.content.decode()
    data = form_data(response) | {"title": "Nur im Formular"}

    preview = editor_client.post(admin_url(NewsArticle, "preview", article.pk), data)

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Nur im Formular" in html
    assert "gespeichert ist noch nichts" in html
    assert NewsArticle.objects.get().title == "Alter Titel"
    assert not PendingVersion.objects.exists()
    assert article.history.count() == 1


def test_preview_of_an_invalid_form_says_what_to_fix(editor_client, article):
    data = form_data(editor_client.get(change_url(article))) | {"title": ""}
    preview = editor_client.post(admin_url(NewsArticle, "preview", article.pk), data)
    assert preview.status_code == 400
    assert "Titel: Dieses Feld ist zwingend erforderlich." in preview.content.decode()


# Bug 7: a date in "veröffentlichen ab" without the tick stayed a draft forever, silently.


def test_schedule_without_the_tick_is_a_german_form_error(editor_client):
    page = PageFactory(is_published=False)
    data = form_data(editor_client.get(change_url(page)))
    data |= {"publish_from_0": "01.01.2030", "publish_from_1": "08:00"}

    response = editor_client.post(change_url(page), data)

    assert response.status_code == 200
    assert "wirkt nur mit Haken bei „veröffentlicht“" in response.content.decode()
    page.refresh_from_db()
    assert page.publish_from is None


def test_changelist_marks_pending_changes(editor_client, article):
    other = NewsArticleFactory(title="Ohne Entwurf")
    save_pending(editor_client, article, title="Neuer Titel")
    response = editor_client.get(admin_url(NewsArticle, "changelist"))
    rows = {obj.pk: obj.has_pending_change for obj in response.context["cl"].result_list}
    assert rows == {article.pk: True, other.pk: False}
    assert "Ausstehende Änderung" in response.content.decode()
