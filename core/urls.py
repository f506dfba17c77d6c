"""URL reversal that remembers its answers: the URL configuration does not change while a
process runs, and list pages reverse the same few patterns hundreds of times."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse


@lru_cache(maxsize=8192)
def _reverse(urlconf, prefix: str, viewname: str, args: tuple, kwargs: tuple) -> str:
    return django_reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs))


def reverse(viewname: str, *, args=(), kwargs=None) -> str:
    """django.urls.reverse for plain names and arguments (what get_absolute_url needs)."""
    return _reverse(
        get_urlconf(),
        get_script_prefix(),
        viewname,
        tuple(args),
        tuple(sorted((kwargs or {}).items())),
    )
