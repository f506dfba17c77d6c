"""Model bases every content app shares: timestamps, publication with one visibility rule, and
points on the map as plain decimals."""

from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from .staff import is_verified_staff
from .text import clean_text_fields


@cache
def _choice_labels(field: models.Field) -> dict:
    return dict(field.flatchoices)


class TimestampedModel(models.Model):
    """Base for everything office staff edit: when it was created and last changed.

    Who changed what is kept by django-simple-history on each model.

    Every model of ours declares for the page cache (a system check insists):
    ``changes_public_pages``, whether its saves and deletions change a public page; and, if
    pages change by themselves when a moment passes, ``page_change_moments``: a dict of its
    DateTimeField names, each with the condition under which the row's moment counts.
    """

    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert am"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from .unchanged import unchanged_since_last_entry  # it reads models, not the reverse

        # Before the comparison with the last history entry: the pre_save rule would clean the
        # text only after it, and an editor's CR LF would count as a change every time.
        clean_text_fields(self)
        if kwargs.get("update_fields") is not None:  # the caller chose; the history hook judges
            return super().save(*args, **kwargs)
        unchanged = unchanged_since_last_entry(self)
        if unchanged:
            # Nothing to write: "Stand" keeps naming the last change of the content (auto_now
            # applies only to the fields saved); core.unchanged writes no empty entry.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "updated_at"
            ]
        self._history_unchanged = unchanged  # core.unchanged takes this answer, need not ask again
        try:
            return super().save(*args, **kwargs)
        finally:
            del self._history_unchanged

    def _get_FIELD_display(self, field):
        # Django's own builds a dict of every choice, hashing each lazy label (a translation
        # each), on every call: a fifth of a body's page. Our choices are plain strings.
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(value, value), strings_only=True)


class GeoPointModel(models.Model):
    """A point as WGS84 decimals: no spatial database or GDAL needed (docs/architecture.md, "No GDAL")."""

    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("WGS84, z. B. 51.96250"),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("WGS84, z. B. 7.62560"),
    )

    class Meta:
        abstract = True

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @classmethod
    def location_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=Q(latitude__isnull=True, longitude__isnull=True)
            | Q(latitude__isnull=False, longitude__isnull=False),
            name=name,
            violation_error_message=_("Bitte Breiten- und Längengrad gemeinsam angeben."),
        )


def live_q(prefix: str = "", now=None) -> Q:
    """The condition "published and within its schedule", for filters across a relation
    (prefix "<relation>__") as well as on the model itself.

    Evaluated against the clock of each query, so a scheduled item appears and disappears on
    time without a job that flips a flag.
    """
    now = now or timezone.now()
    return (
        Q(**{f"{prefix}is_published": True})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": now}))
        & (Q(**{f"{prefix}visible_until__isnull": True}) | Q(**{f"{prefix}visible_until__gt": now}))
    )


class PublishedQuerySet(models.QuerySet):
    """Visibility rule shared by every content type with a draft state."""

    def published(self):
        return self.filter(live_q())

    def visible_to(self, user):
        """Staff who passed the second factor may preview drafts; everybody else sees what is
        published."""
        return self.all() if is_verified_staff(user) else self.published()


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SCHEDULED = "scheduled", _("geplant")
    LIVE = "live", _("öffentlich")
    EXPIRED = "expired", _("abgelaufen")


class ScheduledPublicationModel(TimestampedModel):
    """A draft until an editor publishes it, optionally only from and until given times."""

    changes_public_pages = True
    # A published object appears and disappears on time, without a save.
    page_change_moments = {
        "publish_from": Q(is_published=True),
        "visible_until": Q(is_published=True),
    }

    is_published = models.BooleanField(
        _("veröffentlicht"),
        default=False,
        help_text=_("Neue Inhalte sind Entwürfe; Entwürfe sieht nur die Redaktion."),
    )
    publish_from = models.DateTimeField(
        _("veröffentlichen ab"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, um sofort zu veröffentlichen. Uhrzeit in deutscher Zeit."),
    )
    visible_until = models.DateTimeField(
        _("sichtbar bis"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn der Inhalt dauerhaft sichtbar bleiben soll."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.publish_from and not self.is_published:
            # Without the tick the date does nothing: the item would stay a draft forever.
            raise ValidationError(
                {
                    "is_published": _(
                        "Ein Datum bei „veröffentlichen ab“ wirkt nur mit Haken bei "
                        "„veröffentlicht“. Bitte den Haken setzen (dann erscheint der Inhalt "
                        "zum Datum) oder das Datum leeren."
                    )
                }
            )
        if self.publish_from and self.visible_until and self.visible_until <= self.publish_from:
            raise ValidationError(
                {"visible_until": _("„Sichtbar bis“ muss nach „veröffentlichen ab“ liegen.")}
            )

    @property
    def publication_status(self) -> PublicationStatus:
        now = timezone.now()
        if not self.is_published:
            return PublicationStatus.DRAFT
        if self.publish_from and self.publish_from > now:
            return PublicationStatus.SCHEDULED
        if self.visible_until and self.visible_until <= now:
            return PublicationStatus.EXPIRED
        return PublicationStatus.LIVE

    @property
    def is_live(self) -> bool:
        """What visitors see right now (the rule of live_q, on one loaded object)."""
        return self.publication_status == PublicationStatus.LIVE


class PublishableModel(ScheduledPublicationModel):
    is_demo = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        help_text=_("Erfundener Inhalt zu Vorführzwecken; wird öffentlich so gekennzeichnet."),
    )

    class Meta:
        abstract = True


@cache
def visible_fields(field_class: type) -> tuple[tuple[type, models.Field], ...]:
    """Every (model, field) of this class on a model that says who may see it (visible_to).

    Views that answer for whatever references a file or a video find their objects here. History
    tables copy the fields but not the rule, so they, and any model without one, never answer.
    """
    return tuple(
        (model, field)
        for model in apps.get_models()
        if hasattr(model._default_manager, "visible_to")
        for field in model._meta.get_fields()
        if isinstance(field, field_class)
    )


class Counter(models.Model):
    """A rate limit's count or a used single-use token (core.ratelimit).

    Rows in the database, not cache entries: a flood of cached pages can evict cache entries,
    never these, and they hold on every app server and through a cache outage.
    """

    # Scope and a salted hash, written by core.ratelimit: nobody types it.
    name = models.CharField(max_length=80, primary_key=True, editable=False)
    count = models.PositiveIntegerField(default=1)
    expires_at = models.BigIntegerField(db_index=True)  # Unix seconds: plain numbers everywhere

    changes_public_pages = False  # rate-limit counts and used tokens

    class Meta:
        verbose_name = _("Zähler")
        verbose_name_plural = _("Zähler")
        default_permissions = ()  # nobody edits them in the admin

    def __str__(self):
        return self.name
