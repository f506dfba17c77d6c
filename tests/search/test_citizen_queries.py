"""Queries as citizens type them, against the demo content (seed_demo), on PostgreSQL: German
stemming, umlaut spellings, parts of compounds, synonyms, typos, ranking, every kind of content
and plain snippets. The demo content is seeded once for the module and rolled back after it.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from search.results import Search
from search.suggest import suggestion

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="German stemming needs PostgreSQL"
    ),
]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--quiet")
        yield
        transaction.set_rollback(True)


def titles(query: str, n: int = 5) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in Search(query)[0:n]]


def hits(query: str, n: int = 10):
    return Search(query)[0:n]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Radwege", "Leitprojekt „Velorouten“"),
        ("Wohnungen", "Entwicklungsorientierte Wohnungsmarktbeobachtung (eWoMaB)"),
        ("Veloroute", "Arbeitsgruppe Velorouten"),
        ("Ratsmitgliedern", "3. Rätetreffen: „Kaleidoskop Stadtregion Münster“"),
    ],
)
def test_other_word_forms_are_found(query, found):
    assert found in titles(query, 10)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Muenster", "Münster"),
        ("Münster", "Münster"),
        ("Munster", "Münster"),
        ("MÜNSTER", "Münster"),
        ("Buergermeisterrunde", "Bürgermeisterrunde"),
        ("Raetetreffen", "Rätetreffen"),
        ("Rastplaetze", "Rastplätze an den Velorouten"),
        ("Mobilitaet", "Mobilität"),
    ],
)
def test_umlaut_spellings_find_the_same(query, first):
    assert titles(query)[0] == first


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Energieberatung", "Energieberatungstage Altbau 2023"),
        ("Altbau", "Altbausanierung"),
        ("Sanierung", "Altbausanierung"),  # the end of a compound
        ("Wohnungsmarkt", "Arbeitskreis Wohnungsmarktbeobachtung"),
    ],
)
def test_parts_of_compounds_are_found(query, found):
    assert found in titles(query)


@pytest.mark.parametrize("query", ["Radweg", "Fahrrad", "Radverkehr", "Radwege"])
def test_synonyms_lead_to_the_cycle_routes(query):
    found = titles(query, 3)
    assert "Leitprojekt „Velorouten“" in found, found


def test_a_new_synonym_works_at_once_without_reindexing():
    from search.models import Synonym

    assert titles("Drahtesel") == []
    Synonym.objects.create(term="Drahtesel", equivalents="Veloroute")
    assert "Leitprojekt „Velorouten“" in titles("Drahtesel")
    assert "Leitprojekt „Velorouten“" in titles("Drahtesel -Beispiel")


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("Klimschutz", "Klimaschutz"),
        ("Veloruten", "Velorouten"),
        ("Havixbek", "Havixbeck"),
        ("Havixbek Veloruten", "Havixbeck Velorouten"),
    ],
)
def test_typos_get_a_suggestion_that_finds_something(typo, meant):
    assert Search(typo).count() == 0
    assert suggestion(typo) == meant
    assert Search(meant).count() > 0


def test_a_known_word_gets_no_suggestion():
    assert suggestion("Velorouten") == ""


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Mobilität", "Mobilität"),
        ("Klimaschutz", "Klimaschutz"),
        ("Schulentwicklung", "Schulentwicklung"),
        ("Siedlungsentwicklung", "Siedlungsentwicklung/Wohnen"),
        ("Havixbeck", "Havixbeck"),
        ("Telgte", "Telgte"),
        ("Beirat Stadtregion", "Beirat Stadtregion"),
        ("Altbausanierung", "Altbausanierung"),
    ],
)
def test_the_page_named_by_the_query_comes_first(query, first):
    assert titles(query)[0] == first


def test_title_words_rank_above_body_text():
    kinds = [(hit.source.key, re.sub(r"<[^>]+>", "", hit.title)) for hit in hits("Velorouten")]
    in_title = [i for i, (_k, title) in enumerate(kinds) if "Velorouten" in title]
    not_in_title = [i for i, (_k, title) in enumerate(kinds) if "Velorouten" not in title]
    assert in_title and not_in_title and max(in_title) < min(not_in_title)


@pytest.mark.parametrize(
    ("query", "kind", "title"),
    [
        ("Ostbevern tritt bei", "chronik", "Ostbevern tritt bei"),
        ("Siedlungsentwicklung", "handlungsfeld", "Siedlungsentwicklung/Wohnen"),
        ("Bericht aus der Bürgermeisterrunde", "sitzung", None),  # an agenda item
        ("Sachstand der Velorouten beraten", "sitzung", None),  # a decision's text
        ("erklären Stadt-Region", "seite", "Leichte Sprache"),
        ("Telgte", "kommune", "Telgte"),
        ("Arbeitskreis Altbausanierung", "arbeitsgruppe", "Arbeitskreis Altbausanierung"),
        ("Beirat Stadtregion", "gremium", "Beirat Stadtregion"),
        ("veloregion.de online", "aktuelles", None),
    ],
)
def test_every_kind_of_content_is_found(query, kind, title):
    found = [(hit.source.key, re.sub(r"<[^>]+>", "", hit.title)) for hit in hits(query, 20)]
    assert any(k == kind and (title is None or t == title) for k, t in found), found


def test_non_public_agenda_items_are_never_found():
    assert Search("Personalangelegenheiten").count() == 0


def test_snippets_are_plain_text_and_do_not_repeat_the_summary():
    for hit in hits("veloregion", 20):
        text = str(hit.snippet)
        assert "](" not in text and "https://" not in text and "**" not in text, text
        plain = re.sub(r"</?mark>", "", text)
        assert plain.count("Velorouten verbinden") <= 1


def test_a_chronik_hit_links_to_its_entry(client):
    hit = next(h for h in hits("Ostbevern tritt bei") if h.source.key == "chronik")
    assert re.fullmatch(r"/chronik/#eintrag-\d+", hit.url)
    assert f'id="{hit.url.split("#")[1]}"' in client.get("/chronik/").content.decode()
