from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from editorial.admin import GermanHistoryMixin

from .models import Synonym, ZeroHitQuery


@admin.register(Synonym)
class SynonymAdmin(GermanHistoryMixin, SimpleHistoryAdmin):
    list_display = ["term", "equivalents"]
    search_fields = ["term", "equivalents"]
    fields = ["term", "equivalents"]


@admin.register(ZeroHitQuery)
class ZeroHitQueryAdmin(admin.ModelAdmin):
    """Counted by the search itself (search.stats); editors read it to add synonyms, and may
    delete what they have dealt with."""

    list_display = ["query", "count", "last_day"]
    search_fields = ["query"]
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
