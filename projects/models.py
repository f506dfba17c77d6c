from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import GeoPointModel, PublishableModel, PublishedQuerySet, TimestampedModel
from core.urls import reverse
from editorial.fields import MarkdownField
from editorial.pending import PendingVersionMixin
from members.models import ContactPerson, Municipality
from privacy.fields import VideoURLField


class FieldOfAction(TimestampedModel):
    """Handlungsfeld: Siedlungsentwicklung/Wohnen, Mobilität, Klimaschutz, Schulentwicklung."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=100, unique=True)
    summary = models.CharField(_("Kurztext"), max_length=300)
    description = MarkdownField(_("Beschreibung"), blank=True, help_text=_("Markdown möglich."))
    goals = models.TextField(
        _("Ziele"), blank=True, help_text=_("Ein Ziel pro Zeile; Markdown möglich.")
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:field_detail", kwargs={"slug": self.slug})


class WorkingGroup(PublishableModel):
    class Kind(models.TextChoices):
        ARBEITSGRUPPE = "arbeitsgruppe", _("Arbeitsgruppe")
        ARBEITSKREIS = "arbeitskreis", _("Arbeitskreis")
        ARBEITSGEMEINSCHAFT = "arbeitsgemeinschaft", _("Arbeitsgemeinschaft")

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    field_of_action = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        related_name="working_groups",
        on_delete=models.PROTECT,
    )
    summary = models.CharField(_("Kurztext"), max_length=300, blank=True)
    description = MarkdownField(_("Beschreibung"), blank=True, help_text=_("Markdown möglich."))
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("beteiligte Kommunen"),
        related_name="working_groups",
        blank=True,
    )
    contacts = models.ManyToManyField(
        ContactPerson, verbose_name=_("Ansprechpersonen"), related_name="working_groups", blank=True
    )

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        verbose_name = _("Arbeitsgruppe/-kreis/-gemeinschaft")
        verbose_name_plural = _("Arbeitsgruppen, -kreise und -gemeinschaften")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:group_detail", kwargs={"slug": self.slug})


class ProjectQuerySet(PublishedQuerySet):
    def for_list(self):
        return self.select_related("field_of_action").prefetch_related("municipalities")

    def for_detail(self, user):
        """A project page's data; its working group is None unless the user may see it."""
        return (
            self.visible_to(user)
            .select_related("field_of_action")
            .prefetch_related(
                "municipalities",
                Prefetch("working_group", queryset=WorkingGroup.objects.visible_to(user)),
            )
        )


class Project(PendingVersionMixin, PublishableModel, GeoPointModel):
    class Status(models.TextChoices):
        PLANNED = "geplant", _("geplant")
        RUNNING = "laufend", _("laufend")
        COMPLETED = "abgeschlossen", _("abgeschlossen")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=200, unique=True)
    field_of_action = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        related_name="projects",
        on_delete=models.PROTECT,
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("Arbeitsgruppe"),
        related_name="projects",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("beteiligte Kommunen"), related_name="projects", blank=True
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    summary = models.CharField(_("Kurztext"), max_length=300)
    description = MarkdownField(_("Beschreibung"), blank=True, help_text=_("Markdown möglich."))
    location_name = models.CharField(
        _("Ort"), max_length=200, blank=True, help_text=_("Beschriftung des Kartenpunkts")
    )
    website = models.URLField(_("Projektseite"), blank=True)
    video_url = VideoURLField(
        _("Video (YouTube-Adresse)"),
        blank=True,
        help_text=_("Wird erst nach Einwilligung der Besucherin oder des Besuchers geladen."),
    )

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["title"]
        constraints = [
            GeoPointModel.location_constraint("project_location_complete"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_after_start",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    @property
    def is_region_wide(self) -> bool:
        """Every member town takes part: no single town may change it alone (editorial.review)."""
        if self.pk is None:
            return False
        total = Municipality.objects.count()
        return total > 0 and self.municipalities.count() == total

    def clean(self):
        super().clean()
        if (
            self.working_group_id
            and self.field_of_action_id
            and self.working_group.field_of_action_id != self.field_of_action_id
        ):
            raise ValidationError(
                {
                    "working_group": _(
                        "Die Arbeitsgruppe gehört zu einem anderen Handlungsfeld als das Projekt."
                    )
                }
            )
