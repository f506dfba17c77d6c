from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("katalog.ttl", views.catalogue_view, {"serialisation": "turtle"}, name="catalogue_ttl"),
    path("katalog.rdf", views.catalogue_view, {"serialisation": "xml"}, name="catalogue_rdf"),
    path("excel/<slug:key>.csv", views.download_excel, name="download_excel"),
    path("<slug:key>.<slug:fmt>", views.download, name="download"),
]
