from django.views.generic import DetailView

from core.views import PublishedMixin

from .models import Page


class PageView(PublishedMixin, DetailView):
    context_object_name = "page"

    def get_template_names(self):
        # A page may add its own parts (cookie table, videos) in pages/special/<slug>.html.
        return [f"pages/special/{self.object.slug}.html", "pages/page_detail.html"]

    def get_queryset(self):
        return self.visible(Page.objects.all())
