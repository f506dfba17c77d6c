"""The page cache switched on for a test, and the commit a test's transaction never makes."""

from django.core.cache import caches
from django.db import connection

from operations import pagecache
from operations.pagestore import local_pages, shared_pages


def switch_on(settings) -> None:
    """The page cache on and empty (tests/conftest.py switches it off for every other test)."""
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    local_pages.clear()
    shared_pages.reset()
    pagecache.period.clear()


def commit() -> None:
    """What the test's transaction, which never commits, leaves undone: the callbacks a commit
    would run (the version's move among them)."""
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, callback, _robust in callbacks:
        callback()
