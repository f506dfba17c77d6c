"""The site's URLs plus a bare view to compare against (scripts/bench_load.py)."""

from django.http import HttpResponse
from django.urls import include, path

BARE_PAGE = ("<!DOCTYPE html><html lang='de'><title>bare</title><p>" + "x" * 20_000).encode()


def bare(request):
    """Django's cheapest page of the same size: no template, no query. It passes the whole
    middleware stack on every request: "private" keeps it out of the page cache."""
    response = HttpResponse(BARE_PAGE)
    response["Cache-Control"] = "private"
    return response


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("stadtregion.urls")),
]
