"""Weiterleitungen in the admin (written by editorial.redirects, listed and deletable here)
and the link check of the published texts (editorial.links)."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from .links import broken_links
from .redirects import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "updated_at"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["old_path", "new_path", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False  # they come from address changes

    def get_urls(self):
        view = self.admin_site.admin_view(self.link_check_view)
        return [path("linkpruefung/", view, name="editorial_link_check"), *super().get_urls()]

    def link_check_view(self, request):
        """Published texts with internal links that lead nowhere."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("Linkprüfung"),
            "opts": self.opts,
            "broken": broken_links(),
        }
        return TemplateResponse(request, "admin/editorial/link_check.html", context)
