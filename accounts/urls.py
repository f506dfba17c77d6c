"""Password reset by e-mail and the enrolment links of the second factor, under the admin's
address; the reset's names are the ones the admin login looks for ("Passwort oder Benutzername
vergessen?")."""

from django.urls import path

from . import views

urlpatterns = [
    path("password_reset/", views.PasswordResetView.as_view(), name="admin_password_reset"),
    path("password_reset/done/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("zwei-faktor/<str:token>/", views.two_factor_enrolment, name="two_factor_enrolment"),
]
