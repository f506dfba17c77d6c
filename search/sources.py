"""What the site search looks through: one Source per type of content, in the order of the type
filter. Each names its fields by weight (title A, summary B, body C), the date "newest first"
sorts by, and the queryset visitors may see.

Only the content's own fields are searched, never its relations, so the title of a draft
meeting cannot show up in the snippet of a published document that belongs to it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models.functions import TruncDate
from django.urls import reverse

from figures.models import Indicator
from governance.models import Body, Document, Meeting
from members.models import Municipality
from pages.models import NewsArticle, Page
from projects.models import Project, WorkingGroup


@dataclass(frozen=True)
class Source:
    key: str  # the type filter's value in the URL, e.g. "dokument"
    label: str  # German, as the type filter shows it: "Dokument"
    model: type[models.Model]
    route: str  # the detail page's URL name; it takes the slug
    title: str
    summary: tuple[str, ...]
    body: tuple[str, ...]
    date_label: str  # the words before the date: "Stand:", "Sitzung am", ...
    date: Callable[[], models.Expression]
    public: Callable[[], models.QuerySet]
    # On PostgreSQL, a stored vector that stands for the body fields (search.models).
    stored_body: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.title, *self.summary, *self.body)

    def url(self, slug: str) -> str:
        return reverse(self.route, kwargs={"slug": slug})


def _changed():
    return TruncDate("updated_at")


SOURCES = (
    Source(
        "kommune", "Kommune", Municipality, "members:detail",
        "name", ("official_name", "district"), ("description",),
        "Stand:", _changed, Municipality.objects.all,
    ),
    Source(
        "projekt", "Projekt", Project, "projects:project_detail",
        "title", ("summary", "location_name"), ("description",),
        "Stand:", _changed, Project.objects.published,
    ),
    Source(
        "arbeitsgruppe", "Arbeitsgruppe", WorkingGroup, "projects:group_detail",
        "name", ("summary",), ("description",),
        "Stand:", _changed, WorkingGroup.objects.published,
    ),
    Source(
        "gremium", "Gremium", Body, "governance:body_detail",
        "name", ("summary",), ("description",),
        "Stand:", _changed, Body.objects.all,
    ),
    Source(
        "sitzung", "Sitzung", Meeting, "governance:meeting_detail",
        "title", ("location", "address"), ("description",),
        "Sitzung am", lambda: TruncDate("start"), Meeting.objects.published,
    ),
    Source(
        "dokument", "Dokument", Document, "governance:document_detail",
        "title", ("description",), ("text_content",),
        "Dokument vom", lambda: models.F("date"), Document.objects.published,
        stored_body="search_text__vector",
    ),
    Source(
        "zahl", "Zahl", Indicator, "figures:indicator_detail",
        "name", ("subject", "source_name"), ("explanation",),
        "Stand:", _changed, Indicator.objects.all,
    ),
    Source(
        "seite", "Seite", Page, "page",
        "title", ("intro",), ("body",),
        "Stand:", _changed, Page.objects.published,
    ),
    Source(
        "aktuelles", "Aktuelles", NewsArticle, "news:detail",
        "title", ("teaser",), ("text",),
        "Meldung vom", lambda: models.F("date"), NewsArticle.objects.published,
    ),
)  # fmt: skip

SOURCES_BY_KEY = {source.key: source for source in SOURCES}
