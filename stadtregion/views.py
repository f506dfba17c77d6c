import logging

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, TemplateView

from governance.models import Body, Meeting
from members.models import Municipality
from projects.models import FieldOfAction

from .feedback import FeedbackForm, allow_submission, notify_staff
from .models import Page

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.all()
        context["fields"] = FieldOfAction.objects.all()
        context["bodies"] = Body.objects.all()
        context["next_meetings"] = Meeting.objects.published().upcoming().select_related("body")[:3]
        return context


class PageView(DetailView):
    context_object_name = "page"

    def get_template_names(self):
        # A page may add its own parts (cookie table, videos) in stadtregion/pages/<slug>.html.
        return [f"stadtregion/pages/{self.object.slug}.html", "stadtregion/page_detail.html"]

    def get_queryset(self):
        if self.request.user.is_staff:
            return Page.objects.all()
        return Page.objects.published()


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


class FeedbackView(FormView):
    template_name = "stadtregion/feedback_form.html"
    form_class = FeedbackForm

    def get_initial(self):
        # "Barriere melden" links pass the page the visitor came from.
        return {"page_url": self.request.GET.get("seite", "")[:500]}

    def form_valid(self, form):
        if not allow_submission(self.request):
            return self.render_to_response(
                self.get_context_data(form=form, rate_limited=True), status=429
            )
        feedback = form.save()
        try:
            notify_staff(feedback, self.request)
        except OSError:
            # The report is saved and shown in the admin even when the mail server is down.
            logger.exception("Could not notify staff about feedback %s", feedback.pk)
        return redirect("feedback_thanks")
