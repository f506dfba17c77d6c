"""A visitor's query as conditions on the search index (search.models.SearchEntry).

The query is read like a web search engine's (search.highlight.parse): all words must occur,
"quoted phrases" in order, OR between alternatives, -word excludes. Each word is folded like the
index (search.text), and widened by the synonyms editors keep (search.models.Synonym), at query
time, so a new synonym needs no new index.

PostgreSQL: each word is looked up in the stored, GIN-indexed vector with German stemming and
as a prefix ("Energieberatung" finds "Energieberatungstage", "Altbau" finds "Altbausanierung"),
or, from five letters on, as a part of a word in the folded text (LIKE, served by pg_trgm's
GIN indexes), so the end of a compound is found too ("Sanierung" finds "Altbausanierung").
Stemmed prefixes rank the issue's cases better than trigram word similarity, which also finds
unrelated words that merely share letters ("Radweg" and "Radwerk"); typos get their own help
("Meinten Sie …?", search.suggest).
SQLite: every word, without its ending, contained in the folded text.

Ranking, both alike: a title equal to the query first, then the share of the query's words in
the title, then PostgreSQL's ts_rank (title, summary and body weighted A, B, C) or the same
weights by containment on SQLite; the date breaks ties.
"""

from dataclasses import dataclass
from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Func, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan

from .highlight import parse
from .models import Synonym, key
from .text import fold

CONFIG = "german"
PREFIX_FROM = 4  # letters; shorter words are looked up whole ("Rat" is not "Rathaus")
PART_FROM = 5  # letters; from here a word is also found inside a compound
EXACT_TITLE, TITLE, SUMMARY, BODY = 100.0, 10.0, 0.4, 0.2


@dataclass(frozen=True)
class Term:
    """One word or phrase of the query, with the folded spellings that count as it."""

    text: str
    variants: tuple[str, ...]  # folded; the first is the term itself

    @property
    def keys(self) -> tuple[str, ...]:
        """The variants without their endings, as parts of words are compared."""
        return tuple(dict.fromkeys(k for k in (key(v) for v in self.variants) if k))


def _terms(texts, synonyms: dict[str, list[str]]) -> tuple[Term, ...]:
    terms = []
    for text in texts:
        folded = fold(text)
        if not folded:
            continue
        extra = [fold(e) for e in synonyms.get(key(text), [])]
        terms.append(Term(text, tuple(dict.fromkeys(v for v in [folded, *extra] if v))))
    return tuple(terms)


def load_synonyms(parsed) -> dict[str, list[str]]:
    """The synonyms of the query's words, in one query."""
    keys = {key(term) for term in (*parsed.terms, *parsed.excluded)} - {""}
    if not keys:
        return {}
    return {
        synonym.term_key: synonym.equivalent_list
        for synonym in Synonym.objects.filter(term_key__in=keys)
    }


class _Backend:
    def __init__(self, text: str, synonyms: dict[str, list[str]] | None = None):
        self.parsed = parse(text)
        if synonyms is None:
            synonyms = load_synonyms(self.parsed)
        self.groups = [_terms(group, synonyms) for group in self.parsed.groups]
        self.groups = [group for group in self.groups if group]
        self.excluded = _terms(self.parsed.excluded, {})
        self.exact = fold(" ".join(self.parsed.terms))

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(dict.fromkeys(term for group in self.groups for term in group))

    @property
    def empty(self) -> bool:
        return not self.groups

    def matches(self, entries):
        """The entries that match, annotated with their `rank`."""
        if self.empty:
            return entries.none()
        found = reduce(or_, (self._group(group) for group in self.groups))
        for term in self.excluded:
            found &= ~self._excluded(term)
        return entries.filter(found).annotate(rank=self._rank())

    @staticmethod
    def _contains(term_keys, fields=("title_folded", "summary_folded", "text_folded")) -> Q:
        return reduce(or_, (Q(**{f"{f}__contains": k}) for k in term_keys for f in fields), Q())

    def _title(self, term: Term) -> Q:
        """A word of the title is or begins with the term (short terms) or contains it."""
        conditions = Q()
        for k in term.keys:
            if len(k) >= PART_FROM:
                conditions |= Q(title_folded__contains=k)
            else:
                conditions |= Q(title_folded__startswith=k) | Q(title_folded__contains=f" {k}")
        return conditions

    def _common_rank(self):
        terms = self.terms
        title = reduce(
            add,
            (
                Case(When(self._title(t), then=Value(TITLE / len(terms))), default=Value(0.0))
                for t in terms
            ),
        )
        exact = Case(When(title_folded=self.exact, then=Value(EXACT_TITLE)), default=Value(0.0))
        return exact + title


class PostgresBackend(_Backend):
    @staticmethod
    def _query(term: Term) -> SearchQuery:
        queries = []
        for variant in term.variants:
            if " " in variant:
                queries.append(SearchQuery(variant, search_type="phrase", config=CONFIG))
            else:  # folded: letters and digits only, safe to pass as to_tsquery's syntax
                prefix = ":*" if len(variant) >= PREFIX_FROM else ""
                queries.append(SearchQuery(variant + prefix, search_type="raw", config=CONFIG))
        return reduce(or_, queries)

    def _term(self, term: Term) -> Q:
        found = Q(vector=self._query(term))
        long_keys = [k for k in term.keys if len(k) >= PART_FROM]
        if long_keys:
            found |= self._contains(long_keys)
        return found

    @staticmethod
    def _has_lexemes(queries) -> GreaterThan:
        """False for a query of stop words only ("und die der"): PostgreSQL drops them."""
        combined = reduce(and_, queries)
        return GreaterThan(Func(combined, function="numnode", output_field=IntegerField()), 0)

    def _group(self, group) -> Q:
        queries = [self._query(term) for term in group]
        conditions = [
            # A stop word matches any row, as if it were not there.
            self._term(term) | Q(GreaterThan(Value(1), Func(
                query, function="numnode", output_field=IntegerField()
            )))
            for term, query in zip(group, queries, strict=True)
        ]  # fmt: skip
        return reduce(and_, conditions) & Q(self._has_lexemes(queries))

    def _excluded(self, term: Term) -> Q:
        return Q(vector=self._query(term))

    def _rank(self):
        everything = reduce(or_, (self._query(term) for term in self.terms))
        # Normalization 1: divided by 1 + log(length), so a long PDF does not win by length.
        text = SearchRank(F("vector"), everything, normalization=Value(1))
        return self._common_rank() + Coalesce(text, Value(0.0), output_field=FloatField())


class ContainsBackend(_Backend):
    def _group(self, group) -> Q:
        return reduce(and_, (self._contains(term.keys) for term in group))

    def _excluded(self, term: Term) -> Q:
        return self._contains(term.keys)

    def _rank(self):
        weighted = reduce(
            add,
            (
                Case(When(self._contains(t.keys, (field,)), then=Value(weight)), default=Value(0.0))
                for t in self.terms
                for field, weight in (("summary_folded", SUMMARY), ("text_folded", BODY))
            ),
        )
        return Value(0.0, FloatField()) + self._common_rank() + weighted


def backend_for(text: str, synonyms: dict[str, list[str]] | None = None) -> _Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend(text, synonyms)
    return ContainsBackend(text, synonyms)
