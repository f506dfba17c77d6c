"""No lost updates: every admin form carries the version of the object it started from (the
hidden field ``_base_version``). A save, a restore or a publication whose base has changed
since is refused with both versions side by side; the editor's typing stays in the form, and
saving again (now on the new base) is a deliberate choice.

The version is the object's ``updated_at`` and, for objects with pending versions, the draft's
``saved_at``: a draft saved by a colleague moves it as much as a direct change.
"""

from django.contrib.admin.utils import unquote
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from .compare import rows

FIELD = "_base_version"


def version_token(obj) -> str:
    """The version of ``obj`` as stored (empty for a model without ``updated_at``)."""
    if obj is None or obj.pk is None or not hasattr(obj, "updated_at"):
        return ""
    current = type(obj)._default_manager.filter(pk=obj.pk).values_list("updated_at", flat=True)
    token = current.first().isoformat() if current.exists() else ""
    pending = getattr(obj, "pending_versions", None)
    if pending is not None:
        saved = pending.values_list("saved_at", flat=True).first()
        token += "|" + (saved.isoformat() if saved else "")
    return token


def is_stale(request, obj) -> bool:
    """A form posted on a base other than the stored version (a form without the field, say
    from a script, is not checked)."""
    posted = request.POST.get(FIELD)
    return bool(posted) and posted != version_token(obj)


def last_saved_by(obj) -> tuple[str, object]:
    """Who saved the stored version of ``obj``, and when."""
    pending = getattr(obj, "pending_version", None)
    if pending is not None:
        author = pending.created_by
        return (
            author.get_full_name() or author.get_username()
        ) if author else "?", pending.saved_at
    history = getattr(obj, "history", None)
    entry = history.select_related("history_user").first() if history is not None else None
    user = entry.history_user if entry is not None else None
    name = (user.get_full_name() or user.get_username()) if user else _("jemand anderes")
    return name, obj.updated_at


def conflict_message(obj) -> str:
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    name, when = last_saved_by(obj)
    return _(
        "Während Sie bearbeitet haben, hat %(name)s diesen Eintrag am %(when)s Uhr gespeichert. "
        "Nichts wurde überschrieben: Unten stehen beide Fassungen nebeneinander. Übernehmen Sie, "
        "was bleiben soll, und speichern Sie erneut."
    ) % {"name": name, "when": date_format(localtime(when), "j. F Y, H:i")}


def stored_values(obj, form) -> dict:
    """The stored version of ``obj`` as initial values of ``form`` (a draft over the live
    values, where there is one)."""
    values = model_to_dict(obj, fields=list(form.fields))
    pending = getattr(obj, "pending_version", None)
    if pending is not None:
        values.update(pending.initial(obj))
    return values


def conflict_rows(form, obj) -> list:
    """Where the posted form differs from the stored version: (label, yours, stored)."""
    stored = stored_values(obj, form)
    names = [
        name
        for name, field in form.fields.items()
        if name in stored and field.has_changed(stored[name], form[name].data)
    ]
    yours = {name: form.cleaned_data.get(name, form[name].data) for name in names}
    return rows(form._meta.model, names, yours, stored)


class VersionCheckAdminMixin:
    """For EditorialAdmin: the version check on the change form and on restores."""

    def _check_version(self, request, obj) -> None:
        # The stored object a stale form collides with, or None.
        stale = request.method == "POST" and obj is not None and is_stale(request, obj)
        request._version_conflict = obj if stale else None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        self._check_version(request, obj)
        context = {"base_version": version_token(obj), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        self._check_version(request, obj)
        context = {"base_version": version_token(obj), **(extra_context or {})}
        return super().history_form_view(request, object_id, version_id, context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        stored = getattr(request, "_version_conflict", None)
        if stored is None:
            return form
        message = conflict_message(stored)

        class VersionCheckedForm(form):
            def clean(self):
                cleaned = super().clean()
                self.add_error(None, message)
                return cleaned

        return VersionCheckedForm

    def _conflict_context(self, request, context) -> None:
        stored = getattr(request, "_version_conflict", None)
        if stored is not None:
            context["version_conflict"] = conflict_rows(context["adminform"].form, stored)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        self._conflict_context(request, context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def render_history_view(self, request, template, context, **kwargs):
        if "adminform" in context:  # the restore form, not the list
            self._conflict_context(request, context)
        return super().render_history_view(request, template, context, **kwargs)
