"""Tells a CDN in front of the site that every page changed, after a change was committed.

PAGE_CACHE_PURGE_URL receives ``POST {"purge_everything": true}`` (the body Cloudflare's
purge_cache API takes; a Varnish or nginx rule can answer the same request), with
``Authorization: Bearer <PAGE_CACHE_PURGE_TOKEN>`` when a token is set. Sent from a background
thread, so a slow CDN never delays a save; changes that arrive while a purge is under way are
covered by one more purge afterwards, not one each.
"""

import json
import logging
import threading
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT = 5  # seconds

_lock = threading.Lock()
_pending = threading.Event()
_sender: threading.Thread | None = None


def send_purge() -> None:
    """One purge request; failures are logged, never raised."""
    headers = {"Content-Type": "application/json", "User-Agent": "stadtregion-portal"}
    if settings.PAGE_CACHE_PURGE_TOKEN:
        headers["Authorization"] = f"Bearer {settings.PAGE_CACHE_PURGE_TOKEN}"
    request = urllib.request.Request(
        settings.PAGE_CACHE_PURGE_URL,
        data=json.dumps({"purge_everything": True}).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except OSError as error:  # URLError, HTTPError, timeouts
        logger.warning("CDN purge failed: %s", error)


def _send_while_pending() -> None:
    global _sender
    while True:
        _pending.clear()
        send_purge()
        with _lock:
            if not _pending.is_set():
                _sender = None
                return


def schedule_purge() -> None:
    """Purges soon, in the background; a no-op without PAGE_CACHE_PURGE_URL."""
    global _sender
    if not settings.PAGE_CACHE_PURGE_URL:
        return
    with _lock:
        _pending.set()
        if _sender is None:
            _sender = threading.Thread(target=_send_while_pending, name="cdn-purge", daemon=True)
            _sender.start()
