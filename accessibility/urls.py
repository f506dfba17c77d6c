from django.urls import path
from django.views.generic import TemplateView

from . import views

urlpatterns = [
    path("barrierefreiheit/feedback/", views.FeedbackView.as_view(), name="feedback"),
    path(
        "barrierefreiheit/feedback/danke/",
        TemplateView.as_view(template_name="accessibility/feedback_thanks.html"),
        name="feedback_thanks",
    ),
]
