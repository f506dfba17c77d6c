"""Text as editors (and visitors) type it, made safe for every format the site writes.

Control characters have no meaning in our content, and several formats refuse them: XML 1.0
(Atom feeds, the DCAT catalogue) allows no C0 control but tab and line breaks, iCalendar folds
and escapes lines itself and breaks on a bare carriage return, and PostgreSQL refuses NUL in
text. One rule for all of them:

- line breaks of every kind (CR LF, CR, vertical tab, form feed, NEL, U+2028, U+2029) become LF;
- other C0 and C1 controls, DEL, U+FFFE/U+FFFF and lone surrogates are removed;
- single-line text (a CharField, a title) also turns LF and tab into a space.

Applied when text is saved (`clean_text_fields`, for every model of ours) and again where it is
written, so rows stored before the rule cannot break an answer either.
"""

import re
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_UNCLEAN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Multi-line text: LF line breaks and tabs kept, every other control character gone."""
    if not _UNCLEAN.search(value):  # the usual case, at the cost of one scan
        return value
    return _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", value))


def clean_line(value: str) -> str:
    """Single-line text: as clean_text, with line breaks and tabs as spaces."""
    if not _UNCLEAN_LINE.search(value):
        return value
    return clean_text(value).replace("\n", " ").replace("\t", " ")


@cache
def _text_fields(model) -> tuple[tuple[str, bool], ...]:
    """(attribute, multi-line) of the model's text columns, if the model is one of ours."""
    try:
        owner = apps.get_app_config(model._meta.concrete_model._meta.app_label)
    except LookupError:  # Django's migration records
        return ()
    if Path(owner.path).parent != settings.BASE_DIR:
        return ()  # Django's and the libraries' models (and proxies of them) keep their rules
    return tuple(
        (field.attname, isinstance(field, models.TextField))
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    )


def clean_text_fields(instance) -> None:
    """Cleans every text field of ``instance`` in place (TextField multi-line, CharField not)."""
    for attname, multiline in _text_fields(type(instance)):
        value = getattr(instance, attname)
        if isinstance(value, str) and value:
            setattr(instance, attname, clean_text(value) if multiline else clean_line(value))


def clean_before_save(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver: whatever saves (admin, seed, ORM), no control character is stored.
    Fixtures (``raw``) are loaded as they are."""
    if not raw:
        clean_text_fields(instance)
