"""The search index follows the content (save, delete, publication, schedule), the zero-hit
page and its counts, the editors' lists; on both databases (SQLite: the folded fallback)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.models import SearchEntry, SearchWord, Synonym, ZeroHitQuery
from search.results import Search
from search.suggest import suggestion
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MunicipalityFactory,
    PageFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in Search(query)[0:10]]


def test_a_changed_title_is_found_under_the_new_one_only():
    project = ProjectFactory(title="Quartiersgarage")
    project.title = "Mobilstation"
    project.save()
    assert titles("Quartiersgarage") == []
    assert titles("Mobilstation") == ["Mobilstation"]


def test_a_deleted_object_leaves_the_index():
    project = ProjectFactory(title="Quartiersgarage")
    pk = project.pk
    project.delete()
    assert titles("Quartiersgarage") == []
    assert not SearchEntry.objects.filter(kind="projekt", object_id=pk).exists()


def test_withdrawal_and_publication_take_effect_at_once():
    project = ProjectFactory(title="Quartiersgarage")
    project.is_published = False
    project.save()
    assert titles("Quartiersgarage") == []
    project.is_published = True
    project.save()
    assert titles("Quartiersgarage") == ["Quartiersgarage"]


def test_a_scheduled_item_appears_and_disappears_on_time_without_reindexing(monkeypatch):
    now = timezone.now()
    ProjectFactory(
        title="Quartiersgarage",
        publish_from=now + datetime.timedelta(days=1),
        visible_until=now + datetime.timedelta(days=3),
    )
    assert titles("Quartiersgarage") == []
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=2))
    assert titles("Quartiersgarage") == ["Quartiersgarage"]
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=4))
    assert titles("Quartiersgarage") == []


def test_agenda_items_are_found_through_their_meeting_when_public():
    meeting = MeetingFactory(title="Sitzung")
    item = AgendaItemFactory(meeting=meeting, title="Kostenschlüssel", is_public=True)
    AgendaItemFactory(meeting=meeting, title="Personalangelegenheiten", is_public=False)
    assert titles("Kostenschlüssel") == ["Sitzung"]
    assert titles("Personalangelegenheiten") == []
    item.delete()
    assert titles("Kostenschlüssel") == []


def test_a_drafts_words_are_never_suggested():
    ProjectFactory(title="Geheimplanung", is_published=False)
    assert not SearchWord.objects.filter(word="geheimplanung").exists()
    assert suggestion("Geheimplanun") == ""


def test_legal_pages_are_always_found():
    PageFactory(slug="impressum", title="Impressum", is_published=False)
    assert titles("Impressum") == ["Impressum"]


def test_the_reindex_command_rebuilds_everything():
    ProjectFactory(title="Quartiersgarage")
    MunicipalityFactory(name="Havixbeck")
    SearchEntry.objects.all().delete()
    assert titles("Havixbeck") == []
    call_command("search_reindex", verbosity=0)
    assert titles("Havixbeck") == ["Havixbeck"]
    assert SearchWord.objects.filter(word="quartiersgarage").exists()


@pytest.mark.parametrize("query", ["Muenster", "Münster", "Munster", "MUENSTER"])
def test_umlaut_spellings_on_both_databases(query):
    MunicipalityFactory(name="Münster")
    assert titles(query) == ["Münster"]


@pytest.mark.parametrize("query", ["Altbau", "Sanierung", "Altbausanierungen"])
def test_parts_of_words_on_both_databases(query):
    ProjectFactory(title="Altbausanierung")
    assert titles(query) == ["Altbausanierung"]


def test_synonyms_on_both_databases():
    ProjectFactory(title="Velorouten")
    Synonym.objects.create(term="Radweg", equivalents="Veloroute, Radverkehr")
    assert titles("Radwege") == ["Velorouten"]
    assert titles("Radweg -Velorouten") == []


def test_an_exact_title_comes_first_on_both_databases():
    ProjectFactory(title="Radverkehr in Telgte", description="Telgte")
    MunicipalityFactory(name="Telgte")
    assert titles("Telgte")[0] == "Telgte"


def test_the_zero_hit_page_suggests_lists_fields_and_counts(client):
    from tests.factories import FieldOfActionFactory

    MunicipalityFactory(name="Havixbeck")
    FieldOfActionFactory(name="Mobilität")
    html = client.get("/suche/", {"q": "Havixbek"}).content.decode()
    assert 'Meinten Sie <a href="/suche/?q=Havixbeck">Havixbeck</a>?' in html
    assert ">Mobilität</a>" in html and 'href="/kontakt/"' in html
    client.get("/suche/", {"q": "  HAVIXBEK "})
    client.get("/suche/", {"q": "Havixbeck"})  # has hits: not counted
    (row,) = ZeroHitQuery.objects.all()
    assert (row.query, row.count, row.last_day) == ("havixbek", 2, timezone.localdate())


def test_editors_keep_synonyms_and_read_zero_hit_queries(editor_client):
    ZeroHitQuery.objects.create(query="drahtesel", count=3, last_day=timezone.localdate())
    response = editor_client.get("/admin/search/zerohitquery/")
    assert response.status_code == 200 and "drahtesel" in response.content.decode()
    assert editor_client.get("/admin/search/zerohitquery/add/").status_code == 403
    response = editor_client.post(
        "/admin/search/synonym/add/", {"term": "Drahtesel", "equivalents": "Veloroute"}
    )
    assert response.status_code == 302
    assert Synonym.objects.get().term_key == "drahtesel"
    assert editor_client.get("/admin/search/searchentry/").status_code == 404


def test_snippets_are_plain_text_from_where_the_match_is():
    ProjectFactory(
        title="Velorouten",
        summary="Vierzehn Routen ins Umland.",
        description="## Karte\n\nAlle Routen auf [veloregion.de](https://www.veloregion.de), **neu** beschildert.",
    )
    (hit,) = Search("beschildert")[0:10]
    assert str(hit.snippet) == "Karte Alle Routen auf veloregion.de, neu <mark>beschildert</mark>."
    (hit,) = Search("Umland")[0:10]
    assert str(hit.snippet) == "Vierzehn Routen ins <mark>Umland</mark>."
    (hit,) = Search("Velorouten")[0:10]  # the title only: the summary, once
    assert str(hit.snippet) == "Vierzehn Routen ins Umland."


def test_deleting_a_meeting_with_its_agenda_removes_its_entry():
    meeting = MeetingFactory(title="Sitzung")
    AgendaItemFactory(meeting=meeting, title="Kostenschlüssel")
    meeting.delete()
    assert not SearchEntry.objects.filter(kind="sitzung").exists()


def test_a_chronik_hit_shows_only_the_year(client):
    from governance.models import TimelineEvent

    TimelineEvent.objects.create(date=datetime.date(2007, 1, 1), precision="jahr", title="Beitritt")
    html = client.get("/suche/", {"q": "Beitritt"}).content.decode()
    assert 'Chronik-Eintrag aus dem Jahr <time datetime="2007">2007</time>' in html
