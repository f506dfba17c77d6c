from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from editorial.preview import preview_link
from uploads.fields import NAME_PATTERN
from uploads.media import media

from . import views
from .sitemaps import SITEMAPS

admin.site.site_header = "Stadtregion Münster – Redaktion"
admin.site.site_title = "Stadtregion Münster"
admin.site.index_title = "Inhalte verwalten"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # An index of sections, each paginated: the sitemap stays small however much is published.
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    # "Passwort vergessen?" of the admin login (accounts.urls), before the admin's own catch-all.
    path("admin/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("kommunen/", include("opendata.town_urls")),
    path("kommunen/", include("members.urls")),
    path("", include("projects.urls")),
    path("", include("governance.urls")),
    path("zahlen/", include("figures.urls")),
    # Uploads, only for objects the visitor may see (uploads.media); documents also have a
    # stable address of their own.
    re_path(rf"^media/(?P<path>{NAME_PATTERN})$", media, name="media"),
    path("", include("accessibility.urls")),
    path("", include("privacy.urls")),
    path("", include("maps.urls")),
    path("aktuelles/", include("pages.news_urls")),
    path("suche/", include("search.urls")),
    path("vorschau/<str:token>/", preview_link, name="preview_link"),
    path("opendaten/", include("opendata.urls")),
    path("oparl/v1/", include("oparl.urls")),
    path("", include("pages.urls")),  # last: its /<slug>/ would shadow the routes above
]

handler400 = "stadtregion.errors.bad_request"
handler403 = "stadtregion.errors.permission_denied"
handler404 = "stadtregion.errors.page_not_found"
handler500 = "stadtregion.errors.server_error"
