from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import TimestampedModel
from projects.models import PublishedQuerySet
from projects.video import validate_video_url

# First path segments that belong to the apps; a simple page must not shadow them.
RESERVED_SLUGS = frozenset(
    {
        "admin", "api", "arbeitsgruppen", "chronik", "dokumente", "gremien", "handlungsfelder",
        "healthz", "karte", "kommunen", "media", "projekte", "static", "suche", "termine",
        "datenschutz-einstellungen", "sitemap.xml", "robots.txt", "start",
    }
)  # fmt: skip


def validate_page_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("Die Adresse „/%(slug)s/“ ist für einen anderen Bereich der Website reserviert."),
            code="reserved_slug",
            params={"slug": value},
        )


class Page(TimestampedModel):
    """A page office staff edit: Impressum, Datenschutz, Über uns, Barrierefreiheit, ..."""

    class Menu(models.TextChoices):
        NONE = "", _("nirgends verlinken")
        MAIN = "main", _("Hauptnavigation")
        FOOTER = "footer", _("Fußzeile")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kürzel in der Adresse"),
        max_length=100,
        unique=True,
        validators=[validate_page_slug],
        help_text=_("Die Seite erscheint unter /kürzel/. Bitte nach Veröffentlichung nicht ändern."),
    )
    intro = models.CharField(
        _("Einleitung"), max_length=400, blank=True, help_text=_("Ein bis zwei Sätze; erscheint auch in Suchmaschinen.")
    )
    body = models.TextField(
        _("Inhalt"),
        help_text=_("Überschriften mit ## , Listen mit - , Links als [Text](https://…)."),
    )
    video_url = models.URLField(
        _("Video (YouTube-Adresse)"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("Wird erst nach Einwilligung der Besucherin oder des Besuchers geladen."),
    )
    menu = models.CharField(_("Verlinkt in"), max_length=10, choices=Menu.choices, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_published = models.BooleanField(_("veröffentlicht"), default=True)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})
