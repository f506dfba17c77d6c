import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import GermanPositiveIntegerField
from core.models import GeoPointModel, TimestampedModel
from core.urls import reverse
from editorial.fields import MarkdownField
from uploads.fields import UploadField

# scheme://host[:port] and nothing else: the value goes verbatim into a CSP header, where a
# space, a semicolon or a path would change the policy.
_ORIGIN = re.compile(
    r"https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?"
)


def embed_origin_lines(value: str) -> list[str]:
    """The origins of the text, one a line, lower-cased and without a trailing slash."""
    return [line.strip().rstrip("/").lower() for line in value.splitlines() if line.strip()]


def validate_embed_origins(value: str) -> None:
    invalid = [line for line in embed_origin_lines(value) if not _ORIGIN.fullmatch(line)]
    if invalid:
        raise ValidationError(
            _(
                "Bitte nur Adressen der Form „https://www.beispiel.de“ angeben, eine pro Zeile, "
                "ohne Pfad. Nicht erkannt: %(invalid)s"
            ),
            code="invalid_origin",
            params={"invalid": ", ".join(invalid)},
        )


class MunicipalityQuerySet(models.QuerySet):
    def with_public_contacts(self):
        return self.prefetch_related(
            Prefetch("contacts", queryset=ContactPerson.objects.public(), to_attr="public_contacts")
        )

    def visible_to(self, user):
        return self.all()  # every member is public; there are no drafts


class Municipality(TimestampedModel, GeoPointModel):
    """One of the twelve members (an OParl Body)."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("Kürzel in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_("Teil der Internetadresse, z. B. „havixbeck“. Bitte nicht mehr ändern."),
    )
    official_name = models.CharField(
        _("amtlicher Name"), max_length=150, blank=True, help_text=_("z. B. „Gemeinde Havixbeck“")
    )
    district = models.CharField(
        _("Kreis"), max_length=100, help_text=_("z. B. „Kreis Coesfeld“ oder „kreisfreie Stadt“")
    )
    # The key other registers know the town by (GovData, OParl clients, statistics): stable
    # where name and slug may change. The default only serves rows older than the field.
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        default="",
        validators=[
            RegexValidator(r"^[0-9]{8}\Z", _("Bitte die acht Ziffern angeben, z. B. „05558020“."))
        ],
        help_text=_(
            "Acht Ziffern aus dem Gemeindeverzeichnis des Statistischen Bundesamts, "
            "z. B. „05558020“ für Havixbeck."
        ),
    )
    population = GermanPositiveIntegerField(
        _("Einwohnerzahl"), help_text=_("Mit oder ohne Tausenderpunkt, z. B. „12.512“.")
    )
    population_year = models.PositiveSmallIntegerField(
        _("Einwohnerzahl Stand (Jahr)"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    population_approximate = models.BooleanField(
        _("Einwohnerzahl ist gerundet"), default=False, help_text=_("Wird als „rund“ angezeigt.")
    )
    area_km2 = models.DecimalField(
        _("Fläche (km²)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    website = models.URLField(_("Internetseite"))
    service_portal_url = models.URLField(
        _("Serviceportal"),
        blank=True,
        help_text=_("Adresse des Serviceportals mit den Ansprechpersonen der Kommune."),
    )
    coat_of_arms = UploadField(_("Wappen oder Logo"), kind="image", directory="wappen", blank=True)
    coat_of_arms_alt = models.CharField(
        _("Alternativtext zum Wappen"),
        max_length=200,
        blank=True,
        help_text=_(
            "Beschreibt das Bild für Menschen, die es nicht sehen, z. B. „Wappen der Gemeinde Havixbeck“."
        ),
    )
    description = MarkdownField(
        _("Kurzbeschreibung"),
        blank=True,
        help_text=_("Einfache Formatierung mit Markdown möglich."),
    )
    joined_year = models.PositiveSmallIntegerField(_("Mitglied seit (Jahr)"), null=True, blank=True)
    embed_origins = models.TextField(
        _("Websites, die das Widget einbinden dürfen"),
        blank=True,
        validators=[validate_embed_origins],
        help_text=_(
            "Eine Adresse pro Zeile, z. B. „https://www.havixbeck.de“. Nur diese Websites dürfen "
            "das Widget mit Projekten und Terminen anzeigen; leer: keine."
        ),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = MunicipalityQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["order", "name"]
        constraints = [
            GeoPointModel.location_constraint("municipality_location_complete"),
            models.UniqueConstraint(
                fields=["ags"], condition=~Q(ags=""), name="municipality_ags_unique"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    @property
    def frame_ancestors(self) -> list[str]:
        """The CSP frame-ancestors of the town's widget: its configured origins, else 'none'."""
        return embed_origin_lines(self.embed_origins) or ["'none'"]

    def clean(self):
        if self.coat_of_arms and not self.coat_of_arms_alt.strip():
            raise ValidationError(
                {"coat_of_arms_alt": _("Bitte einen Alternativtext für das Bild angeben.")}
            )


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class ContactPerson(TimestampedModel):
    """A contact in a member administration or, without municipality, in the Geschäftsstelle."""

    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Funktion"), max_length=200, help_text=_("z. B. „Ansprechperson Stadtregion“")
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        related_name="contacts",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Leer lassen für die Geschäftsstelle."),
    )
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    is_public = models.BooleanField(
        _("öffentlich anzeigen"), default=False, help_text=_("Nur mit Einverständnis der Person.")
    )
    is_demo = models.BooleanField(_("Beispielinhalt"), default=False)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = ContactPersonQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["order", "name"]

    def __str__(self):
        where = self.municipality.name if self.municipality_id else _("Geschäftsstelle")
        return f"{self.name} ({where})"

    @property
    def organisation(self) -> str:
        return self.municipality.name if self.municipality_id else str(_("Geschäftsstelle"))


class MunicipalityEditor(models.Model):
    """A "Zuständigkeit": a member of the "Kommunale Redaktion" edits this municipality's page,
    its contacts and the projects it takes part in (members.editors). Assigned by the
    Geschäftsstelle in the user admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        related_name="town_assignments",
        on_delete=models.CASCADE,
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        related_name="editor_assignments",
        on_delete=models.CASCADE,
    )

    changes_public_pages = False  # who edits which town: admin only

    class Meta:
        verbose_name = _("Zuständigkeit")
        verbose_name_plural = _("Zuständigkeiten für Kommunen")
        ordering = ["municipality__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="members_municipality_editor_unique",
                violation_error_message=_("Diese Person ist für die Kommune schon zuständig."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.municipality}"
