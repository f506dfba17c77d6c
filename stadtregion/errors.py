"""German error pages that keep the site's layout (and its navigation) intact."""

from django.shortcuts import render


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors that could hit a broken database.
    return render(request, "500.html", status=500, using=None)
