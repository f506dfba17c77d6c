from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from governance.models import Body, Meeting
from members.models import Municipality
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


@never_cache
def healthz(request):
    """Liveness and readiness for the container: answers 503 when the database is unreachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database error means "not ready"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
