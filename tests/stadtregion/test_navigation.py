"""The one navigation (stadtregion.navigation): its routes exist, and every section is marked.

Marks come from the resolved URL: aria-current="page" on a section link's own page, "true" on the
pages below it, and nothing else marked in that menu. The pages come from the session's crawl of
the seeded portal (`seeded_site`).
"""

from html.parser import HTMLParser

import pytest
from django.http import HttpResponse
from django.urls import include, path, resolve, reverse

from stadtregion import navigation

MAIN_NAV_LABELS = [
    "Aktuelles", "Kommunen", "Handlungsfelder", "Projekte", "Arbeitsgruppen", "Gremien", "Termine",
    "Dokumente",
]  # fmt: skip


class Menus(HTMLParser):
    """The links of #main-nav and #sub-nav: (label, aria-current or "") in document order."""

    def __init__(self, html: str):
        super().__init__()
        self.links: dict[str, list[tuple[str, str]]] = {"main-nav": [], "sub-nav": []}
        self._nav, self._link = None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("id") in self.links:
            self._nav = attrs["id"]
        elif tag == "a" and self._nav:
            self._link = ["", attrs.get("aria-current", "")]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._nav = None
        elif tag == "a" and self._link:
            self.links[self._nav].append((self._link[0].strip(), self._link[1]))
            self._link = None

    def handle_data(self, data):
        if self._link:
            self._link[0] += data

    def marked(self, nav: str) -> dict[str, str]:
        return {label: current for label, current in self.links[nav] if current}


def _sections_with_links(*, below_only=False):
    return [
        pytest.param(section, link, id=link.url_name)
        for section in navigation.SECTIONS
        for link in section.links
        if link.below or not below_only
    ]


def _pages_of(seeded_site, view_name: str) -> list[str]:
    return [p for p in seeded_site.pages if resolve(p.split("?")[0]).view_name == view_name]


def test_every_route_the_navigation_names_exists():
    """Renaming a route in an app's urls.py without updating the navigation fails here."""
    assert navigation.url_name_errors() == []
    assert navigation.check_url_names(None) == []


# A URLconf in which members' detail route was renamed and the other sections are missing.
urlpatterns = [
    path(
        "kommunen/",
        include(
            (
                [
                    path("", HttpResponse, name="list"),
                    path("<slug:slug>/", HttpResponse, name="municipality_detail"),
                ],
                "members",
            )
        ),
    )
]


@pytest.mark.urls(__name__)
def test_a_renamed_route_is_a_system_check_error():
    errors = navigation.check_url_names(None)
    messages = "\n".join(error.msg for error in errors)
    assert {error.id for error in errors} == {"stadtregion.E010"}
    assert "'members:detail'" in messages and "'projects:field_list'" in messages
    assert "'members:list'" not in messages


def test_main_navigation_lists_the_sections_then_the_main_menu_pages(seeded_site, db):
    labels = [label for label, _ in Menus(seeded_site.pages["/"]).links["main-nav"]]
    assert labels[: len(MAIN_NAV_LABELS)] == MAIN_NAV_LABELS
    assert "Über uns" in labels[len(MAIN_NAV_LABELS) :]  # an editable page of the main menu


@pytest.mark.parametrize(("section", "link"), _sections_with_links())
def test_a_section_link_is_the_current_page_on_its_own_page(seeded_site, db, section, link):
    menus = Menus(seeded_site.pages[reverse(link.url_name)])
    assert menus.marked("main-nav") == ({link.label: "page"} if link.in_main_nav else {})
    if section.sub_nav_title:
        assert menus.marked("sub-nav") == {link.label: "page"}
        assert [label for label, _ in menus.links["sub-nav"]] == [x.label for x in section.links]
    else:
        assert menus.links["sub-nav"] == []


@pytest.mark.parametrize(("section", "link"), _sections_with_links(below_only=True))
def test_pages_below_a_section_link_mark_it_as_true(seeded_site, db, section, link):
    for view_name in link.below:
        pages = _pages_of(seeded_site, view_name)
        assert pages, f"the crawl reached no page of {view_name}"
        for page in pages:
            menus = Menus(seeded_site.pages[page])
            assert menus.marked("main-nav") == {link.label: "true"}, page
            if section.sub_nav_title:
                assert menus.marked("sub-nav") == {link.label: "true"}, page


def test_pages_outside_the_sections_mark_no_section(seeded_site, db):
    for page in ["/", "/karte/", "/barrierefreiheit/feedback/"]:
        menus = Menus(seeded_site.pages[page])
        assert not set(menus.marked("main-nav")) & set(MAIN_NAV_LABELS), page
        assert menus.links["sub-nav"] == [], page


def test_a_main_menu_page_is_the_current_page_on_itself(seeded_site, db):
    assert Menus(seeded_site.pages["/ueber-uns/"]).marked("main-nav") == {"Über uns": "page"}


def test_an_address_no_route_matches_marks_nothing(client, db):
    response = client.get("/kommunen/gibt/es-nicht/")
    assert response.status_code == 404
    assert Menus(response.content.decode()).marked("main-nav") == {}
