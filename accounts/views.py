from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp import user_has_device

from core import ratelimit
from core.client import client_address
from core.siteurl import scheme_and_host

from . import twofactor
from .forms import StaffPasswordResetForm, TokenForm

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
    """django-axes' answer once an account or an address is locked (AXES_LOCKOUT_CALLABLE)."""
    return _admin_page(
        request,
        "admin/locked_out.html",
        {
            "title": "Anmeldung gesperrt",
            "minutes": int(get_cool_off(request).total_seconds() // 60),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()


@never_cache
@csrf_protect
def two_factor_setup(request):
    """Set up the authenticator app: scan the QR code, confirm with a code.

    Open to every signed-in staff member, also before the second factor (a superuser must set it
    up first). Whoever already has a device must have used it in this session: a password alone
    never replaces the phone.
    """
    user = request.user
    if not (user.is_active and user.is_staff) or (user_has_device(user) and not user.is_verified()):
        return redirect_to_login(request.get_full_path(), "admin:login")
    device = twofactor.pending_device(user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        twofactor.confirm(device)
        otp_login(request, device)
        messages.success(request, "Die Zwei-Faktor-Anmeldung ist eingerichtet.")
        return redirect("admin:index")
    return _admin_page(
        request,
        "admin/two_factor_setup.html",
        {
            "title": "Zwei-Faktor-Anmeldung einrichten",
            "form": form,
            "qr_code": twofactor.qr_data_uri(device),
            "secret": twofactor.secret_for_typing(device),
            "required": user.is_superuser,
            "configured": user_has_device(user),
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
    pass


class PasswordResetCompleteView(AdminContextMixin, auth_views.PasswordResetCompleteView):
    pass
