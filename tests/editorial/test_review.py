"""The review workflow (editorial.review): "Zur Freigabe einreichen → freigeben / mit Kommentar
zurückgeben", with e-mails to both sides; region-wide projects need the Geschäftsstelle's
approval (bug 8 of issue 19); which roles need approval is set by superusers."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.test import Client

from editorial.pending import PendingVersion
from editorial.review import ReviewRequest, ReviewSettings
from pages.models import NewsArticle
from projects.models import Project
from tests.accounts.test_town_editors import make_town_editor
from tests.admin_helpers import admin_url, form_data, form_errors, post_change, two_factor_login
from tests.factories import MunicipalityFactory, NewsArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def havixbeck():
    return MunicipalityFactory(name="Havixbeck")


@pytest.fixture
def region(havixbeck):
    """All member towns (three stand for the twelve)."""
    return [havixbeck, MunicipalityFactory(name="Telgte"), MunicipalityFactory(name="Senden")]


@pytest.fixture
def town_editor(django_user_model, havixbeck):
    user = make_town_editor(django_user_model, "redaktion-havixbeck", havixbeck)
    user.email = "havixbeck@example.org"
    user.save()
    return user


@pytest.fixture
def town_client(town_editor):
    client = Client()
    two_factor_login(client, town_editor)
    return client


@pytest.fixture
def reviewer(editor):
    editor.email = "geschaeftsstelle@example.org"
    editor.save()
    return editor


def review_url(obj, view="review") -> str:
    return admin_url(type(obj), view, obj.pk)


def submit(client, obj, message=""):
    return client.post(review_url(obj, "submit_review"), {"message": message})


def decide(client, obj, button, comment=""):
    page = client.get(review_url(obj))
    assert page.status_code == 200
    data = {"_base_version": page.context["base_version"], "comment": comment, button: "1"}
    return client.post(review_url(obj), data)


# Bug 8: one town editor rewrote or withdrew a project of all towns alone.


def test_a_town_editor_cannot_rewrite_a_region_wide_project_alone(town_client, region):
    project = ProjectFactory(summary="Für alle.", municipalities=region)

    response = post_change(town_client, project, summary="Nur noch Havixbeck.")

    assert response.status_code == 302, form_errors(response)
    project.refresh_from_db()
    assert project.summary == "Für alle."
    assert project.pending_version.data["summary"] == "Nur noch Havixbeck."


def test_a_town_editor_cannot_withdraw_a_region_wide_project_alone(town_client, region):
    project = ProjectFactory(municipalities=region)
    changelist = admin_url(Project, "changelist")

    action = {"action": "unpublish", "index": "0", "_selected_action": [project.pk]}
    response = town_client.post(changelist, action, follow=True)
    assert "braucht eine Freigabe" in response.content.decode()
    post_change(town_client, project, is_published="")  # the box unticked: a draft only

    project.refresh_from_db()
    assert project.is_published
    response = town_client.post(review_url(project, "publish_pending"), {})
    project.refresh_from_db()
    assert project.is_published


def test_own_town_projects_stay_direct_for_town_editors(town_client, region, havixbeck):
    project = ProjectFactory(summary="Alt.", municipalities=[havixbeck])

    post_change(town_client, project, summary="Neu.")

    project.refresh_from_db()
    assert project.summary == "Neu."
    assert not PendingVersion.objects.exists()


def test_a_region_wide_change_is_submitted_approved_and_published(
    town_client, editor_client, reviewer, town_editor, region
):
    project = ProjectFactory(summary="Für alle.", municipalities=region)
    post_change(town_client, project, summary="Für alle zwölf.")
    form = town_client.get(admin_url(Project, "change", project.pk)).content.decode()
    assert "Zur Freigabe einreichen" in form
    assert "Änderung veröffentlichen" not in form

    response = submit(town_client, project, message="Bitte kurz prüfen.")

    assert response.status_code == 302
    review = ReviewRequest.objects.get()
    assert review.state == ReviewRequest.State.OPEN
    assert [m.to for m in mail.outbox] == [["geschaeftsstelle@example.org"]]
    assert mail.outbox[0].subject == f"Bitte um Freigabe: {project}"
    assert "Bitte kurz prüfen." in mail.outbox[0].body
    assert review_url(project) in mail.outbox[0].body
    # The author waits; only the reviewer decides.
    assert town_client.get(review_url(project)).status_code == 403
    form = editor_client.get(admin_url(Project, "change", project.pk)).content.decode()
    assert "Prüfen: freigeben oder zurückgeben" in form

    response = decide(editor_client, project, "_approve")

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.summary == "Für alle zwölf."
    assert project.pending_version is None
    review.refresh_from_db()
    assert review.state == ReviewRequest.State.APPROVED
    assert review.decided_by == reviewer
    assert mail.outbox[-1].to == ["havixbeck@example.org"]
    assert mail.outbox[-1].subject == f"Freigegeben: {project}"
    messages = set(LogEntry.objects.values_list("change_message", flat=True))
    assert {"Zur Freigabe eingereicht", "Freigegeben und veröffentlicht"} <= messages


def test_returning_needs_a_comment_that_reaches_the_author(
    town_client, editor_client, reviewer, region
):
    project = ProjectFactory(summary="Für alle.", municipalities=region)
    post_change(town_client, project, summary="Geändert.")
    submit(town_client, project)

    response = decide(editor_client, project, "_return")
    assert response.status_code == 200
    assert "Bitte schreiben Sie einen Kommentar" in response.content.decode()

    response = decide(editor_client, project, "_return", comment="Quelle fehlt.")

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.summary == "Für alle."  # nothing published
    review = ReviewRequest.objects.get()
    assert (review.state, review.comment) == (ReviewRequest.State.RETURNED, "Quelle fehlt.")
    assert "Quelle fehlt." in mail.outbox[-1].body
    assert mail.outbox[-1].subject == f"Zurückgegeben: {project}"
    form = town_client.get(admin_url(Project, "change", project.pk)).content.decode()
    assert "Quelle fehlt." in form
    assert "Zur Freigabe einreichen" in form  # once more, after the correction
    # Request, decision and comment stay in the request's history.
    assert list(review.history.values_list("state", flat=True)) == ["zurueckgegeben", "offen"]


def test_the_roles_needing_approval_are_set_in_the_admin(admin_client, editor):
    editor_client = Client()
    two_factor_login(editor_client, editor)
    url = admin_url(ReviewSettings, "change", ReviewSettings.load().pk)
    data = form_data(admin_client.get(url)) | {"editors_need_approval": "on"}
    assert admin_client.post(url, data).status_code == 302
    assert ReviewSettings.load().editors_need_approval
    assert ReviewSettings.load().history.count() == 2
    # Editors neither see nor change it.
    assert editor_client.get(url).status_code == 403

    article = NewsArticleFactory(title="Alt")
    post_change(editor_client, article, title="Neu")
    response = editor_client.post(review_url(article, "publish_pending"), {}, follow=True)
    assert "braucht eine Freigabe" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Alt"


def test_town_editors_propose_news_for_their_town(
    town_client, editor_client, reviewer, havixbeck, region
):
    ReviewSettings.objects.update_or_create(pk=1, defaults={"town_editors_need_approval": True})
    add = admin_url(NewsArticle, "add")
    page = town_client.get(add)
    assert page.status_code == 200
    # Their news belong to their town, and go online only through approval.
    form = page.context["adminform"].form
    assert list(form.fields["municipalities"].queryset) == [havixbeck]
    assert "is_published" not in form.fields
    data = form_data(page) | {
        "title": "Radweg eröffnet",
        "slug": "radweg-eroeffnet",
        "teaser": "Ab heute befahrbar.",
        "text": "Der Radweg nach Roxel ist fertig.",
        "date": "2026-05-04",
        "municipalities": [str(havixbeck.pk)],
        "fields_of_action": [],
        "projects": [],
    }

    response = town_client.post(add, data)

    assert response.status_code == 302, form_errors(response)
    article = NewsArticle.objects.get(slug="radweg-eroeffnet")
    assert not article.is_published
    submit(town_client, article)
    decide(editor_client, article, "_approve")
    article.refresh_from_db()
    assert article.is_published


def test_review_pages_refuse_what_is_not_there(editor_client):
    article = NewsArticleFactory()
    assert editor_client.get(review_url(article)).status_code == 404
    response = submit(editor_client, article)  # published, nothing pending
    assert response.status_code == 302
    assert not ReviewRequest.objects.exists()
    assert editor_client.get(admin_url(NewsArticle, "review", 999999)).status_code == 404
