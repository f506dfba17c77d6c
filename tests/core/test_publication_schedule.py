"""Drafts by default, "veröffentlichen ab" and "sichtbar bis": content appears and disappears on
time with no job flipping a flag, because every query reads the schedule against the clock."""

import datetime

import pytest
from django.utils import timezone

from pages.models import NewsArticle, Page
from projects.models import Project
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import NewsArticleFactory, PageFactory, ProjectFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def test_new_content_starts_as_a_draft(client):
    article = NewsArticle.objects.create(
        title="Neu", slug="neu", teaser="Kurz", text="Text", date=datetime.date(2026, 1, 1)
    )
    assert client.get(article.get_absolute_url()).status_code == 404


def test_admin_add_form_starts_unpublished(editor_client):
    for model in (NewsArticle, Page, Project):
        form = editor_client.get(admin_url(model, "add")).context["adminform"].form
        assert form["is_published"].value() is False, model


def test_scheduled_article_appears_and_withdraws_on_time(client, monkeypatch):
    start = timezone.now()
    article = NewsArticleFactory(publish_from=start + HOUR, visible_until=start + 3 * HOUR)

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        detail = client.get(article.get_absolute_url()).status_code
        listed = article.title in client.get("/aktuelles/").content.decode()
        return detail, listed

    assert at(start) == (404, False)
    assert at(start + 2 * HOUR) == (200, True)
    assert at(start + 3 * HOUR) == (404, False)


def test_legal_page_stays_public_whatever_its_schedule(client):
    PageFactory(slug="impressum", title="Impressum", visible_until=timezone.now() - HOUR)
    assert client.get("/impressum/").status_code == 200


def test_end_before_start_is_a_german_form_error(editor_client):
    project = ProjectFactory()
    url = admin_url(Project, "change", project.pk)
    data = form_data(editor_client.get(url))
    data |= {
        "publish_from_0": "02.03.2027", "publish_from_1": "10:00",
        "visible_until_0": "01.03.2027", "visible_until_1": "10:00",
    }  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "„Sichtbar bis“ muss nach „veröffentlichen ab“ liegen." in form_errors(response)


def test_schedule_entered_in_the_admin_is_german_time(editor_client):
    project = ProjectFactory()
    url = admin_url(Project, "change", project.pk)
    data = form_data(editor_client.get(url)) | {
        "publish_from_0": "01.07.2027",
        "publish_from_1": "8:00",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    project.refresh_from_db()
    assert project.publish_from == datetime.datetime(2027, 7, 1, 6, 0, tzinfo=datetime.UTC)


def test_changelist_shows_and_filters_the_status(editor_client):
    now = timezone.now()
    ProjectFactory(title="Entwurfsprojekt", is_published=False)
    ProjectFactory(
        title="Geplantes Projekt",
        publish_from=datetime.datetime(2099, 5, 1, 10, 0, tzinfo=datetime.UTC),
    )
    ProjectFactory(title="Abgelaufenes Projekt", visible_until=now - HOUR)
    ProjectFactory(title="Laufendes Projekt")
    url = admin_url(Project, "changelist")

    html = editor_client.get(url).content.decode()
    assert "geplant ab 01.05.2099 12:00" in html

    def listed(status):
        response = editor_client.get(url, {"veroeffentlichung": status})
        return sorted(str(p) for p in response.context["cl"].result_list)

    assert listed("draft") == ["Entwurfsprojekt"]
    assert listed("scheduled") == ["Geplantes Projekt"]
    assert listed("expired") == ["Abgelaufenes Projekt"]
    assert listed("live") == ["Laufendes Projekt"]
