from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.models import Document


class DocumentText(models.Model):
    """The search vector of a document's PDF text, stored (PostgreSQL only; see backends.py).

    A PDF's text is by far the largest thing the search reads; parsing it for every query took
    seconds with a thousand long documents. Only the vector lives here: whether a document may
    be found is always decided by its own row (Document.objects.published()), so a vector that
    is missing or out of date can cost a hit, never show a draft. Kept current by signals.py;
    `manage.py extract_document_text --alle` rebuilds every one.
    """

    document = models.OneToOneField(
        Document,
        verbose_name=_("Dokument"),
        primary_key=True,
        related_name="search_text",
        on_delete=models.CASCADE,
    )
    vector = SearchVectorField(_("Suchvektor des Volltexts"))

    changes_public_pages = True  # what the search finds

    class Meta:
        verbose_name = _("Suchindex eines Dokuments")
        verbose_name_plural = _("Suchindex der Dokumente")

    def __str__(self):
        return str(self.document_id)
