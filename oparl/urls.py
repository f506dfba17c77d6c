from django.urls import path, re_path

from . import views

app_name = "oparl"
# Keys stay strings here: the views accept only the canonical spelling of a primary key.
urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.body_list, name="body_list"),
    path("body/<slug:key>/", views.body, name="body"),
    path("body/<slug:key>/<slug:kind>/", views.object_list, name="list"),
    path("file/<slug:key>/download/", views.download, name="download"),
    path("<slug:kind>/<slug:key>/", views.object_detail, name="object"),
    # Anything else under /oparl/v1/ answers as JSON, not with the site's HTML 404 page.
    re_path(r"^(?P<path>.*)$", views.not_found),
]
