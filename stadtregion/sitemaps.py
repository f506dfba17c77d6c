from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from figures.models import Indicator
from governance.models import Body, Document, Meeting
from members.models import Municipality
from pages.models import NewsArticle, Page
from projects.models import FieldOfAction, Project, WorkingGroup


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "home", "members:list", "projects:field_list", "projects:project_list",
            "projects:group_list", "governance:body_list", "governance:meeting_list",
            "governance:document_list", "governance:timeline", "news:list", "figures:index",
        ]  # fmt: skip

    def location(self, item):
        return reverse(item)


class ModelSitemap(Sitemap):
    """One section of the sitemap index; long sections are split into pages of ``limit``.

    ``queryset`` is a callable: what is published depends on the time of the request.
    """

    limit = 1000

    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        return self.queryset().order_by("pk")

    def lastmod(self, obj):
        return getattr(obj, "updated_at", None)

    def get_latest_lastmod(self):
        # Django's default loads every item of the section to find the newest; one MAX does.
        return self.queryset().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "static": StaticSitemap,
    "kommunen": ModelSitemap(Municipality.objects.all),
    "handlungsfelder": ModelSitemap(FieldOfAction.objects.all),
    "projekte": ModelSitemap(Project.objects.published),
    "arbeitsgruppen": ModelSitemap(WorkingGroup.objects.published),
    "gremien": ModelSitemap(Body.objects.all),
    "termine": ModelSitemap(Meeting.objects.published),
    "dokumente": ModelSitemap(Document.objects.published),
    "seiten": ModelSitemap(Page.objects.published),
    "aktuelles": ModelSitemap(NewsArticle.objects.published),
    "zahlen": ModelSitemap(Indicator.objects.all),
}
