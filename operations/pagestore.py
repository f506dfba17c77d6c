"""Where cached pages live: each process's memory (bounded in bytes) and, with Redis, a store
every app server shares. A shared store that fails is a miss, never an error: the page is
rendered, and the store is left alone for a few seconds instead of being waited for on every
request."""

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

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
    # "identity", and "gzip" and "br" where compressing paid off; a file for entries on disk
    bodies: dict[str, bytes | Path]
    etag: str  # of the identity body, without quotes; codings add a suffix

    @property
    def size(self) -> int:
        bodies = sum(len(b) if isinstance(b, bytes) else 0 for b in self.bodies.values())
        return bodies + sum(len(n) + len(v) for n, v in self.headers)


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


class DiskPages:
    """Answers too large for each process's memory (the open-data downloads, above all), in files
    that every process of this host shares and sends without reading them into memory (the WSGI
    server's file wrapper). At most PAGE_CACHE_DISK_BYTES in all: the oldest files go first, and
    keys hold the version, so files of older versions are the first to go."""

    def _folder(self) -> Path | None:
        if not settings.PAGE_CACHE_DISK_BYTES:
            return None
        folder = Path(settings.PAGE_CACHE_DIR)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder

    @staticmethod
    def _name(key: str) -> str:
        return hashlib.blake2b(key.encode(), digest_size=20).hexdigest()

    def get(self, key: str) -> Entry | None:
        folder = self._folder()
        if folder is None:
            return None
        name = self._name(key)
        try:
            meta = json.loads((folder / f"{name}.json").read_text())
        except (OSError, ValueError):
            return None
        bodies = {coding: folder / f"{name}.{coding}" for coding in meta["codings"]}
        return Entry(tuple(map(tuple, meta["headers"])), bodies, meta["etag"])

    def put(self, key: str, entry: Entry) -> None:
        size = sum(len(body) for body in entry.bodies.values())
        if size > settings.PAGE_CACHE_DISK_MAX_ENTRY_BYTES:
            return
        try:
            folder = self._folder()
            if folder is None:
                return
            self._make_room(folder, size)
            name = self._name(key)
            for coding, body in entry.bodies.items():
                _write(folder / f"{name}.{coding}", body)
            meta = {"headers": entry.headers, "etag": entry.etag, "codings": list(entry.bodies)}
            _write(folder / f"{name}.json", json.dumps(meta).encode())  # last: complete now
        except OSError as error:  # a full or read-only disk: the page is rendered next time
            logger.warning("page cache folder unavailable: %s", error)

    @staticmethod
    def _make_room(folder: Path, size: int) -> None:
        files = sorted(
            (entry.stat().st_mtime, entry.stat().st_size, entry.path)
            for entry in os.scandir(folder)
            if entry.is_file()
        )
        total = sum(file_size for _, file_size, _ in files) + size
        for _, file_size, path in files:
            if total <= settings.PAGE_CACHE_DISK_BYTES:
                break
            Path(path).unlink(missing_ok=True)  # a reader that opened it keeps reading
            total -= file_size


def _write(path: Path, body: bytes) -> None:
    """Whole or not at all: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(body)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _size(entry: "Entry | str") -> int:
    return len(entry) * 2 if isinstance(entry, str) else entry.size  # str: about, in memory


local_pages = LocalMemory("PAGE_CACHE_LOCAL_BYTES", "PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES")
# Rendered parts that many pages share (operations.templatetags.fragments).
local_fragments = LocalMemory("FRAGMENT_CACHE_BYTES", "FRAGMENT_CACHE_MAX_ENTRY_BYTES")
shared_pages = SharedPages()
disk_pages = DiskPages()
