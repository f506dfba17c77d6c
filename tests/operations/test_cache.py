"""The Redis cache backend reuses one client per connection pool (operations.cache)."""

from operations.cache import RedisCache


def test_one_client_per_pool_serves_every_call():
    backend = RedisCache("redis://127.0.0.1:6379/10", {})
    first = backend._cache.get_client("a")
    assert backend._cache.get_client("b", write=True) is first
    backend.set("pagecache-test", 41)
    assert backend.incr("pagecache-test") == 42
    backend.delete("pagecache-test")
