"""The user admin's side of enrolment links (accounts.enrolment): "Einrichtungslink erstellen" on
a user's change page. Only superusers, the Geschäftsstelle, see and use it."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_otp import user_has_device

from core.siteurl import absolute_url
from editorial.object_step import object_step_context

from . import enrolment, mails


class EnrolmentLinkAdminMixin:
    def get_urls(self):
        return [
            path(
                "<path:object_id>/einrichtungslink/",
                self.admin_site.admin_view(self.enrolment_link_view),
                name="auth_user_enrolment_link",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.user.is_superuser:
            url = reverse(f"{self.admin_site.name}:auth_user_enrolment_link", args=[object_id])
            extra_context = {"enrolment_link_url": url, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def enrolment_link_view(self, request, object_id):
        """GET explains; POST issues a link, shown once here (and mailed to the person if
        asked)."""
        if not request.user.is_superuser:
            raise PermissionDenied
        user = self.get_object(request, unquote(object_id))
        if user is None:
            raise Http404(_("Diesen Eintrag gibt es nicht."))
        link = expires = mailed = None
        can_issue = user.is_active and user.is_staff
        if request.method == "POST" and can_issue:
            link_path, expires = enrolment.issue(user)
            link = absolute_url(link_path)
            if "_mail" in request.POST and user.email:
                mailed = mails.enrolment_link(user, link, expires)
            self.log_change(
                request,
                user,
                _("Einrichtungslink erstellt, gültig bis %s")
                % date_format(expires, "SHORT_DATETIME_FORMAT"),
            )
        context = object_step_context(
            self,
            request,
            user,
            _("Einrichtungslink: %s") % user,
            can_issue=can_issue,
            has_device=user_has_device(user),
            link=link,
            expires=expires,
            mailed=mailed,
            hours=enrolment.hours(),
        )
        return TemplateResponse(request, "admin/enrolment_link.html", context)
