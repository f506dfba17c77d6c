"""Queries without hits, counted for the editors (search.models.ZeroHitQuery): the query text
in lower case with single spaces, a count and the last day; nothing about who searched."""

from django.db import connection
from django.utils import timezone

from .models import ZeroHitQuery


def normalise(text: str) -> str:
    return " ".join(text.lower().split())[: ZeroHitQuery._meta.get_field("query").max_length]


def count_zero_hits(text: str) -> None:
    """One statement, also when two visitors count the same query at once."""
    table = connection.ops.quote_name(ZeroHitQuery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (query, count, last_day) VALUES (%s, 1, %s) "
            "ON CONFLICT (query) DO UPDATE SET count = "
            f"{table}.count + 1, last_day = excluded.last_day",
            [normalise(text), timezone.localdate()],
        )
