"""Pages office staff edit (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, ...)
and the news (Aktuelles)."""

import datetime
import re
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, ProtectedError, Q
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    PublishableModel,
    PublishedQuerySet,
    ScheduledPublicationModel,
    live_q,
)
from core.urls import reverse
from editorial.fields import MarkdownField
from editorial.pending import PendingVersionMixin
from members.models import Municipality
from privacy.fields import VideoURLField
from projects.models import FieldOfAction, Project
from uploads.fields import UploadField


def _literal_start(pattern) -> tuple[str, bool]:
    """The fixed text a URL pattern begins with, and whether that is the whole pattern."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        return route.split("<", 1)[0], "<" not in route
    regex = str(pattern).removeprefix("^")
    literal = re.match(r"[\w/-]*", regex)[0]
    return literal, regex[len(literal) :] in ("", "$")


def _first_segments(patterns, prefix: str = ""):
    for entry in patterns:
        literal, whole = _literal_start(entry.pattern)
        text = prefix + literal
        if "/" in text:
            yield text.split("/", 1)[0]
        elif isinstance(entry, URLResolver) and whole:
            yield from _first_segments(entry.url_patterns, text)
        elif whole and text:
            yield text  # a route of one segment: "healthz", "robots.txt"


@cache
def _reserved(resolver) -> frozenset[str]:
    segments = set(_first_segments(resolver.url_patterns))
    segments |= {
        url.strip("/").split("/", 1)[0] for url in (settings.STATIC_URL, settings.MEDIA_URL)
    }
    return frozenset(segments - {""} - LEGAL_PAGE_SLUGS)


def reserved_slugs() -> frozenset[str]:
    """The first path segments of the site's other routes, read from the URL configuration
    (and the static and media prefixes): a page must not take or shadow them. A legal page keeps
    its fixed address even where a route lives below it (/barrierefreiheit/feedback/)."""
    return _reserved(get_resolver())


def validate_page_slug(value: str) -> None:
    if value in reserved_slugs():
        raise ValidationError(
            _("Die Adresse „/%(slug)s/“ ist für einen anderen Bereich der Website reserviert."),
            code="reserved_slug",
            params={"slug": value},
        )


# Protected pages that the consent banner, the embeds, the feedback form, the footer and the
# header (Leichte Sprache, Gebärdensprache, which BITV NRW requires) link to by fixed address:
# they can be edited, but not deleted, moved or withdrawn.
LEGAL_PAGE_SLUGS = frozenset(
    {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"}
)
LEGAL_PAGE_DELETE_MESSAGE = _(
    "Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Leichte Sprache und "
    "Gebärdensprache sind gesetzlich vorgeschrieben und fest verlinkt; sie können nicht "
    "gelöscht werden."
)


class PageQuerySet(PublishedQuerySet):
    def published(self):
        # A legal page is never withdrawn: the banner and the footer would link to a 404.
        return self.filter(live_q() | Q(slug__in=LEGAL_PAGE_SLUGS))

    def delete(self):
        legal = list(self.filter(slug__in=LEGAL_PAGE_SLUGS))
        if legal:
            raise ProtectedError(str(LEGAL_PAGE_DELETE_MESSAGE), set(legal))
        return super().delete()


class Page(PendingVersionMixin, ScheduledPublicationModel):
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
        help_text=_(
            "Die Seite erscheint unter /kürzel/. Bitte nach Veröffentlichung nicht ändern."
        ),
    )
    intro = models.CharField(
        _("Einleitung"),
        max_length=400,
        blank=True,
        help_text=_("Ein bis zwei Sätze; erscheint auch in Suchmaschinen."),
    )
    body = MarkdownField(
        _("Inhalt"),
        help_text=_("Überschriften mit ## , Listen mit - , Links als [Text](https://…)."),
    )
    video_url = VideoURLField(
        _("Video (YouTube-Adresse)"),
        blank=True,
        help_text=_("Wird erst nach Einwilligung der Besucherin oder des Besuchers geladen."),
    )
    menu = models.CharField(
        _("Verlinkt in"), max_length=10, choices=Menu.choices, blank=True, default=""
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = PageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    @property
    def is_legal(self) -> bool:
        return self.slug in LEGAL_PAGE_SLUGS

    def _check_fixed_slug(self) -> None:
        """A legal page keeps the address it is stored under (read from the database, so an
        object built elsewhere, say a restored history version, cannot move it either)."""
        if self.pk is None:
            return
        stored = Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored in LEGAL_PAGE_SLUGS and self.slug != stored:
            # Not tied to the slug field: the admin shows it read-only, outside the form.
            raise ValidationError(
                _(
                    "Diese Seite ist unter „/%(slug)s/“ fest verlinkt; die Adresse kann nicht geändert werden."
                ),
                code="fixed_slug",
                params={"slug": stored},
            )

    def clean(self):
        super().clean()
        self._check_fixed_slug()

    def save(self, *args, **kwargs):
        self._check_fixed_slug()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_legal:
            raise ProtectedError(str(LEGAL_PAGE_DELETE_MESSAGE), {self})
        return super().delete(*args, **kwargs)


class NewsArticleQuerySet(PublishedQuerySet):
    def for_detail(self, user):
        """An article's page; its linked projects are only the published ones."""
        return self.visible_to(user).prefetch_related(
            "municipalities",
            "fields_of_action",
            Prefetch(
                "projects", queryset=Project.objects.published(), to_attr="published_projects"
            ),
        )


class NewsArticle(PendingVersionMixin, PublishableModel):
    """A news item ("Aktuelles") with links to the towns, fields of action and projects it concerns."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kürzel in der Adresse"),
        max_length=200,
        unique=True,
        help_text=_(
            "Die Meldung erscheint unter /aktuelles/kürzel/. Bitte nach Veröffentlichung nicht ändern."
        ),
    )
    date = models.DateField(
        _("Datum"), default=datetime.date.today, help_text=_("Wird als Datum der Meldung gezeigt.")
    )
    teaser = models.CharField(
        _("Anreißer"),
        max_length=400,
        help_text=_("Ein bis zwei Sätze für die Übersicht und die Startseite."),
    )
    text = MarkdownField(
        _("Text"),
        help_text=_("Überschriften mit ## , Listen mit - , Links als [Text](https://…)."),
    )
    image = UploadField(_("Bild"), kind="image", directory="aktuelles", blank=True)
    image_alt = models.CharField(
        _("Alternativtext zum Bild"),
        max_length=200,
        blank=True,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen."),
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("Kommunen"), related_name="news_articles", blank=True
    )
    fields_of_action = models.ManyToManyField(
        FieldOfAction, verbose_name=_("Handlungsfelder"), related_name="news_articles", blank=True
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("Projekte"), related_name="news_articles", blank=True
    )

    objects = NewsArticleQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities, fields_of_action, projects])

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-date", "-created_at"]
        # The list's order, so a page of the newest needs no sort of all articles.
        indexes = [models.Index(fields=["-date", "-created_at"], name="newsarticle_list_order")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Bitte einen Alternativtext für das Bild angeben.")}
            )
