"""German error pages that keep the site's layout (and its navigation) intact."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request, so no context processor runs (they may hit a broken database).
    return HttpResponseServerError(loader.get_template("500.html").render())
