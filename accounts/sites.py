"""The admin site: only staff with the second factor, and cheap limits in front of the login."""

import threading
from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from core import ratelimit
from core.client import client_address
from core.staff import is_verified_staff

from .forms import StaffLoginForm

LOGIN_SCOPE = "admin-login"
BUSY_RETRY_AFTER = 5  # seconds
_slots = threading.BoundedSemaphore(settings.LOGIN_CONCURRENCY)


def _may_restore(model_admin, request, object_id, version_id) -> bool:
    current = model_admin.get_object(request, object_id)
    if current is not None:
        return model_admin.has_change_permission(request, current)
    # A deleted object comes back: that adds it anew.
    model = model_admin.model
    history = getattr(model, model._meta.simple_history_manager_attribute)
    try:
        record = history.get(**{model._meta.pk.attname: object_id, "history_id": version_id})
    except (ObjectDoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    return model_admin.has_add_permission(request) and model_admin.has_change_permission(
        request, record.instance
    )


def _restoring_needs_change_permission(view):
    """simple-history's "Frühere Fassung" page saves a POST after checking only the view
    permission, so anyone who may read an object could restore an old version of it. Restoring
    is a change: refused (403) unless the model admin allows changing this very object."""
    model_admin = view.__self__

    @wraps(view)
    def guarded(request, object_id, version_id, *args, **kwargs):
        if request.method == "POST" and not _may_restore(
            model_admin, request, unquote(object_id), version_id
        ):
            raise PermissionDenied
        return view(request, object_id, version_id, *args, **kwargs)

    return guarded


class StaffAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/login_otp.html"

    def has_permission(self, request):
        if request.path == reverse("admin:logout", current_app=self.name):
            return super().has_permission(request)  # signing out needs no second factor
        return is_verified_staff(request.user)

    def admin_view(self, view, cacheable=False):
        # Every model admin's history pages come through here (SimpleHistoryAdmin.get_urls).
        if getattr(view, "__name__", "") == "history_form_view" and hasattr(view, "__self__"):
            view = _restoring_needs_change_permission(view)
        return super().admin_view(view, cacheable)

    def each_context(self, request):
        context = super().each_context(request)
        if not context["has_permission"]:
            # Signed in without the second factor (or not at all): no list of the admin's apps.
            context.update(available_apps=[], is_nav_sidebar_enabled=False)
        return context

    def login(self, request, extra_context=None):
        if request.method != "POST":
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
