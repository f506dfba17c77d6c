"""Django's Redis cache, with one client object per connection pool instead of one per call.

Django's RedisCacheClient.get_client() builds a new redis.Redis for every cache operation, and
redis-py fills about 170 response callbacks into each new client: that was a fifth of a page
cache hit. A client is thread-safe and holds no connection of its own (the pool does), so one
per pool serves every thread of a process.
"""

from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.locmem import LocMemCache


def is_shared(cache) -> bool:
    """Whether every process and app server sees the same entries (Redis), not its own memory."""
    return not isinstance(cache, LocMemCache)


class _PooledClientRedisCacheClient(django_redis.RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients_by_pool", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _PooledClientRedisCacheClient
