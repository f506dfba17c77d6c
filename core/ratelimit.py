"""Fixed-window counters and single-use tokens, in a table every app server shares.

Keys are salted hashes: no client address or e-mail address is ever stored. Each count is one
statement (an upsert), so concurrent requests never lose one. The database, not the cache: a
cache that evicts entries under a flood of pages, or that is down, would let a client over its
limit through again.
"""

import hashlib
import time

from django.conf import settings
from django.db import connection

from .models import Counter

TABLE = Counter._meta.db_table

_COUNT = f"""
    INSERT INTO {TABLE} (name, count, expires_at) VALUES (%(name)s, 1, %(expires)s)
    ON CONFLICT (name) DO UPDATE SET
        count = CASE WHEN {TABLE}.expires_at <= %(now)s THEN 1 ELSE {TABLE}.count + 1 END,
        expires_at = CASE WHEN {TABLE}.expires_at <= %(now)s
                          THEN excluded.expires_at ELSE {TABLE}.expires_at END
    RETURNING count
"""
# Inserts the token, or takes over an expired row; returns nothing if it is in use.
_CLAIM = f"""
    INSERT INTO {TABLE} (name, count, expires_at) VALUES (%(name)s, 1, %(expires)s)
    ON CONFLICT (name) DO UPDATE SET count = 1, expires_at = excluded.expires_at
    WHERE {TABLE}.expires_at <= %(now)s
    RETURNING count
"""


def _key(scope: str, subject: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{subject}".encode()).hexdigest()
    return f"{scope[:40]}:{digest[:32]}"


def _upsert(sql: str, scope: str, subject: str, window: int):
    now = int(time.time())
    params = {"name": _key(scope, subject), "expires": now + window, "now": now}
    with connection.cursor() as cursor:
        # Expired rows go as they expire (an index range, usually empty): the table holds only
        # the current windows, however many clients came and went.
        cursor.execute(f"DELETE FROM {TABLE} WHERE expires_at <= %s", [now])
        cursor.execute(sql, params)
        return cursor.fetchone()


def count(scope: str, subject: str, *, window: int) -> int:
    """Counts one event for subject and returns how many fell into the current window."""
    return _upsert(_COUNT, scope, subject, window)[0]


def claim(scope: str, subject: str, *, lifetime: int) -> bool:
    """Uses up a single-use token: True the first time within ``lifetime``, False after."""
    return _upsert(_CLAIM, scope, subject, lifetime) is not None


def current(scope: str, subject: str) -> int:
    row = Counter.objects.filter(
        name=_key(scope, subject), expires_at__gt=int(time.time())
    ).values_list("count", flat=True)
    return row.first() or 0


def reset(scope: str, subject: str) -> None:
    Counter.objects.filter(name=_key(scope, subject)).delete()
