"""What the site search finds: one Source per kind of content, in the order of the type filter.

Each turns one object into the text of its search entry (search.models.SearchEntry): a title,
a summary, a body of plain text, the date "newest first" sorts by and its publication window.
Only the content's own text is indexed, never that of related content, so the title of a draft
meeting cannot show up in the snippet of a published document that belongs to it. A meeting's
entry holds its public agenda items and their decisions, as its page shows them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse
from django.utils import timezone

from figures.models import Indicator
from governance.models import AgendaItem, Body, Document, Meeting, TimelineEvent
from members.models import Municipality
from pages.models import LEGAL_PAGE_SLUGS, NewsArticle, Page
from projects.models import FieldOfAction, Project, WorkingGroup

from .text import plain


@dataclass(frozen=True)
class Source:
    key: str  # the type filter's value in the URL, e.g. "dokument"
    label: str  # German, as the type filter shows it: "Dokument"
    model: type[models.Model]
    date_label: str  # the words before the date: "Stand:", "Sitzung am", ...
    # title, summary and body of an object, as plain text
    text: Callable[[models.Model], tuple[str, str, str]]
    date: Callable[[models.Model], datetime.date] = field(
        default=lambda obj: timezone.localdate(obj.updated_at)
    )
    url: Callable[[models.Model], str] = field(default=lambda obj: obj.get_absolute_url())
    # the queryset search_reindex reads, with what text() needs
    queryset: Callable[[], models.QuerySet] | None = None
    # how the date is shown, and for the <time> element
    date_format: str = "j. F Y"
    machine_date_format: str = "Y-m-d"

    def objects(self) -> models.QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _meeting_text(meeting: Meeting) -> tuple[str, str, str]:
    items = [
        _lines(
            f"{item.number}. {item.title}",
            plain(item.description),
            item.get_result_display() if item.result else "",
            plain(item.resolution_text),
        )
        for item in meeting.agenda_items.all()
        if item.is_public
    ]
    summary = ", ".join(part for part in (meeting.body.name, meeting.location) if part)
    return meeting.title, summary, _lines(plain(meeting.description), *items)


def _page_is_legal(page: Page) -> bool:
    return page.slug in LEGAL_PAGE_SLUGS


SOURCES = (
    Source(
        "kommune", "Kommune", Municipality, "Stand:",
        lambda m: (m.name, _lines(m.official_name, m.district), plain(m.description)),
    ),
    Source(
        "handlungsfeld", "Handlungsfeld", FieldOfAction, "Stand:",
        lambda f: (f.name, f.summary, _lines(plain(f.description), plain(f.goals))),
    ),
    Source(
        "projekt", "Projekt", Project, "Stand:",
        lambda p: (p.title, _lines(p.summary, p.location_name), plain(p.description)),
    ),
    Source(
        "arbeitsgruppe", "Arbeitsgruppe", WorkingGroup, "Stand:",
        lambda g: (g.name, g.summary, plain(g.description)),
    ),
    Source(
        "gremium", "Gremium", Body, "Stand:",
        lambda b: (b.name, b.summary, plain(b.description)),
    ),
    Source(
        "sitzung", "Sitzung", Meeting, "Sitzung am", _meeting_text,
        date=lambda m: timezone.localdate(m.start),
        queryset=lambda: Meeting.objects.select_related("body").prefetch_related("agenda_items"),
    ),
    Source(
        "dokument", "Dokument", Document, "Dokument vom",
        lambda d: (d.title, d.description, d.text_content),
        date=lambda d: d.date,
    ),
    Source(
        "zahl", "Zahl", Indicator, "Stand:",
        lambda i: (i.name, _lines(i.subject, i.source_name), plain(i.explanation)),
    ),
    Source(
        "seite", "Seite", Page, "Stand:",
        lambda p: (p.title, p.intro, plain(p.body)),
    ),
    Source(
        "aktuelles", "Aktuelles", NewsArticle, "Meldung vom",
        lambda n: (n.title, n.teaser, plain(n.text)),
        date=lambda n: n.date,
    ),
    Source(
        # Many entries are known to the year or month only: the year is always right.
        "chronik", "Chronik", TimelineEvent, "Chronik-Eintrag aus dem Jahr",
        lambda e: (e.title, "", e.description),
        date=lambda e: e.date, date_format="Y", machine_date_format="Y",
        url=lambda e: f"{reverse('governance:timeline')}#eintrag-{e.pk}",
    ),
)  # fmt: skip

SOURCES_BY_KEY = {source.key: source for source in SOURCES}
SOURCES_BY_MODEL = {source.model: source for source in SOURCES}


def publication(obj) -> dict:
    """The entry's copy of the object's visibility (search.models.SearchEntry.public)."""
    if not hasattr(obj, "is_published") or (isinstance(obj, Page) and _page_is_legal(obj)):
        return {"is_published": True, "publish_from": None, "visible_until": None}
    return {
        "is_published": obj.is_published,
        "publish_from": obj.publish_from,
        "visible_until": obj.visible_until,
    }


# Saving or deleting one of these changes the entry of another object: its model and id.
DEPENDENTS = {AgendaItem: lambda item: (Meeting, item.meeting_id)}
