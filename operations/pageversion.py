"""The page cache's version: one number in the database that every cached page's key holds.

Any change of content moves it after its transaction commits, never before: a visitor between
a save and its commit would otherwise store the old page under the new number. The number only
grows (at least the clock in microseconds), so neither a Redis that was flushed or restored from
an old snapshot, nor a restored database, can bring back a number whose pages were stored from
other data.

Reading it must cost a hit next to nothing. On PostgreSQL each process keeps a copy that a
listening connection updates (LISTEN/NOTIFY: the notification is sent by the same statement that
moves the number, and delivered only after commit); on SQLite a read-only connection of each
thread reads the file. Where neither is possible (the listener is not known to be healthy, an
in-memory database), the number is read through Django's connection.
"""

import logging
import os
import select
import sqlite3
import threading
import time
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

CHANNEL = "pagecache_version"
# The listener reads the number itself this often, so that a silently dead connection (or a
# notification it never got) is noticed; a copy older than STALE_AFTER is not trusted.
HEARTBEAT = 2.0
STALE_AFTER = 3 * HEARTBEAT
TABLE = "operations_pagecacheversion"


def _clock() -> int:
    return time.time_ns() // 1000


def _bump_sql(vendor: str) -> str:
    if vendor == "postgresql":
        # One statement moves the number and queues the notification: both take effect at
        # commit, together.
        return (
            f"WITH moved AS (UPDATE {TABLE} SET number = GREATEST(number + 1, %s) WHERE id = 1 "
            f"RETURNING number) SELECT number, pg_notify('{CHANNEL}', number::text) FROM moved"
        )
    return f"UPDATE {TABLE} SET number = MAX(number + 1, %s) WHERE id = 1 RETURNING number"


def read() -> int:
    """The number as the database has it: one query, without the ORM's cost of building one
    (on SQLite this runs for every cached page)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(f"SELECT number FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    from .models import PageCacheVersion

    return PageCacheVersion.objects.get_or_create(pk=1, defaults={"number": _clock()})[0].number


def bump() -> int:
    """Moves the number now (the caller's transaction, if any, commits it)."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute(_bump_sql(connection.vendor), [_clock()])
        row = cursor.fetchone()
    number = row[0] if row else read()  # no row yet: read() creates it
    watcher.saw(number)
    return number


def _queued(connection) -> bool:
    """A bump is already queued for this transaction, in a scope that cannot be rolled back
    without also rolling back the caller's (its savepoints are a subset of the current ones)."""
    current = set(connection.savepoint_ids)
    return any(
        func is _bump_after_commit and sids <= current
        for sids, func, _robust in connection.run_on_commit
    )


def _bump_after_commit() -> None:
    from .purge import schedule_purge

    try:
        bump()
    except Exception:  # the save itself has committed; a missed bump must not fail it
        logger.exception("page cache version not moved")
        return
    schedule_purge()


def bump_on_commit() -> None:
    """Moves the number once the current transaction commits (at once without one)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block and _queued(connection):
        return  # one move per transaction is enough
    transaction.on_commit(_bump_after_commit)


class _Watcher:
    """This process's copy of the number, kept current by a listening PostgreSQL connection."""

    def __init__(self):
        self.number: int | None = None
        self.checked_at = 0.0  # monotonic time of the last confirmation from the server
        self._pid: int | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def saw(self, number: int) -> None:
        if self.number is None or number > self.number:
            self.number = number

    def current(self) -> int | None:
        """The copy if it is known to be current, else None (the caller asks the database)."""
        if self._pid != os.getpid():
            self._start()
            return None
        if self.number is None or time.monotonic() - self.checked_at > STALE_AFTER:
            return None
        return self.number

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            # A forked worker inherits no thread: each process listens for itself.
            self._pid, self.number, self.checked_at = os.getpid(), None, 0.0
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="pagecache-version", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Ends the listener (tests: its connection must be gone before the database is)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._pid = self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception as error:  # the database restarts or is unreachable: retry
                logger.warning("page cache version listener: %s", error)
            self.checked_at = 0.0
            self._stop.wait(HEARTBEAT)

    def _listen(self) -> None:
        import psycopg2

        params = connections[DEFAULT_DB_ALIAS].get_connection_params()
        params.update(
            connect_timeout=5,
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=2,
            keepalives_count=3,
            options=f"-c statement_timeout={int(HEARTBEAT * 1000)}",
        )
        listener = psycopg2.connect(**params)
        try:
            listener.autocommit = True
            with listener.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANNEL}")
                while not self._stop.is_set():
                    # The heartbeat reads the number itself: a notification missed while
                    # connecting, or a connection that died silently, cannot go unnoticed.
                    cursor.execute(f"SELECT number FROM {TABLE} WHERE id = 1")
                    row = cursor.fetchone()
                    if row:
                        self.number = row[0]  # the database's word, even after a restore
                        self.checked_at = time.monotonic()
                    deadline = time.monotonic() + HEARTBEAT
                    while (remaining := deadline - time.monotonic()) > 0:
                        if select.select([listener], [], [], remaining)[0]:
                            listener.poll()
                            while listener.notifies:
                                self.saw(int(listener.notifies.pop(0).payload))
                            self.checked_at = time.monotonic()
        finally:
            listener.close()


watcher = _Watcher()


@cache
def _vendor() -> str:
    return connections[DEFAULT_DB_ALIAS].vendor


_threads = threading.local()


def _sqlite_file_number() -> int | None:
    """On SQLite, the number read over a read-only connection of this thread's own: a query
    on a local file costs microseconds, without Django's request cycle around it."""
    reader = getattr(_threads, "sqlite", None)
    if reader is None:
        name = str(connections[DEFAULT_DB_ALIAS].settings_dict["NAME"])
        if name in ("", ":memory:") or "mode=memory" in name:
            return None  # a database only Django's own connection can see (tests)
        reader = _threads.sqlite = sqlite3.connect(f"file:{name}?mode=ro", uri=True)
    try:
        row = reader.execute(f"SELECT number FROM {TABLE} WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def known() -> int | None:
    """The number if it is known without Django's request cycle: the listener's current copy
    on PostgreSQL, a direct read of the file on SQLite; else None."""
    vendor = _vendor()
    if vendor == "postgresql":
        return watcher.current() if settings.PAGE_CACHE_LISTEN else None
    return _sqlite_file_number() if vendor == "sqlite" else None


def current() -> int:
    """The number for this request, through Django's connection if need be."""
    number = known()
    return number if number is not None else read()
