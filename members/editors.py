"""The "Kommunale Redaktion": a town's own staff edit only what belongs to their municipality.

The rule, in one place:
- Members of the group (TOWN_EDITOR_GROUP_NAME, permissions in stadtregion.permissions) who are
  not superusers are *town editors*. Their towns are their Zuständigkeiten (MunicipalityEditor),
  assigned by the Geschäftsstelle in the user admin. The role narrows: a town editor who is also
  in the Redaktion still edits only their towns. Without a Zuständigkeit they edit nothing.
- They may change (and, where the group allows, delete) an object only if it belongs to one of
  their towns; everything else their view permissions show them read-only. Each admin says
  what "belongs" means with ``town_lookup``, the ORM path from its model to the municipality.
- What would move an object into or out of a town stays read-only to them
  (``town_editor_readonly_fields``): a project's municipalities, so nobody removes their town
  from a project to lock the others out or puts a project on another town's page.
- Every way to save is covered: the change form (GET shows no save button, POST answers 403),
  deletion, bulk actions, the changelist's editable columns and restoring an old version.

Superusers and the Redaktion alone keep every right they had.
"""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from core.staff import TOWN_EDITOR_GROUP_NAME

from .models import Municipality, MunicipalityEditor

_CACHE_ATTRIBUTE = "_town_editor_scope"


def town_ids_of(user) -> frozenset[int] | None:
    """The municipalities ``user`` may edit, or None if the role does not restrict them."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not user.groups.filter(name=TOWN_EDITOR_GROUP_NAME).exists():
        return None
    return frozenset(
        MunicipalityEditor.objects.filter(user=user).values_list("municipality_id", flat=True)
    )


class _Scope:
    """A request's town editor scope, with the answers already given (two queries at most per
    request for the scope, one per object asked about)."""

    def __init__(self, user):
        self.town_ids = town_ids_of(user)
        self._owned: dict[tuple[str, object], bool] = {}

    def owns(self, model, pk, lookup: str) -> bool:
        if self.town_ids is None:
            return True
        key = (model._meta.label, pk)
        if key not in self._owned:
            self._owned[key] = (
                bool(self.town_ids)
                and model._default_manager.filter(
                    pk=pk, **{f"{lookup}__in": self.town_ids}
                ).exists()
            )
        return self._owned[key]


def scope(request) -> _Scope:
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(request, _CACHE_ATTRIBUTE, _Scope(request.user))
    return getattr(request, _CACHE_ATTRIBUTE)


def is_town_editor(request) -> bool:
    return scope(request).town_ids is not None


class MyTownsFilter(admin.SimpleListFilter):
    """ "Meine Kommune(n)" in the changelists of a town editor."""

    title = _("Zuständigkeit")
    parameter_name = "zustaendigkeit"

    def lookups(self, request, model_admin):
        return [("meine", _("Meine Kommune(n)"))]

    def queryset(self, request, queryset):
        if self.value() != "meine":
            return queryset
        lookup = f"{self.model_admin_lookup}__in"
        return queryset.filter(**{lookup: scope(request).town_ids or ()}).distinct()

    def __init__(self, request, params, model, model_admin):
        self.model_admin_lookup = model_admin.town_lookup
        super().__init__(request, params, model, model_admin)


class TownEditorAdminMixin:
    """For admins of objects that belong to municipalities (see the module docstring)."""

    town_lookup: str  # ORM path from the model to Municipality, e.g. "municipalities"
    town_editor_readonly_fields: tuple[str, ...] = ()

    def _owns(self, request, obj) -> bool:
        return obj is None or scope(request).owns(self.model, obj.pk, self.town_lookup)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._owns(request, obj)

    def readonly_reason(self, request, obj) -> str:
        if not self._owns(request, obj):
            return _(
                "Nur lesbar: Dieser Eintrag gehört nicht zu Ihrer Kommune. Ändern können ihn "
                "die Redaktion der Geschäftsstelle und die Redaktion der beteiligten Kommunen."
            )
        return super().readonly_reason(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if is_town_editor(request):
            readonly += [f for f in self.town_editor_readonly_fields if f not in readonly]
        return readonly

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        return [MyTownsFilter, *list_filter] if is_town_editor(request) else list_filter

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.related_model is Municipality and formfield and is_town_editor(request):
            # New or moved objects land in one of their own towns, never in the Geschäftsstelle.
            formfield.queryset = formfield.queryset.filter(pk__in=scope(request).town_ids)
            formfield.required = True
            # Not the field's own hint ("leer lassen für die Geschäftsstelle"): they may not.
            formfield.help_text = _("Eine Ihrer Kommunen; nur diese können Sie wählen.")
        return formfield

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if is_town_editor(request):
            changelist.list_editable = ()  # its rows may belong to other towns
        return changelist

    def changelist_view(self, request, extra_context=None):
        if is_town_editor(request) and request.method == "POST" and "_save" in request.POST:
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_town_editor(request):
            return actions
        return {
            name: (self._own_rows_only(func), name, description)
            for name, (func, name, description) in actions.items()
        }

    def _own_rows_only(self, func):
        @wraps(func)
        def action(modeladmin, request, queryset):
            own = queryset.filter(**{f"{self.town_lookup}__in": scope(request).town_ids})
            if queryset.exclude(pk__in=own.values("pk")).exists():
                raise PermissionDenied
            return func(modeladmin, request, queryset)

        return action


class TownEditorInlineMixin:
    """For inlines of a town's own rows: editable exactly when the parent object is."""

    parent_town_lookup = "pk"  # ORM path from the parent model to Municipality

    def _owns(self, request, obj) -> bool:
        return obj is None or scope(request).owns(
            self.parent_model, obj.pk, self.parent_town_lookup
        )

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._owns(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._owns(request, obj)
