"""On PostgreSQL each process learns of a moved version by notification, not by asking."""

import time

import pytest
from django.db import connection

from operations import pageversion

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY"),
    pytest.mark.django_db(transaction=True),  # the listener reads committed rows
]


def _wait_for(predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_the_listener_learns_of_a_bump_without_a_query_per_request(settings):
    settings.PAGE_CACHE_LISTEN = True
    watcher = pageversion._Watcher()
    start = pageversion.read()
    try:
        assert watcher.current() is None  # not yet listening: ask the database
        assert _wait_for(lambda: watcher.current() == start)
        # Another process moves it (the statement a bump runs, on another connection).
        from django.db import connections

        other = connections.create_connection("default")
        with other.cursor() as cursor:
            cursor.execute(pageversion._bump_sql("postgresql"), [0])
            moved = cursor.fetchone()[0]
        other.close()
        assert moved > start
        assert _wait_for(lambda: watcher.current() == moved, seconds=1)
    finally:
        watcher.stop()
