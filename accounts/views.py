from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from core import ratelimit
from core.client import client_address
from core.siteurl import scheme_and_host

from . import enrolment, lockout, twofactor
from .forms import EnrolmentForm, StaffPasswordResetForm

RESET_SCOPE = "password-reset"
RESET_EMAIL_SCOPE = "password-reset-email"


def _admin_page(request, template, context=None, *, status=200):
    context = {**admin.site.each_context(request), **(context or {})}
    return TemplateResponse(request, template, context, status=status)


def too_many_requests(request, *, retry_after: int, busy: bool = False):
    """429: this client sent too many, or (busy) the login is at capacity. Rendered without the
    request, so it costs neither a database query nor a context processor."""
    context = {
        "site_header": admin.site.site_header,
        "site_title": admin.site.site_title,
        "busy": busy,
        "minutes": max(1, retry_after // 60),
    }
    content = render_to_string("admin/too_many_requests.html", context)
    return HttpResponse(content, status=429, headers={"Retry-After": str(retry_after)})


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once an address is locked, for one account or for all
    (AXES_LOCKOUT_CALLABLE)."""
    return _admin_page(
        request,
        "admin/locked_out.html",
        {
            "title": "Anmeldung gesperrt",
            "minutes": int(get_cool_off(request).total_seconds() // 60),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()


ENROLMENT_SESSION_KEY = "enrolment-key-{}"


@never_cache
@sensitive_post_parameters("password", "otp_token")
@csrf_protect
def two_factor_enrolment(request, token):
    """/admin/zwei-faktor/<token>/: set up the authenticator app with an enrolment link.

    The key is made for this browser session and kept in it: another session that opens the
    same link sees another key, and only the key whose code is confirmed (with the owner's
    password) becomes a device. Who is signed in here plays no part; the link names the account.
    """
    try:
        link = enrolment.open_link(token)
    except enrolment.LinkGone:
        context = {"title": "Einrichtungslink nicht mehr gültig", "hours": enrolment.hours()}
        return _admin_page(request, "admin/enrolment_gone.html", context, status=410)
    session_key = ENROLMENT_SESSION_KEY.format(link.pk)
    if session_key not in request.session:
        request.session[session_key] = twofactor.new_key()
    device = twofactor.unsaved_device(link.user, request.session[session_key])
    form = EnrolmentForm(request.POST or None, request=request, device=device)
    if request.method == "POST" and form.is_valid():
        if not enrolment.complete(link, device):  # another session was quicker
            return redirect(request.path)
        del request.session[session_key]
        messages.success(
            request,
            "Die Zwei-Faktor-Anmeldung ist eingerichtet. Melden Sie sich jetzt mit Ihrem "
            "Passwort und dem nächsten Code aus der App an.",
        )
        return redirect("admin:login")
    return _admin_page(
        request,
        "admin/two_factor_enrolment.html",
        {
            "title": "Zwei-Faktor-Anmeldung einrichten",
            "form": form,
            "username": link.user.get_username(),
            "qr_code": twofactor.qr_data_uri(device),
            "secret": twofactor.secret_for_typing(device),
        },
    )


class AdminContextMixin:
    """The admin's header and title on Django's own password-reset pages."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordResetView(AdminContextMixin, auth_views.PasswordResetView):
    """Never tells whether an address belongs to an account; limited per client address (429)
    and, silently, per e-mail address, so it cannot flood anybody's mailbox."""

    form_class = StaffPasswordResetForm
    subject_template_name = "registration/staff_password_reset_subject.txt"
    email_template_name = "registration/staff_password_reset_email.txt"

    def post(self, request, *args, **kwargs):
        limit, window = settings.PASSWORD_RESET_RATE_LIMIT
        if ratelimit.count(RESET_SCOPE, client_address(request), window=window) > limit:
            return too_many_requests(request, retry_after=window)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        limit, window = settings.PASSWORD_RESET_RATE_LIMIT
        email = form.cleaned_data["email"].strip().lower()
        if ratelimit.count(RESET_EMAIL_SCOPE, email, window=window) > limit:
            return redirect(self.get_success_url())  # the same answer as when a mail went out
        protocol, domain = scheme_and_host()  # not the request's Host: its port is anybody's
        self.extra_email_context = {
            "site_name": settings.SITE_NAME,
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            "protocol": protocol,
            "domain": domain,
        }
        return super().form_valid(form)


class PasswordResetDoneView(AdminContextMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminContextMixin, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        lockout.unlock(self.user)  # whoever proved the mailbox is not kept out by guessers
        return response


class PasswordResetCompleteView(AdminContextMixin, auth_views.PasswordResetCompleteView):
    pass
