"""Internal links in the published Markdown texts (every MarkdownField): who links to an
object (so that withdrawing or deleting it can name them), and which links lead nowhere.

A link is internal when it starts with "/" or with the site's own address (settings.SITE_URL).
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q

from .fields import markdown_fields

# [text](/path "title") and <a href="/path">: the address up to a space, quote or bracket.
_LINK = re.compile(r"""\]\(\s*<?([^)\s>"]+)|href=["']([^"']+)""")


def _texts():
    """(model, field names, queryset of its published objects) for every Markdown text."""
    by_model = defaultdict(list)
    for model, field in markdown_fields():
        by_model[model].append(field.name)
    for model, fields in by_model.items():
        manager = model._default_manager
        queryset = manager.published() if hasattr(manager, "published") else manager.all()
        yield model, fields, queryset


def internal_path(url: str) -> str | None:
    site = settings.SITE_URL.rstrip("/")
    if site and url.startswith(site + "/"):
        url = url[len(site) :]
    if not url.startswith("/") or url.startswith("//"):
        return None
    return url.split("#", 1)[0].split("?", 1)[0] or None


def internal_links(text: str) -> set[str]:
    found = set()
    for match in _LINK.finditer(text or ""):
        path = internal_path(match[1] or match[2])
        if path:
            found.add(path)
    return found


def linking_texts(obj) -> list:
    """Published texts that link to ``obj``'s page (or below it), ``obj`` itself excluded."""
    path = obj.get_absolute_url()
    site = settings.SITE_URL.rstrip("/")
    found = []
    for _model, fields, queryset in _texts():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__contains": f"]({path}"})
            if site:
                condition |= Q(**{f"{field}__contains": f"]({site}{path}"})
        found.extend(
            text
            for text in queryset.filter(condition)
            if not (isinstance(text, type(obj)) and text.pk == obj.pk)
        )
    return found


@dataclass(frozen=True)
class BrokenLink:
    source: object  # the published text
    path: str
    status: int  # what an anonymous visitor gets (404, 410, …)


def broken_links() -> list[BrokenLink]:
    """Every internal link of a published text that a visitor cannot open. Each address is
    asked once, of the site itself as an anonymous visitor sees it (no network involved)."""
    from django.test import Client  # the site's full answer, redirects followed

    site = urlsplit(settings.SITE_URL)
    client = Client(raise_request_exception=False, HTTP_HOST=site.netloc or "localhost")
    secure = site.scheme == "https"
    status = {}
    broken = []
    for _model, fields, queryset in _texts():
        for text in queryset:
            for path in sorted(set().union(*(internal_links(getattr(text, f)) for f in fields))):
                if path not in status:
                    response = client.get(path, follow=True, secure=secure)
                    status[path] = response.status_code
                if status[path] >= 400:
                    broken.append(BrokenLink(text, path, status[path]))
    return broken


def linking_warning(objects) -> str:
    """A German warning naming the published texts that link to ``objects`` (empty if none)."""
    from django.utils.translation import gettext as _

    parts = []
    for obj in objects:
        if not hasattr(obj, "get_absolute_url"):
            continue
        texts = linking_texts(obj)
        if texts:
            names = ", ".join(f"„{text}“" for text in texts)
            parts.append(_("auf „%(obj)s“ verlinken %(names)s") % {"obj": obj, "names": names})
    if not parts:
        return ""
    return _(
        "Achtung, veröffentlichte Texte verlinken hierher: %s. Ohne die Seite führen diese Links "
        "ins Leere; bitte die Texte anpassen."
    ) % "; ".join(parts)
