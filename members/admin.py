from django.contrib import admin
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from editorial.admin import TIMESTAMPS_FIELDSET, DemoBadgeFieldMixin, EditorialAdmin
from editorial.admin_labels import ColumnLabelsInlineMixin
from editorial.widgets import MapPickerAdminMixin

from .editors import TownEditorAdminMixin, TownEditorInlineMixin
from .models import ContactPerson, Municipality


class ContactPersonInline(
    TownEditorInlineMixin, DemoBadgeFieldMixin, ColumnLabelsInlineMixin, admin.TabularInline
):
    model = ContactPerson
    fields = ["name", "role", "email", "phone", "is_public", "is_demo", "order"]
    extra = 0
    show_change_link = True


@admin.register(Municipality)
class MunicipalityAdmin(TownEditorAdminMixin, MapPickerAdminMixin, EditorialAdmin):
    town_lookup = "pk"
    # The place in the list of members concerns all twelve.
    town_editor_readonly_fields = ("order", "ags")
    list_display = [
        "name",
        "district",
        "population_column",
        "population_year",
        "has_location",
        "has_coat_of_arms",
        "order",
    ]
    list_editable = ["order"]
    list_filter = ["district", "population_approximate"]
    search_fields = ["name", "official_name", "district", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactPersonInline]
    fieldsets = [
        (
            _("Stammdaten"),
            {
                "fields": [
                    "name",
                    "slug",
                    "official_name",
                    "district",
                    "ags",
                    "joined_year",
                    "order",
                ]
            },
        ),
        (
            _("Einwohner und Fläche"),
            {"fields": ["population", "population_year", "population_approximate", "area_km2"]},
        ),
        (_("Internet"), {"fields": ["website", "service_portal_url", "embed_origins"]}),
        (
            _("Wappen"),
            {
                "fields": ["coat_of_arms", "coat_of_arms_alt"],
                "description": _("Ein Bild braucht immer einen Alternativtext."),
            },
        ),
        (_("Beschreibung"), {"fields": ["description"]}),
        (_("Lage"), {"fields": ["latitude", "longitude"]}),
        TIMESTAMPS_FIELDSET,
    ]

    @admin.display(description=_("Einwohnerzahl"), ordering="population")
    def population_column(self, obj):
        # "16.012", as the public pages write it; the list would show "16012".
        return number_format(obj.population, force_grouping=True)

    @admin.display(description=_("Lage eingetragen"), boolean=True)
    def has_location(self, obj):
        return obj.has_location

    @admin.display(description=_("Wappen"), boolean=True)
    def has_coat_of_arms(self, obj):
        return bool(obj.coat_of_arms)


@admin.register(ContactPerson)
class ContactPersonAdmin(TownEditorAdminMixin, EditorialAdmin):
    town_lookup = "municipality"
    list_display = ["name", "role", "organisation", "email", "phone", "is_public", "is_demo"]
    list_filter = ["is_public", "is_demo", "municipality"]
    search_fields = ["name", "role", "email", "municipality__name"]
    list_select_related = ["municipality"]
    fieldsets = [
        (_("Person"), {"fields": ["name", "role", "municipality", "order"]}),
        (_("Kontakt"), {"fields": ["email", "phone"]}),
        (_("Anzeige"), {"fields": ["is_public", "is_demo"]}),
        TIMESTAMPS_FIELDSET,
    ]

    @admin.display(description=_("Kommune"), ordering="municipality__name")
    def organisation(self, obj):
        return obj.organisation

    def view_on_site(self, obj):
        # Contacts appear on their municipality's page, and only when public.
        if obj.is_public and obj.municipality_id:
            return obj.municipality.get_absolute_url()
        return None
