"""The seeded texts agree with the cooperation's own statements and with the site itself."""

import re

import pytest

from stadtregion.seed.pages.access import EASY_MENU
from tests.stadtregion.test_navigation import Menus

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_leichte_sprache_explains_exactly_the_entries_of_the_menu(seeded_site):
    menu = [label for label, _ in Menus(seeded_site.pages["/"]).links["main-nav"]]
    page = seeded_site.pages["/leichte-sprache/"]
    listed = page.split("Im Menü finden Sie diese Punkte:")[1].split("</ul>")[0]
    explained = re.findall(r"<strong>([^<]+):</strong>", listed)
    assert explained == [EASY_MENU[label][0] for label in menu]
    assert len(explained) == len(menu) >= 9


def test_the_kontrakt_was_decided_not_merely_deliberated(seeded_site):
    # Every sentence that says the councils "beraten" the Kontrakt also says they decided it.
    wrong = {
        sentence
        for html in seeded_site.pages.values()
        for sentence in re.split(r"(?<=[.!?])\s", text_of(html))
        if "Kontrakt" in sentence and "beraten" in sentence and "beschl" not in sentence
    }
    assert wrong == set()


def test_beirat_seats_are_counted_the_same_everywhere(seeded_site):
    beirat = text_of(seeded_site.pages["/gremien/beirat/"])
    assert "Mit dem Vorsitz hat der Beirat 41 Mitglieder" in beirat
    assert "Aktuelle Mitglieder des Gremiums Beirat Stadtregion (41)" in beirat
    about = text_of(seeded_site.pages["/ueber-uns/"])
    assert "41 Mitglieder" in about
    assert "2024 ist Jörn Möltgen" not in about and "2024 war Jörn Möltgen" in about


def test_accessibility_statement_names_the_missing_videos_and_when(seeded_site):
    statement = text_of(seeded_site.pages["/barrierefreiheit/"])
    assert "Fehlende Videos in Gebärdensprache" in statement
    assert "Inhalte der Website Navigation Erklärung zur Barrierefreiheit" in statement
    assert "bis Ende Juni 2027" in statement
    assert "Noch nicht alle Videos" not in statement


def test_every_town_page_gives_a_phone_number_marked_as_demo(seeded_site):
    for url in seeded_site.member_urls:
        html = seeded_site.pages[url]
        contacts = html.split('class="contact-list"')[1].split("</ul>")[0]
        assert re.search(r'Telefon: <a href="tel:02214710\d{3}">0221 4710 \d{3}</a>', contacts), url
        assert "Beispiel" in contacts, url  # the demo badge
