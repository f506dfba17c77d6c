"""Pending versions: a change to a published page or news article that waits for its own
publication, while the public keeps seeing the published version.

The pending version keeps the admin form's cleaned values (relations as lists of ids, an
uploaded file already stored under its generated name). Publishing writes them to the object
with the usual validation, so the change lands in its history like any other save.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PendingVersion(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey()
    data = models.JSONField(_("Werte"), encoder=DjangoJSONEncoder)
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
        """Keeps the values of a valid admin form for ``form.instance``, replacing an earlier
        pending version; the object itself stays as it is."""
        obj = form.instance
        data = {}
        for name, value in form.cleaned_data.items():
            field = _model_field(obj, name)
            if field is None:
                continue
            if field.many_to_many:
                data[name] = sorted(item.pk for item in value)
            elif isinstance(field, models.FileField):
                # Stores a new upload now (under its generated name); the name is the value.
                data[name] = field.pre_save(obj, add=False).name or ""
            else:
                data[name] = field.value_from_object(obj)
        pending, _created = cls.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            defaults={"data": data, "created_by": user},
        )
        return pending

    def _values(self, obj):
        for name, value in self.data.items():
            field = _model_field(obj, name)
            if field is not None:
                yield field, value

    def initial(self, obj) -> dict:
        """The pending values as initial data of the admin form."""
        initial = {}
        for field, value in self._values(obj):
            if isinstance(field, models.FileField):
                initial[field.name] = FieldFile(obj, field, value) if value else None
            else:
                initial[field.name] = value if field.many_to_many else field.to_python(value)
        return initial

    def apply(self, obj) -> None:
        """Writes the pending values to ``obj`` and saves it (ValidationError, in German, if
        they no longer fit, say the address is taken by now)."""
        relations = {}
        for field, value in self._values(obj):
            if field.many_to_many:
                relations[field] = value
            else:
                setattr(obj, field.attname, field.to_python(value))
        obj.full_clean()
        author = self.created_by.get_username() if self.created_by else "?"
        obj._change_reason = gettext("Ausstehende Änderung von %s") % author
        with transaction.atomic():
            obj.save()
            for field, ids in relations.items():
                # Ids of objects deleted meanwhile drop out.
                related = field.related_model._default_manager.filter(pk__in=ids)
                getattr(obj, field.name).set(related)

    def publish(self, obj) -> None:
        with transaction.atomic():
            self.apply(obj)
            self.delete()


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
