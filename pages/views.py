from django.views.generic import DetailView

from core.views import CacheableListView, ContentFragmentMixin, PublishedMixin

from .models import NewsArticle, Page


class PageView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "page"

    def get_template_names(self):
        # A page may add its own parts (cookie table, videos) in pages/special/<slug>.html.
        return [f"pages/special/{self.object.slug}.html", "pages/page_detail.html"]

    def get_queryset(self):
        return self.visible(Page.objects.all())


class NewsListView(CacheableListView):
    context_object_name = "articles"
    template_name = "pages/news_list.html"
    paginate_by = 10

    def get_queryset(self):
        return NewsArticle.objects.published()


class NewsDetailView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "article"
    template_name = "pages/news_detail.html"

    def get_queryset(self):
        return NewsArticle.objects.for_detail(self.request.user)
