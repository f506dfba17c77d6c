from django.urls import path

from . import views

app_name = "figures"
urlpatterns = [
    path("", views.FiguresIndexView.as_view(), name="index"),
    path("<slug:slug>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
]
