"""Writing the search index: one SearchEntry per object of every Source, and the word list of
published content for "Meinten Sie …?"."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone

from .models import SearchEntry, SearchWord
from .sources import SOURCES, SOURCES_BY_MODEL, Source, publication
from .text import MIN_STEM, dotless_variants, fold, folded_for_index, words

CONFIG = "german"
MAX_WORD = 100


def _values(source: Source, obj) -> dict:
    title, summary, body = source.text(obj)
    title = " ".join(title.split())[:300]
    return {
        "kind": source.key,
        "url": source.url(obj),
        "title": title,
        "summary": " ".join(summary.split()),
        "body": body,
        "date": source.date(obj),
        "title_folded": fold(title)[:300],
        "summary_folded": folded_for_index(summary),
        # The title's dotless spellings go with the body: found, if ranked lower.
        "text_folded": f"{folded_for_index(body)} {dotless_variants(title)}".strip(),
        **publication(obj),
    }


def _write_vectors(pks: list[int] | None) -> None:
    """The stored vectors of these entries (PostgreSQL only), computed by the database from
    the folded texts just written: title A, summary B, body C."""
    if connection.vendor != "postgresql" or pks == []:
        return
    entries = SearchEntry.objects.all() if pks is None else SearchEntry.objects.filter(pk__in=pks)
    entries.update(
        vector=SearchVector("title_folded", weight="A", config=CONFIG)
        + SearchVector("summary_folded", weight="B", config=CONFIG)
        + SearchVector("text_folded", weight="C", config=CONFIG)
    )


def _is_live(entry: SearchEntry, now) -> bool:
    return (
        entry.is_published
        and (entry.publish_from is None or entry.publish_from <= now)
        and (entry.visible_until is None or entry.visible_until > now)
    )


def _add_words(entries) -> None:
    """Words of live content only, so a draft's words are never suggested."""
    found, now = {}, timezone.now()
    for entry in entries:
        if not _is_live(entry, now):
            continue
        for word in words(f"{entry.title} {entry.summary} {entry.body}"):
            folded = fold(word)
            if len(folded) >= MIN_STEM and len(folded) <= MAX_WORD and folded.isalpha():
                found.setdefault(folded, word[:MAX_WORD])
    SearchWord.objects.bulk_create(
        [SearchWord(word=w, display=d) for w, d in found.items()],
        ignore_conflicts=True,
        batch_size=500,
    )


def index(obj) -> None:
    """Writes the entry of one object (after each save)."""
    source = SOURCES_BY_MODEL[type(obj)]
    entry, _created = SearchEntry.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults=_values(source, obj),
    )
    _write_vectors([entry.pk])
    _add_words([entry])


def remove(obj) -> None:
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).delete()


@transaction.atomic
def rebuild() -> int:
    """Every entry and the word list anew (manage.py search_reindex)."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    entries = []
    for source in SOURCES:
        content_type = ContentType.objects.get_for_model(source.model)
        entries += SearchEntry.objects.bulk_create(
            [
                SearchEntry(content_type=content_type, object_id=obj.pk, **_values(source, obj))
                for obj in source.objects().iterator(chunk_size=500)
            ],
            batch_size=500,
        )
    _write_vectors(None)
    _add_words(entries)
    if connection.vendor == "postgresql":
        # GIN gathers new rows in a pending list that every search reads through until
        # (auto)vacuum merges it; after rewriting every row, merge it at once.
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('search_entry_vector'::regclass)")
    return len(entries)
