"""One visitor's search, in a fixed number of queries whatever it finds.

1. the synonyms of the query's words (search.backends.load_synonyms),
2. the number of hits per kind (one GROUP BY over the index),
3. the hits of the requested page, ranked or by date, with their texts; snippets are cut and
   marked in Python (search.highlight), for those ten hits only.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count
from django.utils.safestring import SafeString

from .backends import backend_for
from .highlight import has_match, mark_snippet, mark_title, to_html
from .models import SearchEntry
from .sources import SOURCES, SOURCES_BY_KEY, Source

ORDERINGS = {
    "relevanz": ("-rank", "-date", "kind", "pk"),
    "datum": ("-date", "-rank", "kind", "pk"),
}


@dataclass(frozen=True)
class Hit:
    source: Source
    url: str
    title: SafeString
    snippet: SafeString
    day: datetime.date


def snippet(summary: str, body: str, keys) -> str:
    """Marked text around the first match in the body; else the summary, shown once; else the
    beginning of the body."""
    if has_match(body, keys) or not summary:
        return mark_snippet(body, keys)
    return mark_snippet(summary, keys)


class Search:
    """Sliced like a list (Django's Paginator does): a slice runs query 3."""

    def __init__(self, text: str, *, kind: str = "", order: str = "relevanz"):
        self.backend = backend_for(text)
        self.kind = kind
        self.ordering = ORDERINGS[order]

    def _matches(self):
        return self.backend.matches(SearchEntry.objects.public()).order_by()

    @cached_property
    def counts(self) -> dict[str, int]:
        """Hits per kind, every kind included (for the filter)."""
        found = {}
        if not self.backend.empty:
            rows = self._matches().values("kind").annotate(hits=Count("pk")).order_by()
            found = {row["kind"]: row["hits"] for row in rows}
        return {source.key: found.get(source.key, 0) for source in SOURCES}

    def count(self) -> int:
        if self.kind:
            return self.counts[self.kind]
        return sum(self.counts.values())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[Hit]:
        if page.start >= page.stop or not self.count():
            return []
        entries = self._matches()
        if self.kind:
            entries = entries.filter(kind=self.kind)
        rows = entries.order_by(*self.ordering).values(
            "kind", "url", "title", "summary", "body", "date"
        )[page]
        keys = [k for term in self.backend.terms for k in term.keys]
        return [
            Hit(
                source=SOURCES_BY_KEY[row["kind"]],
                url=row["url"],
                title=to_html(mark_title(row["title"], keys)),
                snippet=to_html(snippet(row["summary"], row["body"], keys)),
                day=row["date"],
            )
            for row in rows
        ]
