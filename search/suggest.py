""" "Meinten Sie …?": each word of a query that is not a word of published content, replaced by
the most similar one that is (search.models.SearchWord), in one query.

PostgreSQL compares by trigram similarity (pg_trgm, served by a GIN index on the words);
SQLite reads the word list and lets difflib compare (fine for a local copy's size).
"""

import difflib

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Lookup, Q
from django.db.models.functions import Greatest

from .highlight import parse
from .models import SearchWord
from .text import MIN_STEM, fold

MIN_SIMILARITY = 0.8  # difflib's ratio: one or two letters wrong in a long word
CANDIDATES = 50


def _candidates(words: list[str]) -> list[tuple[str, str]]:
    """(folded, display) of the words that may stand for the query's words."""
    if connection.vendor == "postgresql":
        similar = [TrigramSimilarity("word", w) for w in words]
        rows = (
            SearchWord.objects.filter(Q(word__in=words) | _any_similar(words))
            .annotate(similarity=similar[0] if len(similar) == 1 else Greatest(*similar))
            .order_by("-similarity")
            .values_list("word", "display")[:CANDIDATES]
        )
        return list(rows)
    return list(SearchWord.objects.values_list("word", "display"))


class _Similar(Lookup):
    """pg_trgm's `%` (similarity above pg_trgm.similarity_threshold, 0.3), which its GIN
    index serves; Django registers it only with django.contrib.postgres installed."""

    lookup_name = "similar"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} %% {rhs}", [*lhs_params, *rhs_params]


SearchWord._meta.get_field("word").register_lookup(_Similar)


def _any_similar(words: list[str]) -> Q:
    found = Q()
    for word in words:
        found |= Q(word__similar=word)
    return found


def suggestion(text: str) -> str:
    """The query with its unknown words corrected, or "" when there is nothing to suggest."""
    terms = [term for term in parse(text).terms if " " not in term]
    folded = {term: fold(term) for term in terms}
    words = sorted({w for w in folded.values() if len(w) >= MIN_STEM and w.isalpha()})
    if not words:
        return ""
    candidates = dict(_candidates(words))
    corrected, changed = [], False
    for term in terms:
        word = folded[term]
        if word in candidates or word not in words:
            corrected.append(term)
            continue
        best = difflib.get_close_matches(word, candidates, n=1, cutoff=MIN_SIMILARITY)
        if best:
            corrected.append(candidates[best[0]])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else ""
