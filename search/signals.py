"""The search index follows every save and delete of the content it holds (search.index).

Publication, withdrawal and scheduled dates are saves of the object, so its entry follows; a
scheduled date needs nothing more, the entry's window is read at query time. Changes that skip
signals (queryset.update, bulk_create) are caught up by `manage.py search_reindex`.
"""

from django.db.models.signals import post_delete, post_save

from . import index
from .sources import DEPENDENTS, SOURCES


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.index(instance)


def _deleted(sender, instance, **kwargs):
    index.remove(instance)


def _dependent_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    model, pk = DEPENDENTS[sender](instance)
    owner = model._default_manager.filter(pk=pk).first()  # gone when deleted with it
    if owner is not None:
        index.index(owner)


def connect() -> None:
    for source in SOURCES:
        uid = f"search.index.{source.key}"
        post_save.connect(_saved, sender=source.model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=source.model, dispatch_uid=uid)
    for model in DEPENDENTS:
        uid = f"search.index.{model._meta.label_lower}"
        post_save.connect(_dependent_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_dependent_changed, sender=model, dispatch_uid=uid)
