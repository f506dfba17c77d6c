"""The image library. Markdown texts show only images from here (editorial.markdown), so every
picture on the site has an alternative text and comes from our own server."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimestampedModel
from uploads.fields import UploadField

from .fields import markdown_fields

# The library's upload folder: the Markdown renderer knows library images by it.
LIBRARY_DIRECTORY = "bilder"


class ImageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everyone: the library holds pictures meant for the public site, and the media view
        serves a file only for a model that answers this (uploads.media). A picture not yet used
        in a published text is reachable only by its random, unguessable name."""
        return self.all()


# "[" and "]" would end the Markdown image syntax early, '"' its title (the Bildnachweis).
_NO_BRACKETS = RegexValidator(
    r"[\[\]]", inverse_match=True, message=_("Bitte ohne eckige Klammern [ ] schreiben.")
)
_NO_QUOTES = RegexValidator(
    r'["\[\]]',
    inverse_match=True,
    message=_('Bitte ohne gerade Anführungszeichen " und eckige Klammern schreiben; „…“ geht.'),
)


class Image(TimestampedModel):
    title = models.CharField(
        _("Titel"),
        max_length=200,
        help_text=_("Nur für die Bibliothek, damit Sie das Bild finden."),
    )
    file = UploadField(_("Bilddatei"), kind="image", directory=LIBRARY_DIRECTORY)
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=300,
        validators=[_NO_BRACKETS],
        help_text=_(
            "Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen. "
            "Wird beim Einfügen in einen Text übernommen."
        ),
    )
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=200,
        blank=True,
        validators=[_NO_QUOTES],
        help_text=_("z. B. „Foto: Stadt Münster“; erscheint unter dem Bild."),
    )

    objects = ImageQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = True  # a picture shown in published texts

    class Meta:
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        ordering = ["title", "-created_at"]

    def __str__(self):
        return self.title

    @property
    def url(self) -> str:
        return reverse("media", kwargs={"path": self.file.name})

    @property
    def markdown(self) -> str:
        """What the editor's "Bild einfügen" writes into a text."""
        title = f' "{self.credit}"' if self.credit else ""
        return f"![{self.alt_text}]({self.url}{title})"

    def uses(self) -> list[models.Model]:
        """Everything whose Markdown text shows this image, drafts included (they would show a
        gap once published): one query per model with a MarkdownField."""
        conditions = {}
        for model, field in markdown_fields():
            condition = Q(**{f"{field.name}__contains": self.file.name})
            conditions[model] = conditions.get(model, Q()) | condition
        found = []
        for model, condition in conditions.items():
            found.extend(model._default_manager.filter(condition))
        return found


# Models of the editorial workflow, kept with the code that uses them.
from .edit_sessions import EditSession  # noqa: E402, F401
from .redirects import Redirect  # noqa: E402, F401
from .review import ReviewRequest, ReviewSettings  # noqa: E402, F401
