"""One visitor's search, in a fixed number of queries whatever it finds.

1. the number of hits per type (one UNION of counts),
2. the hits of the requested page, ranked or by date (one UNION of ids, ranks and dates),
3. titles and highlighted snippets of just those hits (one UNION), so ts_headline, the costly
   part, never runs for hits on other pages.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, F, Value
from django.utils.safestring import SafeString

from .backends import backend_for
from .highlight import to_html
from .sources import SOURCES, SOURCES_BY_KEY, Source

ORDERINGS = {
    "relevanz": ("-search_rank", "-search_day", "search_type", "search_id"),
    "datum": ("-search_day", "-search_rank", "search_type", "search_id"),
}


@dataclass(frozen=True)
class Hit:
    source: Source
    url: str
    title: SafeString
    snippet: SafeString
    day: datetime.date


def _union(querysets):
    first, *others = querysets
    return first.union(*others, all=True) if others else first


class Search:
    """Sliced like a list (Django's Paginator does): a slice runs queries 2 and 3."""

    def __init__(self, text: str, *, kind: str = "", order: str = "relevanz"):
        self.backend = backend_for(text)
        self.kind = kind
        self.ordering = ORDERINGS[order]

    def _matches(self, source: Source):
        return self.backend.matches(source, source.public()).order_by()

    @cached_property
    def counts(self) -> dict[str, int]:
        """Hits per type key, every type included (for the filter)."""
        rows = _union(
            [
                self._matches(source)
                .annotate(search_type=Value(source.key))
                .values("search_type")
                .annotate(hits=Count("pk"))
                for source in SOURCES
            ]
        )
        found = {row["search_type"]: row["hits"] for row in rows}
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
        sources = [SOURCES_BY_KEY[self.kind]] if self.kind else SOURCES
        ranked = _union(
            [
                self._matches(source)
                .annotate(
                    search_type=Value(source.key), search_id=F("pk"), search_day=source.date()
                )
                .values("search_type", "search_id", "search_rank", "search_day")
                for source in sources
            ]
        ).order_by(*self.ordering)[page]
        return self._hits(list(ranked))

    def _hits(self, ranked: list[dict]) -> list[Hit]:
        ids = {}
        for row in ranked:
            ids.setdefault(row["search_type"], []).append(row["search_id"])
        texts = _union(
            [
                self.backend.with_marked_text(source, source.public().filter(pk__in=ids[key]))
                .order_by()
                .annotate(search_type=Value(key), search_id=F("pk"), search_slug=F("slug"))
                .values("search_type", "search_id", "search_slug", "search_title", "search_snippet")
                for key, source in SOURCES_BY_KEY.items()
                if key in ids
            ]
        )
        by_key = {(row["search_type"], row["search_id"]): self.backend.finish(row) for row in texts}
        hits = []
        for row in ranked:
            text = by_key.get((row["search_type"], row["search_id"]))
            if text is None:  # unpublished between the two queries
                continue
            source = SOURCES_BY_KEY[row["search_type"]]
            hits.append(
                Hit(
                    source=source,
                    url=source.url(text["search_slug"]),
                    title=to_html(text["search_title"]),
                    snippet=to_html(text["search_snippet"]),
                    day=row["search_day"],
                )
            )
        return hits
