"""Hand-written: PostgreSQL's pg_trgm extension and the indexes the search reads
(a GIN index on the stored vectors, trigram GIN indexes on the folded texts and the word list).
Nothing happens on SQLite: Django's extension operation and the function below check the
vendor. (Umlauts and accents are folded in Python, search.text, so unaccent is not needed.)
The index is filled by `manage.py search_reindex`.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("search_entry_vector", "USING gin (vector)"),
    ("search_entry_title_trgm", "USING gin (title_folded gin_trgm_ops)"),
    ("search_entry_summary_trgm", "USING gin (summary_folded gin_trgm_ops)"),
    ("search_entry_text_trgm", "USING gin (text_folded gin_trgm_ops)"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, method in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON search_searchentry {method}")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_word_trgm ON search_searchword "
        "USING gin (word gin_trgm_ops)"
    )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in [name for name, _method in INDEXES] + ["search_word_trgm"]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_index")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
