"""Two ways of finding content, chosen by the database.

PostgreSQL: full-text search with the German configuration ("Wohnungen" finds "Wohnung"), the
query read like a web search engine's (websearch_to_tsquery), ranked by ts_rank over weighted
fields, snippets by ts_headline. SQLite (the local default): every term contained in one of the
same fields, ranked by the same weights, snippets made in Python. Both mark matches the same way
(search.highlight), so the page looks alike.

Vectors of titles, summaries and descriptions are computed per query: milliseconds at the
portal's size (hundreds of rows each). The text of PDFs, the bulk of it, is parsed once and
stored (search.models.DocumentText). The scaling path beyond that: a stored GeneratedField with
each model's weighted vector and a GIN index on it, in each content app's own migration.
"""

from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Case, F, FloatField, Q, TextField, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast, Coalesce, Concat

from .highlight import ELLIPSIS, START, STOP, mark_snippet, mark_title, parse

CONFIG = "german"
# The weights of ts_rank's defaults for A, B and C, used by the fallback too.
WEIGHTS = {"title": 1.0, "summary": 0.4, "body": 0.2}


def _text(fields) -> F | Concat:
    if len(fields) == 1:
        return F(fields[0])
    parts = [part for name in fields for part in (F(name), Value(" "))][:-1]
    return Concat(*parts, output_field=TextField())


class PostgresBackend:
    def __init__(self, text: str):
        self.query = SearchQuery(text, search_type="websearch", config=CONFIG)

    def matches(self, source, queryset):
        """The rows that match, annotated with their `search_rank`."""
        vector = SearchVector(source.title, weight="A", config=CONFIG) + SearchVector(
            *source.summary, weight="B", config=CONFIG
        )
        if source.stored_body:
            # A document without a stored vector yet is still found by title and description.
            stored = Coalesce(F(source.stored_body), Cast(Value(""), SearchVectorField()))
            vector = CombinedExpression(vector, "||", stored, output_field=SearchVectorField())
        else:
            vector += SearchVector(*source.body, weight="C", config=CONFIG)
        # Normalization 1: divided by 1 + log(length), so a long PDF does not win by length.
        return (
            queryset.annotate(search_vector=vector)
            .filter(search_vector=self.query)
            .annotate(
                search_rank=SearchRank(F("search_vector"), self.query, normalization=Value(1))
            )
        )

    def with_marked_text(self, source, queryset):
        options = {"config": CONFIG, "start_sel": START, "stop_sel": STOP}
        return queryset.annotate(
            search_title=SearchHeadline(source.title, self.query, highlight_all=True, **options),
            search_snippet=SearchHeadline(
                _text(source.summary + source.body),
                self.query,
                min_words=15,
                max_words=35,
                max_fragments=2,
                fragment_delimiter=ELLIPSIS,
                **options,
            ),
        )

    def finish(self, row: dict) -> dict:
        return row


class ContainsBackend:
    def __init__(self, text: str):
        self.parsed = parse(text)

    @staticmethod
    def _anywhere(term: str, fields) -> Q:
        return reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields))

    def matches(self, source, queryset):
        if not self.parsed.groups:
            return queryset.none()
        found = reduce(
            or_,
            (
                reduce(and_, (self._anywhere(t, source.fields) for t in group))
                for group in self.parsed.groups
            ),
        )
        for term in self.parsed.excluded:
            found &= ~self._anywhere(term, source.fields)
        weighted = (
            ((source.title,), WEIGHTS["title"]),
            (source.summary, WEIGHTS["summary"]),
            (source.body, WEIGHTS["body"]),
        )
        rank = reduce(
            add,
            (
                Case(When(self._anywhere(term, fields), then=Value(weight)), default=Value(0.0))
                for term in self.parsed.terms
                for fields, weight in weighted
            ),
        )
        return queryset.filter(found).annotate(search_rank=Value(0.0, FloatField()) + rank)

    def with_marked_text(self, source, queryset):
        return queryset.annotate(
            search_title=F(source.title), search_snippet=_text(source.summary + source.body)
        )

    def finish(self, row: dict) -> dict:
        terms = self.parsed.terms
        row["search_title"] = mark_title(row["search_title"], terms)
        row["search_snippet"] = mark_snippet(row["search_snippet"], terms)
        return row


def backend_for(text: str):
    if connection.vendor == "postgresql":
        return PostgresBackend(text)
    return ContainsBackend(text)
