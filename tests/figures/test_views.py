import re

import pytest
from django.urls import reverse

from figures.models import Aggregation
from tests.factories import DocumentFactory, MunicipalityFactory

from .conftest import fill, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def population(indicator, towns):
    fill(indicator, towns, range(2014, 2024))
    return indicator


def test_indicator_page_has_charts_with_accessible_names_summaries_and_tables(client, population):
    html = client.get(population.get_absolute_url()).content.decode()
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "script" not in svg and "style=" not in svg
        first, second = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        assert f'<title id="{first}">' in html and f'<desc id="{second}">' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Die Einwohnerzahl der Region stieg von 10.056 Personen im Jahr 2014" in html
    assert "Im Jahr 2023 hatte Greven den höchsten Wert (4.023 Personen)" in html
    # The data beside each chart: row and column headers.
    assert '<th scope="row">2014</th>' in html
    assert '<th scope="col" class="numeric">2023</th>' in html
    assert "Region insgesamt" in html
    assert 'viewBox="0 0 400 ' in html


def test_demo_values_are_marked_on_every_page(client, towns):
    indicator = make_indicator(is_demo=True)
    fill(indicator, towns, [2023])
    for url in [
        reverse("figures:index"),
        indicator.get_absolute_url(),
        towns[0].get_absolute_url(),
    ]:
        assert "Beispielwerte" in client.get(url).content.decode(), url


def test_without_region_value_the_page_states_why(client, towns):
    indicator = make_indicator(aggregation=Aggregation.NONE, aggregation_note="Doppelt gezählt.")
    fill(indicator, towns, [2022, 2023])
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert "Für diese Zahl gibt es keinen Wert der Region. Doppelt gezählt." in html
    assert html.count("<svg ") == 1  # only the towns compared


def test_overview_lists_indicators_with_the_region_value_and_reports(client, population):
    report = DocumentFactory(title="Wohnungsmarktbericht")
    population.reports.add(report)
    html = client.get(reverse("figures:index")).content.decode()
    assert population.get_absolute_url() in html
    assert "10.092 Personen" in html  # 2023: 1023 + 2023 + 3023 + 4023
    assert "Wohnungsmarktbericht" in html and "Zahlen dazu:" in html


def test_navigation_and_home_page_link_to_the_figures(client, population):
    index = reverse("figures:index")
    home = client.get("/").content.decode()
    assert home.count(f'href="{index}"') >= 2  # main navigation and the home page's section
    page = client.get(population.get_absolute_url()).content.decode()
    assert f'href="{index}" aria-current="true"' in page


def test_town_page_shows_its_latest_figures_with_a_link(client, population, towns):
    html = client.get(towns[2].get_absolute_url()).content.decode()
    assert "Havixbeck in Zahlen" in html
    assert population.get_absolute_url() in html and "3.023 Personen" in html


def test_unknown_indicator_is_404(client, db):
    assert client.get("/zahlen/gibt-es-nicht/").status_code == 404


def test_queries_do_not_grow_with_towns_and_years(client, django_assert_num_queries, towns):
    indicator = make_indicator()
    fill(indicator, towns, range(1994, 2024))
    MunicipalityFactory.create_batch(3)
    # Each plus the main menu's editable pages (the layout's one query).
    with django_assert_num_queries(5):  # indicator, towns, values, reports
        client.get(indicator.get_absolute_url())
    with django_assert_num_queries(5):  # town count, indicators, region sums, reports
        client.get(reverse("figures:index"))


def test_sitemap_lists_the_overview_and_each_indicator(client, indicator):
    assert "/zahlen/" in client.get("/sitemap-static.xml").content.decode()
    assert indicator.get_absolute_url() in client.get("/sitemap-zahlen.xml").content.decode()
