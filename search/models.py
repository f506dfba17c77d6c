from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import live_q

from .text import fold, stem


class SearchEntryQuerySet(models.QuerySet):
    def public(self):
        """What visitors may find now: the publication window is read at query time, so a
        scheduled item appears and disappears on time without being indexed again."""
        return self.filter(live_q())


class SearchEntry(models.Model):
    """One findable thing: its visible text as plain text, folded for comparison and (on
    PostgreSQL) as a stored, GIN-indexed vector. Kept current by search.signals; rebuilt by
    `manage.py search_reindex`. Never edited by hand."""

    changes_public_pages = False  # search pages are never cached

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("Art"), max_length=20)
    url = models.CharField(_("Adresse"), max_length=300)
    title = models.CharField(_("Titel"), max_length=300)
    summary = models.TextField(_("Kurztext"), blank=True)
    body = models.TextField(_("Text"), blank=True)
    date = models.DateField(_("Datum"))
    # The visibility of the content itself, copied (a legal page counts as always published).
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    publish_from = models.DateTimeField(_("veröffentlichen ab"), null=True, blank=True)
    visible_until = models.DateTimeField(_("sichtbar bis"), null=True, blank=True)
    # Folded (search.text.fold): the exact-title comparison, parts of words, SQLite's search.
    title_folded = models.CharField(max_length=300, db_index=True)
    summary_folded = models.TextField(blank=True)
    text_folded = models.TextField(blank=True)
    vector = SearchVectorField(null=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Suchindex")
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_one_per_object"
            )
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word of published content, for "Meinten Sie …?" (search.suggest)."""

    changes_public_pages = False  # search pages are never cached

    word = models.CharField(max_length=100, unique=True)  # folded
    display = models.CharField(max_length=100)  # as first seen in the content

    class Meta:
        verbose_name = _("Wort des Suchindex")
        verbose_name_plural = _("Wörter des Suchindex")
        ordering = ["word"]

    def __str__(self):
        return self.display


class Synonym(models.Model):
    """A word visitors type, and the words of the content it should find as well."""

    changes_public_pages = False  # search pages are never cached

    term = models.CharField(
        _("Suchbegriff"),
        max_length=100,
        unique=True,
        help_text=_("Was Besucherinnen und Besucher eingeben, z. B. „Radweg“."),
    )
    equivalents = models.CharField(
        _("findet auch"),
        max_length=500,
        help_text=_(
            "Begriffe, die zusätzlich gesucht werden, durch Komma getrennt, "
            "z. B. „Veloroute, Radverkehr“. Wirkt sofort, ohne neuen Suchindex."
        ),
    )
    # The term folded and without its ending, as queries are compared (search.text).
    term_key = models.CharField(max_length=100, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Synonym")
        verbose_name_plural = _("Synonyme")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.equivalents}"

    def save(self, *args, **kwargs):
        self.term_key = key(self.term)
        super().save(*args, **kwargs)

    @property
    def equivalent_list(self) -> list[str]:
        return [part.strip() for part in self.equivalents.split(",") if part.strip()]


def key(term: str) -> str:
    return " ".join(stem(word) for word in fold(term).split())


class ZeroHitQuery(models.Model):
    """How often a query found nothing: the query's text and a count, nothing about who."""

    changes_public_pages = False  # search pages are never cached

    query = models.CharField(_("Suchanfrage"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)
    last_day = models.DateField(_("zuletzt am"))

    class Meta:
        verbose_name = _("Suche ohne Treffer")
        verbose_name_plural = _("Suchen ohne Treffer")
        ordering = ["-count", "query"]

    def __str__(self):
        return self.query
