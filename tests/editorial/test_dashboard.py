"""The dashboard on the admin's start page (editorial.dashboard)."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from editorial.review import ReviewRequest
from tests.admin_helpers import admin_url, post_change, two_factor_login
from tests.factories import MeetingFactory, NewsArticleFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("kollegin", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    client = Client()
    two_factor_login(client, user)
    return user, client


def lists(response) -> dict[str, list[str]]:
    """The link texts of each dashboard list, by its id."""
    html = response.content.decode()
    sections = re.findall(r'list" id="dashboard-(\w+)">(.*?)</div>', html, re.S)
    return {name: re.findall(r"<li><a [^>]*>([^<]*)</a>", body) for name, body in sections}


def make_content(editor_client, colleague, n: int, start: int = 0) -> None:
    _user, colleague_client = colleague
    later = timezone.now() + datetime.timedelta(days=3)
    for i in range(start, start + n):
        draft = PageFactory(title=f"Entwurf {i}", slug=f"entwurf-{i}", is_published=False)
        post_change(editor_client, draft, intro="Von mir.")
        NewsArticleFactory(title=f"Geplant {i}", publish_from=later)
        MeetingFactory(publish_from=later)
        live = NewsArticleFactory(title=f"Meldung {i}")
        post_change(colleague_client, live, title=f"Meldung {i} geändert")  # a pending change
        ReviewRequest.objects.create(content_object=live, requested_by=colleague[0])
        theirs = PageFactory(title=f"Seite {i}", slug=f"seite-{i}", is_published=False)
        post_change(colleague_client, theirs, intro="Von der Kollegin.")


def test_the_dashboard_lists_my_work_and_my_colleagues(editor_client, colleague):
    make_content(editor_client, colleague, 1)

    response = editor_client.get(admin_url_index())

    found = lists(response)
    assert found["drafts"] == ["Entwurf 0"]
    assert "Geplant 0" in found["scheduled"]
    assert found["pending"] == ["Meldung 0"]  # the colleague's change waits as a draft
    assert found["awaiting"] == ["Meldung 0"]
    assert found["colleagues"] == ["Seite 0"]  # not my own change


def test_empty_lists_say_so(editor_client):
    html = editor_client.get(admin_url_index()).content.decode()
    assert "Nichts wartet auf Ihre Freigabe." in html
    assert "Keine Entwürfe von Ihnen." in html


def test_the_dashboard_costs_the_same_for_more_content(
    editor_client, colleague, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_content(editor_client, colleague, 1)
    with CaptureQueriesContext(connection) as few:
        response = editor_client.get(admin_url_index())
    assert response.status_code == 200
    count = len(few)  # read now: the next request clears the connection's log
    make_content(editor_client, colleague, 6, start=1)
    with django_assert_max_num_queries(count):
        response = editor_client.get(admin_url_index())
    assert len(lists(response)["drafts"]) == 7
    assert count <= 40


def admin_url_index() -> str:
    from django.urls import reverse

    return reverse("admin:index")


def test_the_dashboard_is_no_inline_style_or_script(editor_client):
    html = editor_client.get(admin_url_index()).content.decode()
    section = html[html.index("editorial-dashboard") : html.index("</section>")]
    assert "style=" not in section
    assert "<script" not in section


def test_pending_change_links_to_its_form(editor_client):
    article = NewsArticleFactory(title="Alt")
    post_change(editor_client, article, title="Neu")
    html = editor_client.get(admin_url_index()).content.decode()
    assert admin_url(type(article), "change", article.pk) in html
