import secrets
from decimal import Decimal

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from editorial.admin import TIMESTAMPS_FIELDSET, EditorialAdmin

from . import importing
from .forms import ImportForm
from .models import Indicator, Value

SESSION_KEY = "figures-import"  # one pending upload per session: {token, name, values}
PREVIEW_ROWS = 500


@admin.register(Indicator)
class IndicatorAdmin(EditorialAdmin):
    list_display = ["name", "field_of_action", "unit", "aggregation", "data_date", "is_demo"]
    list_filter = ["field_of_action", "aggregation", "is_demo"]
    list_select_related = ["field_of_action"]
    search_fields = ["name", "explanation", "source_name", "source_table"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["reports"]
    fieldsets = [
        (_("Indikator"), {"fields": ["name", "slug", "field_of_action", "order", "is_demo"]}),
        (
            _("Beschreibung"),
            {"fields": ["subject", "subject_plural", "explanation", "unit", "decimals"]},
        ),
        (
            _("Quelle"),
            {"fields": ["source_name", "source_table", "source_url", "licence", "data_date"]},
        ),
        (_("Wert für die Region"), {"fields": ["aggregation", "aggregation_note"]}),
        (_("Import aus der Landesdatenbank"), {"fields": ["genesis_code", "genesis_attributes"]}),
        (_("Berichte"), {"fields": ["reports"]}),
        TIMESTAMPS_FIELDSET,
    ]


@admin.register(Value)
class ValueAdmin(EditorialAdmin):
    list_display = ["indicator", "municipality", "year", "value"]
    list_filter = ["indicator", "municipality", "year"]
    list_select_related = ["indicator", "municipality"]
    search_fields = ["indicator__name", "municipality__name"]
    fields = ["indicator", "municipality", "year", "value", "created_at", "updated_at"]
    change_list_template = "admin/figures/value/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="figures_value_import"),
            path("import/bestaetigen/", view(self.confirm_view), name="figures_value_confirm"),
            *super().get_urls(),
        ]

    def _check(self, request):
        if not (
            request.user.has_perm("figures.add_value")
            and request.user.has_perm("figures.change_value")
        ):
            raise PermissionDenied

    def _render(self, request, template, **context):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, **context}
        return TemplateResponse(request, f"admin/figures/value/{template}", context)

    def import_view(self, request):
        """Upload and preview: the parsed values wait in the session until confirmed."""
        self._check(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method != "POST" or not form.is_valid():
            return self._render(request, "import.html", form=form, title="Werte importieren")
        upload = form.cleaned_data["file"]
        try:
            text = importing.decode(upload.read(importing.MAX_BYTES + 1))
            parser = (
                importing.parse_genesis
                if form.cleaned_data["format"] == "genesis"
                else importing.parse_template
            )
            parsed = parser(text)
        except importing.UnreadableFile as error:
            form.add_error("file", str(error))
            return self._render(request, "import.html", form=form, title="Werte importieren")
        if parsed.errors or not parsed.values:
            if not parsed.errors:
                form.add_error("file", "Die Datei enthält keinen Wert zu einem Indikator.")
            return self._render(
                request, "import.html", form=form, errors=parsed.errors,
                skipped=dict(parsed.skipped), title="Werte importieren",
            )  # fmt: skip
        values = {key: value for key, (value, _line) in parsed.values.items()}
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "token": token,
            "name": upload.name,
            "values": [[*key, str(value)] for key, value in values.items()],
        }
        result = importing.plan(values)
        return self._render(
            request, "preview.html", plan=result, token=token, file_name=upload.name,
            skipped=dict(parsed.skipped), preview_rows=PREVIEW_ROWS,
            shown=(result.new + result.changed)[:PREVIEW_ROWS],
            demo_indicators=list(
                Indicator.objects.filter(pk__in={key[0] for key in values}, is_demo=True)
                .values_list("name", flat=True)
            ),
            title="Vorschau des Imports",
        )  # fmt: skip

    def confirm_view(self, request):
        self._check(request)
        pending = request.session.get(SESSION_KEY)
        if request.method != "POST" or not pending or request.POST.get("token") != pending["token"]:
            messages.error(
                request,
                "Dieser Import ist nicht mehr vorhanden. Bitte laden Sie die Datei erneut hoch.",
            )
            return redirect(reverse("admin:figures_value_import"))
        values = {(i, t, y): Decimal(v) for i, t, y, v in pending["values"]}
        result = importing.apply(values, user=request.user, reason=f"Import {pending['name']}")
        del request.session[SESSION_KEY]
        messages.success(
            request,
            f"Import übernommen: {len(result.new)} neue und {len(result.changed)} geänderte "
            f"Werte, {result.unchanged} unverändert.",
        )
        return redirect(reverse("admin:figures_value_changelist"))
