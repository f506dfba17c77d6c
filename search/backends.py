"""A visitor's query as conditions on the search index (search.models.SearchEntry).

The query is read like a web search engine's (search.highlight.parse): all words must occur,
"quoted phrases" in order, OR between alternatives, -word excludes. Each word is folded like the
index (search.text), and widened by the synonyms editors keep (search.models.Synonym), at query
time, so a new synonym needs no new index.

PostgreSQL: each word is looked up in the stored, GIN-indexed vector with German stemming and
as a prefix ("Energieberatung" finds "Energieberatungstage", "Altbau" finds "Altbausanierung").
The end of a compound ("Sanierung" in "Altbausanierung") is found through the word list of the
content (search.models.SearchWord): its words that contain the query's word, from five letters
on, found by pg_trgm's GIN index, join the query as further prefixes, in a subquery that runs
once per search. So every row is still found by the vector's index, and the cost stays flat as
content grows (the vocabulary grows far slower than the text). This ranks the issue's cases
better than trigram word similarity on the texts, which also finds words that merely share
letters ("Radweg" and "Radwerk"); typos get their own help ("Meinten Sie …?", search.suggest).
SQLite: every word, without its ending, contained in the folded text.

Ranking, both alike: a title equal to the query first, then the share of the query's words in
the title, then PostgreSQL's ts_rank (title, summary and body weighted A, B, C) or the same
weights by containment on SQLite; the date breaks ties.
"""

from dataclasses import dataclass
from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .highlight import parse
from .models import SearchWord, Synonym, key
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


COMPOUNDS = 100  # words of the word list at most, per query word


class _TsQuery(Func):
    """tsqueries joined by || or &&."""

    template = "(%(expressions)s)"
    output_field = SearchQueryField()

    def __init__(self, *expressions, arg_joiner: str):
        super().__init__(*expressions)
        self.arg_joiner = arg_joiner


class _Matches(Func):
    """vector @@ tsquery, for a tsquery that Django's lookup would wrap in plainto_tsquery."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _compounds(parts: list[str]) -> RawSQL:
    """One tsquery of the content's words that contain one of these parts, as prefixes: the
    words are folded letters only (search.index), safe in to_tsquery's syntax."""
    where = " OR ".join(["word LIKE %s"] * len(parts))
    table = SearchWord._meta.db_table
    return RawSQL(
        f"(SELECT to_tsquery('{CONFIG}', string_agg(word || ':*', ' | ')) FROM "
        f"(SELECT word FROM {table} WHERE {where} LIMIT {COMPOUNDS}) AS compound_words)",
        [f"%{part}%" for part in parts],
    )


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

    def _term(self, term: Term):
        """The term's tsquery, widened by the compounds that contain it."""
        query = self._query(term)
        parts = [k for k in term.keys if len(k) >= PART_FROM and " " not in k]
        if not parts:
            return query
        return _TsQuery(query, Coalesce(_compounds(parts), query), arg_joiner=" || ")

    def _group(self, group) -> Q:
        """One tsquery for the whole group, so one GIN index scan finds its rows. A stop word's
        tsquery is empty, and PostgreSQL's && ignores an empty operand: "Wohnen in der Region"
        is "Wohnen Region"; a query of stop words only matches nothing."""
        terms = [self._term(term) for term in group]
        query = terms[0] if len(terms) == 1 else _TsQuery(*terms, arg_joiner=" && ")
        return Q(_Matches(F("vector"), query))

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
