"""Indicators of the stadtregionales Berichtswesen and their values per town and year."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimestampedModel
from core.urls import reverse
from editorial.fields import MarkdownField
from governance.models import Document
from members.models import Municipality
from projects.models import FieldOfAction

FIRST_YEAR, LAST_YEAR = 1950, 2100


class Aggregation(models.TextChoices):
    SUM = "summe", _("Summe der Kommunen")
    MEAN = "mittel", _("Durchschnitt der Kommunen (ungewichtet)")
    NONE = "keine", _("kein Wert für die Region")


class Licence(models.TextChoices):
    """Licences of the sources, with the IRIs DCAT-AP.de accepts (core.licence)."""

    DL_BY = "dl-by-de/2.0", _("Datenlizenz Deutschland – Namensnennung – Version 2.0")
    DL_ZERO = "dl-zero-de/2.0", _("Datenlizenz Deutschland – Zero – Version 2.0")
    CC_BY = "cc-by/4.0", _("Creative Commons Namensnennung 4.0 International")

    @property
    def iri(self) -> str:
        return f"http://dcat-ap.de/def/licenses/{self.value}"


class IndicatorQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("field_of_action").order_by(
            "field_of_action__order", "order", "name"
        )


class Indicator(TimestampedModel):
    """A figure the towns watch together, e.g. the population, with its source and licence."""

    changes_public_pages = True

    name = models.CharField(_("Name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("Kürzel in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_("Teil der Internetadresse und der Importdateien, z. B. „bevoelkerung“."),
    )
    subject = models.CharField(
        _("Satzanfang für die Beschreibung der Diagramme"),
        max_length=150,
        help_text=_(
            "Wie der Indikator einen Satz beginnt, z. B. „Die Einwohnerzahl“ oder „Die Zahl der "
            "fertiggestellten Wohnungen“. Daraus entsteht: „Die Einwohnerzahl der Region stieg "
            "von … auf …“."
        ),
    )
    subject_plural = models.BooleanField(
        _("Satzanfang ist Mehrzahl"),
        default=False,
        help_text=_(
            "Ankreuzen bei „Die fertiggestellten Wohnungen“: dann „stiegen“ statt „stieg“."
        ),
    )
    explanation = MarkdownField(
        _("Erklärung"), help_text=_("Was die Zahl misst, in einfachen Worten; Markdown möglich.")
    )
    unit = models.CharField(_("Einheit"), max_length=50, help_text=_("z. B. „Personen“ oder „kWp“"))
    decimals = models.PositiveSmallIntegerField(
        _("Nachkommastellen"), default=0, validators=[MaxValueValidator(3)]
    )
    field_of_action = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        related_name="indicators",
        on_delete=models.PROTECT,
    )
    source_name = models.CharField(
        _("Quelle"),
        max_length=200,
        help_text=_("z. B. „IT.NRW, Landesdatenbank NRW“"),
    )
    source_table = models.CharField(
        _("Tabelle der Quelle"),
        max_length=50,
        blank=True,
        help_text=_("Kennung der Tabelle, z. B. „12411-01i“"),
    )
    source_url = models.URLField(_("Adresse der Quelle"), blank=True)
    licence = models.CharField(
        _("Lizenz der Daten"), max_length=20, choices=Licence.choices, default=Licence.DL_BY
    )
    data_date = models.DateField(
        _("Stand der Daten"), help_text=_("Wann die Quelle die Zahlen zuletzt veröffentlicht hat.")
    )
    aggregation = models.CharField(
        _("Wert für die Region"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_(
            "Summe nur für Zahlen, die sich addieren lassen (Einwohner, Wohnungen). Anteile, "
            "Quoten und Pendlerzahlen lassen sich nicht addieren."
        ),
    )
    aggregation_note = models.TextField(
        _("Hinweis zum Wert der Region"),
        blank=True,
        help_text=_("Pflicht, wenn es keinen Wert für die Region gibt: warum nicht."),
    )
    genesis_code = models.CharField(
        _("GENESIS-Merkmal"),
        max_length=30,
        blank=True,
        help_text=_(
            "Für den Import aus der Landesdatenbank: der Code in der Spalte "
            "„value_variable_code“, z. B. „BEVSTD“."
        ),
    )
    genesis_attributes = models.CharField(
        _("GENESIS-Ausprägungen"),
        max_length=200,
        blank=True,
        help_text=_(
            "Nur wenn die Tabelle weitere Merkmale hat (Altersgruppe, Schulart): die Codes der "
            "Ausprägungen dieses Indikators, durch Komma getrennt, z. B. „ALT065UM“."
        ),
    )
    reports = models.ManyToManyField(
        Document,
        verbose_name=_("Berichte"),
        related_name="indicators",
        blank=True,
        limit_choices_to={"kind": Document.Kind.REPORT},
        help_text=_("Berichte der Stadtregion, die diese Zahl behandeln."),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_demo = models.BooleanField(
        _("Beispielwerte"),
        default=False,
        help_text=_("Erfundene Werte zu Vorführzwecken; werden öffentlich so gekennzeichnet."),
    )

    objects = IndicatorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("figures:indicator_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.aggregation == Aggregation.NONE and not self.aggregation_note.strip():
            raise ValidationError(
                {
                    "aggregation_note": _(
                        "Bitte erklären, warum es für diese Zahl keinen Wert der Region gibt."
                    )
                }
            )

    @property
    def source(self) -> str:
        return (
            f"{self.source_name}, Tabelle {self.source_table}"
            if self.source_table
            else (self.source_name)
        )

    @property
    def attribute_codes(self) -> frozenset[str]:
        return frozenset(c.strip() for c in self.genesis_attributes.split(",") if c.strip())

    def region_value(self, values: list[Decimal | None]) -> Decimal | None:
        """The region's value from the towns' values of one year: only when every town has one
        (a sum over eleven towns is no region total) and the rule allows it."""
        if self.aggregation == Aggregation.NONE or not values or None in values:
            return None
        total = sum(values, Decimal(0))
        if self.aggregation == Aggregation.SUM:
            return total
        return total / len(values)


class Value(TimestampedModel):
    changes_public_pages = True

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("Indikator"), related_name="values", on_delete=models.CASCADE
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        related_name="indicator_values",
        on_delete=models.CASCADE,
    )
    year = models.PositiveSmallIntegerField(
        _("Jahr"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    value = models.DecimalField(_("Wert"), max_digits=15, decimal_places=3)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        ordering = ["indicator_id", "year", "municipality_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "year"],
                name="value_one_per_town_and_year",
                violation_error_message=_(
                    "Für diese Kommune und dieses Jahr gibt es schon einen Wert."
                ),
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.municipality}, {self.year}"
