"""Pending versions: a change to a published page or news article that waits for its own
publication, while the public keeps seeing the published version.

The pending version keeps the admin form's cleaned values (relations as lists of ids, an
uploaded file already stored under its generated name) and, as its base, the live values it
started from. Publishing is a three-way merge: it writes only what the draft changed against
its base, so a later direct change of another field survives; a field changed on both sides
since is a conflict and publishing is refused (PendingConflict), never a silent overwrite.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import clean_text_fields

from .history_entries import one_entry_per_save


class PendingVersion(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey()
    data = models.JSONField(_("Werte"), encoder=DjangoJSONEncoder)
    # The live values when the draft began (same keys as data): what "changed" is measured by.
    base = models.JSONField(_("Ausgangsfassung"), encoder=DjangoJSONEncoder, default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespeichert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("gespeichert am"), auto_now=True)

    changes_public_pages = False  # the public sees the published version

    class Meta:
        verbose_name = _("ausstehende Änderung")
        verbose_name_plural = _("ausstehende Änderungen")
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                name="editorial_one_pending_version_per_object",
            )
        ]

    def __str__(self):
        return _("Ausstehende Änderung vom %s") % self.saved_at

    @classmethod
    def store(cls, form, user) -> "PendingVersion":
        """Keeps the values of a valid admin form for ``form.instance``, continuing an earlier
        pending version (its base stays); the object itself stays as it is."""
        obj = form.instance
        clean_text_fields(obj)  # as a save would: a CR LF is no change
        data = {}
        for name in form.cleaned_data:
            field = _model_field(obj, name)
            if field is None:
                continue
            if isinstance(field, models.FileField):
                # Stores a new upload now (under its generated name); the name is the value.
                data[name] = field.pre_save(obj, add=False).name or ""
            elif field.many_to_many:
                data[name] = sorted(item.pk for item in form.cleaned_data[name])
            else:
                data[name] = field.value_from_object(obj)
        content_type = ContentType.objects.get_for_model(obj)
        with transaction.atomic():
            pending = (
                cls.objects.select_for_update()
                .filter(content_type=content_type, object_id=obj.pk)
                .first()
            )
            if pending is None:
                live = type(obj)._default_manager.get(pk=obj.pk)
                pending = cls(
                    content_type=content_type, object_id=obj.pk, base=snapshot(live, data)
                )
            pending.data = data
            pending.created_by = user
            pending.save()
        return pending

    def _values(self, obj):
        for name, value in self.data.items():
            field = _model_field(obj, name)
            if field is not None:
                yield field, value

    def changed_fields(self, obj) -> list[models.Field]:
        """The fields this draft changes against its base (all, for a draft without one)."""
        return [
            field
            for field, value in self._values(obj)
            if field.name not in self.base or not same_value(field, value, self.base[field.name])
        ]

    def initial(self, obj) -> dict:
        """The draft's changes as initial data of the admin form; every other field shows the
        live value, including changes made to it directly since the draft began."""
        initial = {}
        for field in self.changed_fields(obj):
            value = self.data[field.name]
            if isinstance(field, models.FileField):
                initial[field.name] = FieldFile(obj, field, value) if value else None
            else:
                initial[field.name] = value if field.many_to_many else field.to_python(value)
        return initial

    def conflicts(self, obj) -> list[models.Field]:
        """Fields that the draft changes and that were changed differently on ``obj`` (the live
        object, as stored) since the draft began."""
        live = snapshot(obj, self.data)
        return [
            field
            for field in self.changed_fields(obj)
            if field.name in self.base
            and not same_value(field, live[field.name], self.base[field.name])
            and not same_value(field, live[field.name], self.data[field.name])
        ]

    def apply(self, obj) -> None:
        """Writes the draft's changes to ``obj`` and saves it. PendingConflict if the live
        object changed the same fields since; ValidationError (German) if the values no
        longer fit, say the address is taken by now."""
        conflicts = self.conflicts(obj)
        if conflicts:
            raise PendingConflict(conflicts)
        relations = {}
        for field in self.changed_fields(obj):
            value = self.data[field.name]
            if field.many_to_many:
                relations[field] = value
            else:
                setattr(obj, field.attname, field.to_python(value))
        obj.full_clean()
        author = self.created_by.get_username() if self.created_by else "?"
        obj._change_reason = gettext("Ausstehende Änderung von %s") % author
        with transaction.atomic(), one_entry_per_save(type(obj)):
            obj.save()
            for field, ids in relations.items():
                # Ids of objects deleted meanwhile drop out.
                related = field.related_model._default_manager.filter(pk__in=ids)
                getattr(obj, field.name).set(related)

    def publish(self, obj) -> None:
        with transaction.atomic():
            self.apply(obj)
            self.delete()


class PendingConflict(ValidationError):
    """The live object changed, since the draft began, fields that the draft changes too."""

    def __init__(self, fields):
        self.fields = fields
        names = ", ".join(f"„{field.verbose_name}“" for field in fields)
        super().__init__(
            gettext(
                "Seit Beginn dieses Entwurfs wurde die veröffentlichte Fassung in %s geändert. "
                "Bitte den Entwurf mit der aktuellen Fassung abgleichen und erneut speichern."
            )
            % names,
            code="pending_conflict",
        )


def snapshot(obj, names) -> dict:
    """The values of ``obj``'s fields ``names`` as a pending version stores them."""
    values = {}
    for name in names:
        field = _model_field(obj, name)
        if field is None:
            continue
        if field.many_to_many:
            values[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
        elif isinstance(field, models.FileField):
            values[name] = getattr(obj, field.attname).name or ""
        else:
            values[name] = field.value_from_object(obj)
    return values


def same_value(field, a, b) -> bool:
    """Equal as the field understands them (a stored JSON string and a datetime alike)."""
    if field.many_to_many:
        return sorted(a or []) == sorted(b or [])
    if isinstance(field, models.FileField):
        return (a or "") == (b or "")
    try:
        return field.to_python(a) == field.to_python(b)
    except ValidationError:
        return a == b


def _model_field(obj, name):
    try:
        return obj._meta.get_field(name)
    except FieldDoesNotExist:  # a field removed since the version was saved
        return None


class PendingVersionMixin(models.Model):
    """For models whose published objects may get a pending version."""

    # No column: deletes an object's pending version with it.
    pending_versions = GenericRelation(PendingVersion)

    class Meta:
        abstract = True

    @cached_property
    def pending_version(self) -> PendingVersion | None:
        if self.pk is None:
            return None
        return self.pending_versions.select_related("created_by").first()

    def apply_pending_version(self) -> bool:
        """Writes the pending version to the database (editorial.preview calls this inside a
        transaction that it rolls back); False if there is none."""
        pending = self.pending_version
        if pending is None:
            return False
        pending.apply(self)
        return True
