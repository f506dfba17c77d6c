"""One history entry per save, saying what happened (django-simple-history).

One admin save used to write up to three entries: the object's own save, then one per
many-to-many signal (Django's ``set()`` removes and adds). ``one_entry_per_save`` merges the
entries that one action wrote for an object into its last one, which holds the final state.
Changes of inline rows (agenda items of a meeting, contacts of a town) are named in the
parent's entry, and restores say which version they brought back.
"""

from contextlib import contextmanager

from django.db.models import Max
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

# simple-history's history_change_reason is a CharField(max_length=100).
REASON_MAX = 100


def _history_model(model):
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, manager_name).model if manager_name else None


def short_reason(text: str) -> str:
    return Truncator(text).chars(REASON_MAX)


@contextmanager
def one_entry_per_save(model):
    """Within the block, the entries written for each object of ``model`` merge into one."""
    history_model = _history_model(model)
    if history_model is None:
        yield
        return
    start = history_model.objects.aggregate(last=Max("history_id"))["last"] or 0
    yield
    merge_entries(history_model, model._meta.pk.attname, start)


def merge_entries(history_model, pk_name: str, after: int) -> None:
    """Keeps, per object, only the newest of its entries with a history_id above ``after``."""
    groups: dict = {}
    for record in history_model.objects.filter(history_id__gt=after).order_by("history_id"):
        groups.setdefault(getattr(record, pk_name), []).append(record)
    for records in groups.values():
        if len(records) < 2:
            continue
        *older, kept = records
        reasons = list(
            dict.fromkeys(r.history_change_reason for r in records if r.history_change_reason)
        )
        if records[0].history_type == "+" and kept.history_type != "-":
            kept.history_type = "+"  # created in this save: its first entry
        kept.history_change_reason = short_reason("; ".join(reasons)) if reasons else None
        kept.save(update_fields=["history_type", "history_change_reason"])
        history_model.objects.filter(history_id__in=[r.history_id for r in older]).delete()


def inline_changes(formsets) -> str:
    """What the inline rows of one save changed, e.g. "Tagesordnungspunkte: 3. Haushalt
    hinzugefügt, 1. Eröffnung geändert"."""
    parts = []
    for formset in formsets:
        if not formset.has_changed():
            continue
        done = [
            *(_("%s hinzugefügt") % obj for obj in getattr(formset, "new_objects", [])),
            *(_("%s geändert") % obj for obj, _fields in getattr(formset, "changed_objects", [])),
            *(_("%s gelöscht") % obj for obj in getattr(formset, "deleted_objects", [])),
        ]
        if done:
            name = str(formset.model._meta.verbose_name_plural)
            parts.append(f"{name}: {', '.join(done)}")
    return "; ".join(parts)


def write_entry(obj, reason: str) -> None:
    """Saves ``obj`` with a history entry and ``reason`` even if its own fields are unchanged
    (core.unchanged would skip it): its inline rows changed, so the page did."""
    obj._change_reason = short_reason(reason)
    obj._history_force = True
    try:
        obj.save(update_fields=["updated_at"])
    finally:
        del obj._change_reason, obj._history_force


def restore_reason(history_date) -> str:
    when = date_format(localtime(history_date), "j. F Y, H:i")
    return _("Fassung vom %s Uhr wiederhergestellt") % when
