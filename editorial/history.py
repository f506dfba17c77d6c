"""The change history (django-simple-history) as the Redaktion reads it.

- Values look as they do on the site: "ja"/"nein", "–" for nothing, choices by their label,
  German dates and numbers, related objects by name.
- Long texts show only what changed: the removed and the added lines (or sentences).
- A save that changes no tracked field creates no entry (core.unchanged), whoever saves.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from core.unchanged import UNLISTED_FIELDS

EMPTY = "–"
LONG_TEXT = 120  # characters; longer values (and every multi-line text) are shown as a diff
DIFF_LINE_CHARS = 160
DIFF_MAX_LINES = 12
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def format_value(field, value) -> str:
    """``value`` of model field ``field`` as the site shows it."""
    choices = dict(field.flatchoices) if getattr(field, "flatchoices", None) else {}
    if not isinstance(value, list) and value in choices:  # even "" may have a label
        return str(choices[value])
    if isinstance(value, DeletedObject):  # simple-history's stand-in for a missing object
        if value.pk is None:
            return EMPTY
        return f"{capfirst(value.model._meta.verbose_name)} (gelöscht)"
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, list):  # many-to-many: the related objects
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "j. F Y, H:i") + " Uhr"
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j. F Y")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "H:i") + " Uhr"
    if isinstance(value, Decimal | float):
        return formats.number_format(value)
    if isinstance(value, FieldFile):
        return value.name or EMPTY
    return str(value)


def _chunks(text: str) -> list[str]:
    """Lines, and within long lines sentences: the units a text diff compares."""
    chunks = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        chunks.extend(_SENTENCE_END.split(line) if len(line) > DIFF_LINE_CHARS else [line])
    return chunks


def text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The changed lines of a long text: ("-", removed) and ("+", added), shortened."""
    old_chunks, new_chunks = _chunks(old or ""), _chunks(new or "")
    lines = []
    matcher = SequenceMatcher(None, old_chunks, new_chunks, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines += [("-", chunk) for chunk in old_chunks[i1:i2]]
        lines += [("+", chunk) for chunk in new_chunks[j1:j2]]
    shown = [(sign, Truncator(chunk).chars(DIFF_LINE_CHARS)) for sign, chunk in lines]
    if len(shown) > DIFF_MAX_LINES:
        rest = len(shown) - DIFF_MAX_LINES
        shown = [*shown[:DIFF_MAX_LINES], ("", f"… und {rest} weitere geänderte Zeilen")]
    return shown


def _same_text(old, new) -> bool:
    """Whether two values differ only in their line endings (CR LF from a browser, LF stored)."""
    if not (isinstance(old, str | None) and isinstance(new, str | None)):
        return False
    return (old or "").replace("\r\n", "\n").strip() == (new or "").replace("\r\n", "\n").strip()


def _is_long_text(field, old, new) -> bool:
    if field.get_internal_type() == "TextField":
        return True
    return any(isinstance(v, str) and (len(v) > LONG_TEXT or "\n" in v) for v in (old, new))


@dataclass(frozen=True)
class Change:
    field: str  # the field's German label
    old: str
    new: str
    diff: list  # for long texts: (sign, line) pairs instead of old → new


class GermanHistoryContextHelper(HistoricalRecordContextHelper):
    """Formats the changes of one history entry for templates/simple_history/."""

    def context_for_delta_changes(self, delta) -> list[Change]:
        changes = []
        for change in delta.changes:
            if change.field in UNLISTED_FIELDS:
                continue
            field = self.model._meta.get_field(change.field)
            old = self.prepare_delta_change_value(change, change.old)
            new = self.prepare_delta_change_value(change, change.new)
            label = capfirst(str(field.verbose_name))
            if _same_text(old, new):
                continue  # nothing a reader could see
            if not field.many_to_many and _is_long_text(field, old, new):
                diff = text_diff(old, new)
                if diff:  # empty when only blank lines or spacing at line ends changed
                    changes.append(Change(label, "", "", diff))
            else:
                changes.append(
                    Change(label, format_value(field, old), format_value(field, new), [])
                )
        return changes
