"""Weiterleitungen in the admin: written by editorial.redirects, readable and correctable here."""

from django.contrib import admin

from .redirects import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "updated_at"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["created_at", "updated_at"]
