from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.db.models.signals import post_save
from django.dispatch import receiver

from governance.models import Document

from .backends import CONFIG
from .models import DocumentText


@receiver(post_save, sender=Document, dispatch_uid="search.index_document_text")
def index_document_text(sender, instance, raw=False, update_fields=None, **kwargs):
    """Stores the vector of the PDF's text whenever it may have changed (PostgreSQL only)."""
    if raw or connection.vendor != "postgresql":
        return
    if update_fields is not None and "text_content" not in update_fields:
        return
    vector = SearchVector(Value(instance.text_content), weight="C", config=CONFIG)
    DocumentText.objects.update_or_create(document=instance, defaults={"vector": vector})
