"""Hand-written: PostgreSQL's pg_trgm extension and the indexes the search reads
(a GIN index on the stored vectors, a trigram GIN index on the word list, search.backends).
Nothing happens on SQLite: Django's extension operation and the function below check the
vendor. (Umlauts and accents are folded in Python, search.text, so unaccent is not needed.)
The index is filled by `manage.py search_reindex`.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("search_searchentry", "search_entry_vector", "USING gin (vector)"),
    ("search_searchword", "search_word_trgm", "USING gin (word gin_trgm_ops)"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, method in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {method}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name, _method in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_index")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
