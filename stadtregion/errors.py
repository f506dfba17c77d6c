"""German error pages that keep the site's layout (and its navigation) intact.

Refusals under /admin/ keep the admin's layout instead, with a way back to where the editor was.
"""

import sys

from django.contrib import admin
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def _in_admin(request) -> bool:
    return request.path.startswith(reverse("admin:index"))


def _back_url(request) -> str:
    """The page the editor came from, if it is one of ours."""
    referer = request.headers.get("Referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if safe and referer != request.build_absolute_uri() else ""


def _refused(request, template: str, *, csrf: bool = False):
    if _in_admin(request):
        context = {
            **admin.site.each_context(request),
            "title": "Formular nicht angenommen" if csrf else "Dafür fehlt Ihnen die Berechtigung",
            "csrf": csrf,
            "back_url": _back_url(request),
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, template, status=403)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return _refused(request, "403.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: an expired or cookie-less form; the technical reason is logged by Django."""
    return _refused(request, "403_csrf.html", csrf=True)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request, so no context processor runs (they may hit a broken database).
    # Django calls this handler while the exception is being handled, wherever it was raised
    # (view, template, middleware), so an unreachable database is told apart here: it is
    # temporary, and visitors and load balancers should learn so (503, Retry-After).
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
