""" "Als neu speichern" copies a meeting with its agenda and a news article, as a draft under a
free address (editorial.save_as_new)."""

import pytest

from governance.models import Meeting
from pages.models import NewsArticle
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalityFactory,
    NewsArticleFactory,
)

pytestmark = pytest.mark.django_db


def _save_as_new(client, obj, **changes):
    url = admin_url(type(obj), "change", obj.pk)
    response = client.get(url)
    assert 'name="_saveasnew"' in response.content.decode()
    assert "Als neu speichern" in response.content.decode()
    data = form_data(response)
    data.update(changes, _saveasnew="Als neu speichern")
    return client.post(url, data)


def test_a_meeting_is_copied_with_its_agenda_as_a_draft(editor_client):
    meeting = MeetingFactory(title="Beirat", slug="beirat", is_published=True)
    AgendaItemFactory(meeting=meeting, number="1", title="Eröffnung")
    AgendaItemFactory(
        meeting=meeting,
        number="2",
        title="Haushalt",
        result="beschlossen",
        votes_yes=12,
        votes_no=0,
        votes_abstain=1,
    )
    DocumentFactory(meeting=meeting, title="Niederschrift")

    response = _save_as_new(editor_client, meeting, title="Beirat im Mai")

    assert response.status_code == 302, form_errors(response)
    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert copy.title == "Beirat im Mai"
    assert copy.slug == "beirat-2"
    assert not copy.is_published
    assert response.url == admin_url(Meeting, "change", copy.pk)
    items = list(copy.agenda_items.order_by("number").values_list("number", "title", "result"))
    assert items == [("1", "Eröffnung", ""), ("2", "Haushalt", "")]
    assert copy.agenda_items.get(number="2").votes_yes is None
    assert not copy.documents.exists()
    # The original keeps all it had.
    assert meeting.agenda_items.count() == 2 and meeting.documents.count() == 1
    assert Meeting.objects.get(pk=meeting.pk).is_published


def test_a_live_news_article_is_copied_as_a_draft(editor_client):
    town = MunicipalityFactory()
    article = NewsArticleFactory(title="Radtag", slug="radtag", is_published=True)
    article.municipalities.set([town])
    NewsArticleFactory(slug="radtag-2")

    response = _save_as_new(editor_client, article)

    assert response.status_code == 302, form_errors(response)
    copy = NewsArticle.objects.exclude(slug__in=["radtag", "radtag-2"]).get()
    assert copy.slug == "radtag-3"
    assert not copy.is_published
    assert list(copy.municipalities.all()) == [town]
    assert article.pending_version is None  # the original stays as it was
    assert copy.history.count() == 1
