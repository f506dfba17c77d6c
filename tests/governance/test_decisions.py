"""What a meeting decided: result, votes and decision text per agenda item, on the meeting page
and in the meeting's admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import AgendaItem, Document, Meeting
from tests.admin_helpers import add_inline_row, admin_url, form_data, form_errors
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

VOTES_TOGETHER = "Bitte Ja-Stimmen, Nein-Stimmen und Enthaltungen gemeinsam angeben (auch 0)."


def decided_item(meeting, number, **kwargs):
    values = {
        "result": AgendaItem.Result.ADOPTED,
        "resolution_text": "Der Beirat empfiehlt gemeinsame Leitlinien.\n\nZweiter Absatz.",
        "votes_yes": 12,
        "votes_no": 0,
        "votes_abstain": 1,
    }
    return AgendaItemFactory(meeting=meeting, number=number, **{**values, **kwargs})


def test_meeting_page_shows_result_votes_decision_text_and_vorlage(client):
    meeting = MeetingFactory()
    paper = DocumentFactory(
        title="Beschlussvorlage Leitlinien", kind=Document.Kind.DRAFT_RESOLUTION
    )
    decided_item(meeting, "1", paper=paper)

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert "<dt>Ergebnis</dt><dd>beschlossen</dd>" in html
    assert "<dt>Abstimmung</dt><dd>12 Ja-Stimmen, 0 Nein-Stimmen, 1 Enthaltung</dd>" in html
    assert (
        "<dt>Beschlusstext</dt><dd><p>Der Beirat empfiehlt gemeinsame Leitlinien.</p>"
        "\n\n<p>Zweiter Absatz.</p></dd>"
    ) in html
    assert (
        f'<dt>Vorlage</dt><dd><a href="{paper.get_absolute_url()}">'
        "Beschlussvorlage Leitlinien</a></dd>"
    ) in html


def test_votes_read_as_words_in_the_singular_and_plural(client):
    meeting = MeetingFactory()
    decided_item(meeting, "1", votes_yes=1, votes_no=1, votes_abstain=2)

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert "1 Ja-Stimme, 1 Nein-Stimme, 2 Enthaltungen" in html


def test_open_item_and_unpublished_vorlage_show_no_decision(client):
    meeting = MeetingFactory()
    draft = DocumentFactory(
        title="Vorlage im Entwurf", kind=Document.Kind.PROPOSAL, is_published=False
    )
    AgendaItemFactory(meeting=meeting, number="1", title="Noch offen", paper=draft)
    decided_item(meeting, "9", result=AgendaItem.Result.POSTPONED, votes_yes=None,
                 votes_no=None, votes_abstain=None, resolution_text="")  # fmt: skip

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert "Vorlage im Entwurf" not in html
    assert html.count('<dl class="facts decision">') == 1
    assert "<dt>Ergebnis</dt><dd>vertagt</dd>" in html
    assert "Abstimmung" not in html


@pytest.mark.parametrize("items", [1, 6])
def test_meeting_page_query_count_does_not_grow_with_decisions(
    client, django_assert_num_queries, items
):
    meeting = MeetingFactory()
    for number in range(items):
        paper = DocumentFactory(kind=Document.Kind.PROPOSAL)
        decided_item(meeting, str(number + 1), paper=paper)

    # meeting with body, agenda items with their Vorlage, documents, the pages' menu
    with django_assert_num_queries(4):
        assert client.get(meeting.get_absolute_url()).status_code == 200


# ---------- Admin ----------


def change_page(client, meeting):
    url = admin_url(Meeting, "change", meeting.pk)
    return url, form_data(client.get(url))


def test_editor_saves_result_votes_and_text_in_the_meeting_inline(editor_client):
    meeting = MeetingFactory()
    paper = DocumentFactory(kind=Document.Kind.DRAFT_RESOLUTION)
    url, data = change_page(editor_client, meeting)
    add_inline_row(
        data, "agenda_items", number="1", title="Leitlinien", order="0", is_public="on",
        paper=str(paper.pk), result="beschlossen", resolution_text="Beschlossen wie vorgelegt.",
        votes_yes="30", votes_no="0", votes_abstain="4",
    )  # fmt: skip

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    item = meeting.agenda_items.get()
    assert (item.result, item.resolution_text) == ("beschlossen", "Beschlossen wie vorgelegt.")
    assert (item.votes_yes, item.votes_no, item.votes_abstain) == (30, 0, 4)
    assert item.paper == paper


def test_only_some_vote_counts_is_a_german_error(editor_client):
    item = AgendaItemFactory()
    url, data = change_page(editor_client, item.meeting)
    data.update({"agenda_items-0-result": "abgelehnt", "agenda_items-0-votes_yes": "5"})

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert VOTES_TOGETHER in form_errors(response)
    item.refresh_from_db()
    assert (item.result, item.votes_yes) == ("", None)


def test_votes_without_result_is_a_german_error(editor_client):
    item = AgendaItemFactory()
    url, data = change_page(editor_client, item.meeting)
    data.update(
        {f"agenda_items-0-{name}": "1" for name in ("votes_yes", "votes_no", "votes_abstain")}
    )

    response = editor_client.post(url, data)

    assert "Bitte zum Abstimmungsergebnis das Ergebnis angeben." in form_errors(response)


def test_inline_offers_only_vorlagen_and_the_decision_fieldset(editor_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    proposal = DocumentFactory(title="Eine Vorlage", kind=Document.Kind.PROPOSAL)
    DocumentFactory(title="Ein Bericht", kind=Document.Kind.REPORT)

    response = editor_client.get(admin_url(Meeting, "change", meeting.pk))
    html = response.content.decode()

    formset = response.context["inline_admin_formsets"][0].formset
    assert [str(label) for _value, label in formset.forms[0].fields["paper"].choices] == [
        "---------",
        "Eine Vorlage",
    ]
    assert str(proposal) in html and "Ein Bericht" not in html
    assert 'class="fieldset-heading">Beschluss</h4>' in html
    assert 'data-inline-type="stacked"' in html


def test_change_page_reads_the_vorlagen_once_however_many_items(editor_client):
    meeting = MeetingFactory()
    DocumentFactory(kind=Document.Kind.PROPOSAL)
    url = admin_url(Meeting, "change", meeting.pk)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    AgendaItemFactory(meeting=meeting)
    count()  # the first visit opens the editor's edit session (editorial.edit_sessions)
    few = count()
    AgendaItemFactory.create_batch(5, meeting=meeting)
    assert count() == few


def test_agenda_item_admin_filters_by_result(editor_client):
    decided = decided_item(MeetingFactory(), "1")
    AgendaItemFactory()

    response = editor_client.get(admin_url(AgendaItem, "changelist"), {"result": "beschlossen"})

    assert [obj.pk for obj in response.context["cl"].result_list] == [decided.pk]


# ---------- Seed ----------


def test_seed_gives_results_only_to_past_demo_meetings(seeded_site, db):
    decided = {
        path: html
        for path, html in seeded_site.pages.items()
        if path.startswith("/termine/") and '<dl class="facts decision">' in html
    }

    assert set(decided) == {
        "/termine/ansprechpartnerrunde-letzte-sitzung-demo/",
        "/termine/beirat-letzte-sitzung-demo/",
    }
    beirat = decided["/termine/beirat-letzte-sitzung-demo/"]
    assert "<dd>mit Änderungen beschlossen</dd>" in beirat
    assert "29 Ja-Stimmen, 3 Nein-Stimmen, 2 Enthaltungen" in beirat
    assert "Beispielinhalt" in beirat  # invented, and the page says so
