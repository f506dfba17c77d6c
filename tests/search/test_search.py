"""The site search at /suche/, on whichever database the suite runs: SQLite locally (containment
search), PostgreSQL in CI (German full-text search). Tests that only one backend can pass say so.
"""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import Document
from search.models import SearchEntry
from stadtregion.seed.pdf import build_pdf
from tests.factories import (
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

URL = "/suche/"
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="German stemming needs PostgreSQL"
)


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def hit_titles(response) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in response.context["hits"]]


def hit_kinds(response) -> list[str]:
    return [hit.source.key for hit in response.context["hits"]]


def pdf(*lines: str) -> ContentFile:
    return ContentFile(build_pdf("Anlage", list(lines)), name="anlage.pdf")


def test_finds_every_type_by_its_title(client):
    MunicipalityFactory(name="Regenbogenstadt")
    ProjectFactory(title="Regenbogenprojekt")
    WorkingGroupFactory(name="Regenbogengruppe")
    BodyFactory(name="Regenbogenrat")
    MeetingFactory(title="Regenbogensitzung")
    DocumentFactory(title="Regenbogenbericht")
    PageFactory(title="Regenbogenseite")
    NewsArticleFactory(title="Regenbogenmeldung")
    ProjectFactory(title="Anderes Projekt")
    response = search(
        client,
        q="Regenbogenprojekt OR Regenbogenstadt OR Regenbogengruppe OR Regenbogenrat OR Regenbogensitzung OR Regenbogenbericht OR Regenbogenseite OR Regenbogenmeldung",
    )
    assert sorted(hit_kinds(response)) == sorted(
        [
            "kommune",
            "projekt",
            "arbeitsgruppe",
            "gremium",
            "sitzung",
            "dokument",
            "seite",
            "aktuelles",
        ]
    )
    assert response.context["paginator"].count == 8


def test_all_terms_must_occur_and_a_minus_excludes(client):
    ProjectFactory(title="Radweg nach Telgte")
    ProjectFactory(title="Radweg nach Greven")
    assert hit_titles(search(client, q="Radweg Telgte")) == ["Radweg nach Telgte"]
    assert hit_titles(search(client, q="Radweg -Telgte")) == ["Radweg nach Greven"]
    assert hit_titles(search(client, q='"nach Greven"')) == ["Radweg nach Greven"]


@postgres_only
def test_german_stemming_finds_other_word_forms(client):
    ProjectFactory(title="Neubau", description="Hier entsteht eine Wohnung für Familien.")
    response = search(client, q="Wohnungen")
    assert hit_titles(response) == ["Neubau"]
    assert "<mark>Wohnung</mark>" in response.context["hits"][0].snippet


def test_title_ranks_above_summary_above_body(client):
    ProjectFactory(title="Allgemeines", summary="Kurz", description="Es geht auch um Klimaschutz.")
    ProjectFactory(title="Klimaschutz im Quartier", summary="Kurz", description="Text")
    ProjectFactory(title="Sonstiges", summary="Beitrag zum Klimaschutz", description="Text")
    response = search(client, q="Klimaschutz")
    assert hit_titles(response) == ["Klimaschutz im Quartier", "Sonstiges", "Allgemeines"]


def test_sort_by_date_shows_the_newest_first(client):
    DocumentFactory(title="Klimabericht alt", date=datetime.date(2019, 3, 1))
    DocumentFactory(title="Klimabericht neu", date=datetime.date(2024, 3, 1))
    NewsArticleFactory(title="Klimabericht erschienen", date=datetime.date(2022, 3, 1))
    response = search(client, q="Klimabericht", sortierung="datum")
    assert hit_titles(response) == [
        "Klimabericht neu",
        "Klimabericht erschienen",
        "Klimabericht alt",
    ]
    assert "1. März 2024" in response.content.decode()


def test_type_filter_shows_one_type_and_keeps_the_counts_of_all(client):
    ProjectFactory(title="Velorouten")
    DocumentFactory(title="Velorouten Übersicht")
    DocumentFactory(title="Velorouten Karte")
    response = search(client, q="Velorouten", typ="dokument")
    assert hit_kinds(response) == ["dokument", "dokument"]
    assert response.context["paginator"].count == 2
    assert response.context["total"] == 3
    html = response.content.decode()
    assert "2 Treffer für „Velorouten“ in der Art „Dokument“." in html
    assert (
        '<a href="?q=Velorouten&amp;typ=projekt">Projekt <span class="facet-count">(1)</span></a>'
        in html
    )
    assert 'aria-current="page">Dokument <span class="facet-count">(2)</span>' in html


def test_an_empty_type_points_to_all_types(client):
    ProjectFactory(title="Velorouten")
    response = search(client, q="Velorouten", typ="sitzung")
    assert response.context["hits"] == []
    assert "Treffer aller Arten anzeigen" in response.content.decode()


def test_an_unknown_type_or_sort_is_reported_and_ignored(client):
    ProjectFactory(title="Velorouten")
    response = search(client, q="Velorouten", typ="geheim", sortierung="zufall")
    assert hit_titles(response) == ["Velorouten"]
    assert "Mindestens eine Angabe ist ungültig" in response.content.decode()


@pytest.mark.parametrize(
    "state",
    [
        {"is_published": False},
        {"publish_from": timezone.now() + datetime.timedelta(days=1)},
        {"visible_until": timezone.now() - datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled", "expired"],
)
def test_unpublished_content_is_never_found(client, state):
    for factory, field in [
        (ProjectFactory, "title"),
        (WorkingGroupFactory, "name"),
        (MeetingFactory, "title"),
        (DocumentFactory, "title"),
        (PageFactory, "title"),
        (NewsArticleFactory, "title"),
    ]:
        factory(**{field: "Geheimplan", **state})
    ProjectFactory(title="Geheimplan veröffentlicht")
    assert hit_titles(search(client, q="Geheimplan")) == ["Geheimplan veröffentlicht"]


def test_the_text_of_unpublished_relations_never_leaks(client):
    """A published document of a draft meeting and project: neither is part of its text."""
    meeting = MeetingFactory(title="Geheimsitzung", is_published=False)
    project = ProjectFactory(title="Geheimprojekt", is_published=False)
    DocumentFactory(title="Einladung", meeting=meeting, project=project)
    assert search(client, q="Geheimsitzung OR Geheimprojekt").context["hits"] == []
    response = search(client, q="Einladung")
    assert hit_titles(response) == ["Einladung"]
    assert "Geheim" not in response.content.decode().split('<ol class="search-results"')[1]


def test_the_text_of_a_pdf_is_found_and_shown(client):
    DocumentFactory(title="Anlage 3", file=pdf("Das Förderprogramm Altbausanierung läuft weiter."))
    response = search(client, q="Altbausanierung")
    assert hit_titles(response) == ["Anlage 3"]
    assert "<mark>Altbausanierung</mark>" in response.context["hits"][0].snippet


def test_snippets_and_titles_escape_content_and_mark_only_matches(client):
    ProjectFactory(
        title="<b>Wohnen</b> & Leben",
        summary="Kurz",
        description='Wohnen <img src=x onerror="alert(1)"> mit \ue000Sentinel\ue001 Text',
    )
    response = search(client, q="Wohnen")
    results = response.content.decode().split('<ol class="search-results"')[1]
    assert "<img" not in results and "<b>" not in results
    hit = response.context["hits"][0]
    assert "<mark>Wohnen</mark>" in hit.title
    assert "&lt;b&gt;" in hit.title and "&amp;" in hit.title
    assert "onerror" not in hit.snippet or "&lt;img" in hit.snippet
    assert re.sub(r"</?mark>", "", str(hit.snippet)).count("<") == 0
    assert "\ue000" not in results and "\ue001" not in results


@pytest.mark.parametrize(
    "query",
    [
        '"<script>alert(1)</script>"',
        '"Wohnen"',
        "a AND OR",
        "%",
        "_",
        "\\",
        "'",
        '"',
        "-",
        "!!! ??? :*",
        "x" * 1000,
        "Wohnen\x00",
        "und die der",
    ],
    ids=["script", "quoted", "operators", "percent", "underscore", "backslash", "apostrophe",
         "lone-quote", "lone-minus", "punctuation", "1000-chars", "nul", "stop-words"],
)  # fmt: skip
def test_odd_queries_answer_200_with_a_german_message(client, query):
    ProjectFactory(title="Wohnen 100% im_Quartier", description="Pfad C:\\Daten")
    response = search(client, q=query)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    answered = re.search(r'<p class="(?:result-count|notice)" role="status">([^<]+)', html)
    if answered:
        assert re.search(r"Treffer für „|Bitte geben Sie einen Suchbegriff ein", answered[1])
    else:
        assert "Nullzeichen sind nicht erlaubt" in html


def test_punctuation_is_dropped_alike_on_both_databases(client):
    ProjectFactory(title="Anteil 100% erreicht")
    ProjectFactory(title="Anteil 100 Prozent")
    assert sorted(hit_titles(search(client, q="100%"))) == [
        "Anteil 100 Prozent",
        "Anteil 100% erreicht",
    ]
    assert hit_titles(search(client, q="_")) == []


def test_a_long_query_is_cut_to_200_characters_and_says_so(client):
    response = search(client, q="Wohnen " * 150)
    assert len(response.context["query"]) <= 200
    html = response.content.decode()
    assert "länger als 200 Zeichen" in html
    assert 'maxlength="200"' in html


def test_an_empty_query_asks_for_a_term(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the menu pages of header and footer
        response = search(client, q="   ")
    html = response.content.decode()
    assert "Bitte geben Sie einen Suchbegriff ein." in html
    assert "<title>Suche – " in html


def test_no_results_give_hints(client):
    response = search(client, q="Quetzalcoatl")
    html = response.content.decode()
    assert "0 Treffer für „Quetzalcoatl“." in html
    assert "Keine Treffer" in html and "Prüfen Sie die Schreibweise" in html


def test_page_title_count_announcement_and_noindex(client):
    ProjectFactory(title="Mobilität <jetzt>")
    response = search(client, q="Mobilität <jetzt>")
    html = response.content.decode()
    assert "<title>Suche: Mobilität &lt;jetzt&gt; (1 Treffer) – " in html
    assert (
        '<p class="result-count" role="status">1 Treffer für „Mobilität &lt;jetzt&gt;“.</p>' in html
    )
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_results_are_paginated_and_keep_the_query(client):
    for i in range(12):
        DocumentFactory(title=f"Haushalt {i:02}", date=datetime.date(2020, 1, 1 + i))
    first = search(client, q="Haushalt", sortierung="datum")
    assert len(first.context["hits"]) == 10
    assert "Seite 1 von 2" in first.content.decode()
    assert "<title>Suche: Haushalt (12 Treffer) – " in first.content.decode()
    assert "?q=Haushalt&amp;sortierung=datum&amp;page=2" in first.content.decode()
    second = search(client, q="Haushalt", sortierung="datum", page="2")
    assert hit_titles(second) == ["Haushalt 01", "Haushalt 00"]
    assert '<ol class="search-results" start="11">' in second.content.decode()
    assert "<title>Suche: Haushalt (12 Treffer, Seite 2) – " in second.content.decode()
    # A page number that is no page shows the last or the first page, never an error.
    assert hit_titles(search(client, q="Haushalt", sortierung="datum", page="99")) == hit_titles(
        second
    )
    assert len(search(client, q="Haushalt", page="abc").context["hits"]) == 10


def _content(suffix: str):
    MunicipalityFactory(name=f"Kommune Velo {suffix}", description="Velo")
    ProjectFactory(title=f"Projekt Velo {suffix}")
    WorkingGroupFactory(name=f"Gruppe Velo {suffix}")
    BodyFactory(name=f"Gremium Velo {suffix}")
    MeetingFactory(title=f"Sitzung Velo {suffix}")
    DocumentFactory(title=f"Dokument Velo {suffix}")
    PageFactory(title=f"Seite Velo {suffix}")
    NewsArticleFactory(title=f"Meldung Velo {suffix}")


# The rate limit's count (two statements: expired counts go, this one is counted), the menu
# pages, the synonyms of the query's words, the counts per type, the ranked page of hits with
# their texts.
RATE_LIMIT_QUERIES = 2
QUERIES_WITH_HITS = RATE_LIMIT_QUERIES + 4


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Velo"},
        {"q": "Velo", "typ": "dokument"},
        {"q": "Velo", "sortierung": "datum"},
        {"q": "Velo OR Rad", "page": "2"},
        {"q": '"Velo" -Auto'},
    ],
)
def test_a_search_runs_a_fixed_number_of_queries(client, django_assert_num_queries, params):
    _content("a")
    with django_assert_num_queries(QUERIES_WITH_HITS):
        assert search(client, **params).context["hits"]
    for suffix in "bcdefgh":
        _content(suffix)
    with django_assert_num_queries(QUERIES_WITH_HITS):
        assert search(client, **params).context["hits"]


def test_a_search_without_hits_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    _content("a")
    # The rate limit, the menu pages, the synonyms, the counts per type, the zero-hit count,
    # the words for "Meinten Sie", the fields of action.
    with django_assert_num_queries(RATE_LIMIT_QUERIES + 6):
        search(client, q="Quetzalcoatl Xylophon")


def test_every_page_has_the_search_field_in_its_header(client, seeded_site):
    pages = {**seeded_site.pages, "404": client.get("/gibt-es-nicht/").content.decode()}
    html_pages = {path: html for path, html in pages.items() if "<!DOCTYPE html>" in html}
    assert len(html_pages) > 20
    for path, html in html_pages.items():
        header = html.split('<header class="site-header">')[1].split("</header>")[0]
        assert '<form class="site-search" method="get" action="/suche/" role="search"' in header, (
            path
        )
        assert '<label class="visually-hidden" for="site-search-q">Suchbegriff</label>' in header
        assert '<input type="search" id="site-search-q" name="q"' in header


def test_the_header_field_keeps_the_query_on_the_results_page(client):
    html = search(client, q='Rad "weg"').content.decode()
    assert 'name="q" value="Rad &quot;weg&quot;"' in html.split("</header>")[0]


def test_a_replaced_pdf_is_found_by_its_new_text_only(client):
    document = DocumentFactory(title="Anlage", file=pdf("Erste Fassung mit Radschnellweg"))
    document.file = pdf("Zweite Fassung mit Mobilstation")
    document.save()
    assert search(client, q="Radschnellweg").context["hits"] == []
    assert hit_titles(search(client, q="Mobilstation")) == ["Anlage"]


def test_documents_read_by_the_command_are_found(client):
    """Documents imported in bulk (no signals) are found once the command read them: each of
    its saves indexes the document, title and text."""
    stored = DocumentFactory(title="Vorlage", file=pdf("Kreisverkehr")).file.name
    Document.objects.bulk_create(
        [Document(is_published=True, title="Import", slug="import", kind="bericht",
                  date=datetime.date(2023, 1, 1), file=stored)]
    )  # fmt: skip
    assert hit_titles(search(client, q="Kreisverkehr")) == ["Vorlage"]
    call_command("extract_document_text", stdout=io.StringIO())
    assert hit_titles(search(client, q="Import")) == ["Import"]
    assert sorted(hit_titles(search(client, q="Kreisverkehr"))) == ["Import", "Vorlage"]


def test_a_search_reads_the_index_not_the_content_tables(client):
    document = DocumentFactory(title="Anlage", file=pdf("Quartiersgarage"))
    assert SearchEntry.objects.filter(object_id=document.pk, kind="dokument").exists()
    with CaptureQueriesContext(connection) as queries:
        assert hit_titles(search(client, q="Quartiersgarage")) == ["Anlage"]
    sql = [q["sql"] for q in queries.captured_queries]
    counts, ranked = (next(s for s in sql if marker in s) for marker in ("COUNT(", "LIMIT"))
    for statement in (counts, ranked):
        assert "search_searchentry" in statement and "governance_document" not in statement
    if connection.vendor == "postgresql":
        assert "to_tsvector" not in counts and "@@" in counts  # the stored vector
