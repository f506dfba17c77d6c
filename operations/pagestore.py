"""Where cached pages live: each process's memory (bounded in bytes) and, with Redis, a store
every app server shares. A shared store that fails is a miss, never an error: the page is
rendered, and the store is left alone for a few seconds instead of being waited for on every
request."""

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from .cache import is_shared

logger = logging.getLogger(__name__)
# After a failure the shared store is skipped this long (seconds).
BACKOFF = 5.0


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored answer: its headers and its body once per content coding, ready to send."""

    headers: tuple[tuple[str, str], ...]
    bodies: dict[str, bytes]  # "identity", and "gzip" and "br" where compressing paid off
    etag: str  # of the identity body, without quotes; codings add a suffix

    @property
    def size(self) -> int:
        return sum(map(len, self.bodies.values())) + sum(len(n) + len(v) for n, v in self.headers)


class LocalMemory:
    """The most recently used entries of this process, at most ``total`` bytes in all (names of
    settings, read on each store); an entry above ``largest`` is never kept. Keys hold the
    version, so a moved version stops finding the old entries, which age out."""

    def __init__(self, total: str, largest: str):
        self._entries: OrderedDict[str, Entry | str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._total, self._largest = total, largest

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: "Entry | str") -> None:
        size = _size(entry)
        if size > getattr(settings, self._largest):
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= _size(old)
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > getattr(settings, self._total):
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= _size(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


class SharedPages:
    """Entries in the cache every app server reaches (Redis), if one is configured."""

    def __init__(self):
        self._down_until = 0.0

    def _cache(self):
        cache = caches[settings.PAGE_CACHE_ALIAS]
        if not is_shared(cache) or time.monotonic() < self._down_until:
            return None
        return cache

    def _failed(self, error: Exception) -> None:
        self._down_until = time.monotonic() + BACKOFF
        logger.warning("shared page cache unavailable, pages are rendered: %s", error)

    def get(self, key: str) -> Entry | None:
        cache = self._cache()
        if cache is None:
            return None
        try:
            entry = cache.get(key)
        except Exception as error:  # connection refused, timeout, a damaged value
            self._failed(error)
            return None
        return entry if isinstance(entry, Entry) else None

    def put(self, key: str, entry: Entry) -> None:
        cache = self._cache()
        if cache is None or entry.size > settings.PAGE_CACHE_MAX_ENTRY_BYTES:
            return
        try:
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception as error:
            self._failed(error)

    def reset(self) -> None:
        self._down_until = 0.0


def _size(entry: "Entry | str") -> int:
    return len(entry) * 2 if isinstance(entry, str) else entry.size  # str: about, in memory


local_pages = LocalMemory("PAGE_CACHE_LOCAL_BYTES", "PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES")
# Rendered parts that many pages share (operations.templatetags.fragments).
local_fragments = LocalMemory("FRAGMENT_CACHE_BYTES", "FRAGMENT_CACHE_MAX_ENTRY_BYTES")
shared_pages = SharedPages()
