"""The admin site: two-factor rules, the setup page and cheap limits in front of the login."""

import threading

from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse

from core import ratelimit
from core.client import client_address

from . import twofactor
from .forms import StaffLoginForm

LOGIN_SCOPE = "admin-login"
BUSY_RETRY_AFTER = 5  # seconds
_slots = threading.BoundedSemaphore(settings.LOGIN_CONCURRENCY)


class StaffAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/login_otp.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if request.path == reverse("admin:logout", current_app=self.name):
            return True  # signing out needs no second factor
        return twofactor.satisfied(request.user)

    def each_context(self, request):
        context = super().each_context(request)
        if not context["has_permission"]:
            # Signed in without the second factor (or not at all): no list of the admin's apps.
            context.update(available_apps=[], is_nav_sidebar_enabled=False)
        return context

    def login(self, request, extra_context=None):
        if request.method != "POST":
            if twofactor.setup_required(request.user):
                return redirect("admin:two_factor")
            return super().login(request, extra_context)

        from .views import too_many_requests

        # Counted in the shared cache before the form runs: once a client is over the limit, it
        # is answered without looking at accounts and without a password hash.
        limit, window = settings.LOGIN_RATE_LIMIT
        if ratelimit.count(LOGIN_SCOPE, client_address(request), window=window) > limit:
            return too_many_requests(request, retry_after=window)
        # Many clients at once (each under its own limit) still get only a few threads of this
        # worker for their password hashes; the rest stay free for pages and /healthz.
        if not _slots.acquire(blocking=False):
            return too_many_requests(request, retry_after=BUSY_RETRY_AFTER, busy=True)
        try:
            return super().login(request, extra_context)
        finally:
            _slots.release()

    def get_urls(self):
        from .views import two_factor_setup

        return [
            path("zwei-faktor/", two_factor_setup, name="two_factor"),
            *super().get_urls(),
        ]
