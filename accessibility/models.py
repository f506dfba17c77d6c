"""What BITV NRW asks of the portal beyond its pages: a feedback form for barriers and
explanations in Deutsche Gebärdensprache."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import PublishedQuerySet, ScheduledPublicationModel
from uploads.fields import UploadField, stored_size
from uploads.formats import CONTENT_TYPES


class AccessibilityFeedback(models.Model):
    """A report of an accessibility barrier, sent through the form that BITV NRW requires."""

    class Status(models.TextChoices):
        NEW = "neu", _("neu")
        IN_PROGRESS = "in_bearbeitung", _("in Bearbeitung")
        DONE = "erledigt", _("erledigt")

    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    page_url = models.CharField(
        _("betroffene Seite"),
        max_length=500,
        blank=True,
        help_text=_("Adresse oder Name der Seite"),
    )
    message = models.TextField(_("Beschreibung der Barriere"))
    name = models.CharField(_("Name"), max_length=150, blank=True)
    email = models.EmailField(_("E-Mail für die Antwort"), blank=True)
    status = models.CharField(
        _("Bearbeitungsstand"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_note = models.TextField(_("interne Notiz"), blank=True)

    history = HistoricalRecords()

    changes_public_pages = False  # visitors' reports, read by staff only

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} – {self.message[:60]}"


class SignLanguageVideo(ScheduledPublicationModel):
    """A self-hosted video in Deutsche Gebärdensprache (first-party, so it needs no consent)."""

    class Topic(models.TextChoices):
        CONTENT = "inhalt", _("Inhalte der Website")
        NAVIGATION = "navigation", _("Navigation")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        OTHER = "sonstiges", _("Sonstiges")

    title = models.CharField(_("Titel"), max_length=200)
    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices)
    description = models.TextField(_("Kurzbeschreibung"), blank=True)
    video = UploadField(_("Videodatei (MP4 oder WebM)"), kind="video", directory="gebaerdensprache")
    captions = UploadField(
        _("Untertitel (WebVTT)"), kind="captions", directory="untertitel", blank=True
    )
    transcript = models.TextField(
        _("Text zum Video"),
        blank=True,
        help_text=_("Der gesprochene bzw. gebärdete Inhalt als Text."),
    )
    duration = models.DurationField(
        _("Dauer"), help_text=_("Format Stunden:Minuten:Sekunden, z. B. 0:03:25")
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.captions and not self.transcript.strip():
            raise ValidationError(
                _("Bitte Untertitel hochladen oder den Text zum Video eingeben."), code="no_text"
            )

    @property
    def file_size(self) -> int | None:
        return stored_size(self.video)

    @property
    def mime_type(self) -> str:
        return CONTENT_TYPES[self.video.name.rsplit(".", 1)[-1]]
