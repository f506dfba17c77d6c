"""Fixed-window counters in the shared cache (Redis in production), keyed by a hash.

Every rate limit of the site counts here, so limits hold across all workers and app servers
that share REDIS_URL. Keys are salted hashes: no client address is ever stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(scope: str, subject: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{subject}".encode()).hexdigest()
    return f"ratelimit:{scope}:{digest[:32]}"


def count(scope: str, subject: str, *, window: int) -> int:
    """Counts one event for subject and returns how many fell into the current window."""
    key = _key(scope, subject)
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def current(scope: str, subject: str) -> int:
    return cache.get(_key(scope, subject), 0)


def reset(scope: str, subject: str) -> None:
    cache.delete(_key(scope, subject))
