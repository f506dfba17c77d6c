"""The site's navigation, defined once: the main menu and the sub menus of its sections.

The header (includes/main_nav.html) and the section bases (includes/sub_nav.html) render it.
A link is marked from the resolved URL, never from the path's text: `aria-current="page"` on
the link's own page, `aria-current="true"` on the pages below it (its detail pages).

The project package composes the site, so it may name every app's routes. A renamed route
fails `check_url_names()` (a system check and a test), instead of silently losing its marker.
"""

from dataclasses import dataclass

from django.core import checks
from django.urls import NoReverseMatch, get_resolver, reverse

from core.urls import reverse as remembered_reverse


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str  # where the link points; a route without arguments
    below: tuple[str, ...] = ()  # view names ("namespace:name") of the pages below it
    in_main_nav: bool = True

    def current(self, view_name: str | None) -> str:
        """The link's aria-current value on the page of this view name ("" for none)."""
        if view_name == self.url_name:
            return "page"
        return "true" if view_name in self.below else ""


@dataclass(frozen=True)
class Section:
    namespace: str  # the URL namespace of the section's pages
    links: tuple[Link, ...]
    sub_nav_title: str = ""  # sections with a title show a sub navigation (#sub-nav, key u)


SECTIONS = (
    Section("news", (Link("Aktuelles", "news:list", below=("news:detail",)),)),
    Section("members", (Link("Kommunen", "members:list", below=("members:detail",)),)),
    Section(
        "projects",
        (
            Link("Handlungsfelder", "projects:field_list", below=("projects:field_detail",)),
            Link("Projekte", "projects:project_list", below=("projects:project_detail",)),
            Link("Arbeitsgruppen", "projects:group_list", below=("projects:group_detail",)),
        ),
        sub_nav_title="Themen und Projekte",
    ),
    Section(
        "governance",
        (
            Link("Gremien", "governance:body_list", below=("governance:body_detail",)),
            Link("Termine", "governance:meeting_list", below=("governance:meeting_detail",)),
            Link("Dokumente", "governance:document_list", below=("governance:document_detail",)),
            Link("Chronik", "governance:timeline", in_main_nav=False),
        ),
        sub_nav_title="Organisation",
    ),
    Section(
        "figures",
        (Link("Zahlen und Berichte", "figures:index", below=("figures:indicator_detail",)),),
    ),
)


@dataclass(frozen=True)
class NavItem:
    """A link as a template renders it."""

    label: str
    url: str
    current: str  # the aria-current value, "" for none


def _items(links, view_name: str | None) -> list[NavItem]:
    return [
        NavItem(link.label, remembered_reverse(link.url_name), link.current(view_name))
        for link in links
    ]


def main_nav(view_name: str | None) -> list[NavItem]:
    """The main menu's section links (the editable pages of the main menu follow in the template)."""
    return _items((link for s in SECTIONS for link in s.links if link.in_main_nav), view_name)


def sub_nav(namespace: str | None, view_name: str | None) -> dict | None:
    """The sub navigation of the section the resolved URL lies in, if that section has one."""
    for section in SECTIONS:
        if section.sub_nav_title and section.namespace == namespace:
            return {"title": section.sub_nav_title, "items": _items(section.links, view_name)}
    return None


def _view_names(resolver=None, namespace: str = "") -> set[str]:
    """Every named route of the URLconf, as "namespace:name"."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if hasattr(pattern, "url_patterns"):  # an include()
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _view_names(pattern, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def url_name_errors() -> list[str]:
    """What in SECTIONS no longer matches the URLconf (a renamed or removed route)."""
    errors, known = [], _view_names()
    for section in SECTIONS:
        for link in section.links:
            try:
                reverse(link.url_name)
            except NoReverseMatch:
                errors.append(f"{link.label!r} links to {link.url_name!r}, which does not reverse.")
            if not link.url_name.startswith(f"{section.namespace}:"):
                errors.append(f"{link.url_name!r} lies outside its section {section.namespace!r}.")
            errors += [
                f"{link.label!r} names {name!r} below it, a route that does not exist."
                for name in link.below
                if name not in known
            ]
    return errors


@checks.register(checks.Tags.urls)
def check_url_names(app_configs, **kwargs):
    return [
        checks.Error(message, hint="Update stadtregion/navigation.py.", id="stadtregion.E010")
        for message in url_name_errors()
    ]
