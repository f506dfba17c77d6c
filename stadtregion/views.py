from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from governance.models import Body, Meeting
from members.models import Municipality
from operations.cache import is_shared
from pages.models import NewsArticle
from projects.models import FieldOfAction


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.all()
        context["fields"] = FieldOfAction.objects.all()
        context["bodies"] = Body.objects.all()
        context["latest_news"] = NewsArticle.objects.published()[:3]
        context["next_meetings"] = Meeting.objects.published().upcoming().select_related("body")[:3]
        return context


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database error means "not ready"
        return False
    return True


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", timeout=10)
        return cache.get("healthz") == "ok"
    except Exception:  # an unreachable Redis raises ConnectionError, among others
        return False


@never_cache
def healthz(request):
    """Liveness and readiness for the container and the proxy: the database and, when
    configured, Redis (cache, rate limits, sessions' partner) each say "ok" or "unreachable";
    503 unless all are ok."""
    checks = {"database": _database_ok()}
    if is_shared(caches["default"]):  # the backend itself, not the proxy `cache`
        checks["cache"] = _cache_ok()
    body = {name: "ok" if ok else "unreachable" for name, ok in checks.items()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **body}, status=200 if healthy else 503
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
