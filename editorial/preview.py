"""Previews: a content page exactly as visitors will see it once its object is public.

The object's own public detail view renders it, for an anonymous visitor, inside a transaction
that makes just this object live (and applies its pending version, if asked) and is then rolled
back. So no view logic is copied, other drafts stay hidden and nothing staff-only appears.

Editors open a preview from the admin (editorial.admin_preview); a signed link lets someone without
an account read that one object until the link expires (PREVIEW_LINK_MAX_AGE) or is revoked.
Revocation: "Vorschaulinks ungültig machen" writes an admin log entry (who, when), and a link
issued before the object's latest such entry no longer opens. Publishing revokes nothing: the
link then shows what the public sees anyway.

A model offers pending versions (editorial.pending.PendingVersionMixin) through
``apply_pending_version()``, which writes the pending values to the database.
"""

import copy
import datetime
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.urls import resolve, reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.models import ScheduledPublicationModel
from core.siteurl import absolute_url
from uploads.fields import UploadField
from uploads.media import file_response

SALT = "editorial.preview.link"
# The admin log message that revokes an object's links issued before it.
REVOKED_MESSAGE = "Vorschaulinks ungültig gemacht"
PREVIEW_HEADERS = {
    "X-Robots-Tag": "noindex",
    "Cache-Control": "private, no-store",
    # The token in the address must not travel to other sites.
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class Preview:
    """What the notice on a preview page tells (templates/includes/preview_notice.html)."""

    obj: object
    pending: bool = False
    expires: datetime.datetime | None = None  # for a signed link
    edit_url: str = ""  # for staff: back to the change form
    unsaved: bool = False  # the editor's form as typed, not yet saved (opened in its own tab)


def is_previewable(model) -> bool:
    """Content with a public page and a publication state."""
    return hasattr(model, "get_absolute_url") and issubclass(model, ScheduledPublicationModel)


def render_preview(request, preview: Preview, prepare=None):
    """``prepare``, if given, writes what is to be previewed (inside the rolled-back
    transaction), say an unsaved admin form."""
    obj = preview.obj
    model = type(obj)
    visitor = copy.copy(request)
    visitor.user = AnonymousUser()
    visitor._messages = []  # the editor's admin messages are not part of the page
    visitor.method = "GET"  # a visitor reads the page, even when the editor's form posted
    visitor.POST = QueryDict()
    with transaction.atomic():
        if preview.pending:
            try:
                obj.apply_pending_version()
            except ValidationError as exc:
                raise Http404("Die ausstehende Änderung ist nicht mehr gültig.") from exc
        if prepare is not None:
            prepare()
        # update(), not save(): no history entry, no signal, "Stand" keeps its date.
        model._default_manager.filter(pk=obj.pk).update(
            is_published=True, publish_from=None, visible_until=None
        )
        # Read again: a pending version may have changed the address.
        path = model._default_manager.get(pk=obj.pk).get_absolute_url()
        match = resolve(path)
        # The section's navigation is marked as on the public page.
        visitor.resolver_match = match
        response = match.func(visitor, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.context_data["portal_preview"] = preview
            response.render()
        transaction.set_rollback(True)
    return private_response(response)


def private_response(response):
    """The headers of every answer that only a preview may give (no index, no cache, the token
    never in a Referer)."""
    for header, value in PREVIEW_HEADERS.items():
        response[header] = value
    return response


def max_age() -> int:
    return settings.PREVIEW_LINK_MAX_AGE


def expiry(issued: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(issued + max_age(), tz=datetime.UTC)


def revoke(user, obj) -> None:
    LogEntry.objects.log_actions(
        user.pk, [obj], CHANGE, change_message=REVOKED_MESSAGE, single_object=True
    )


def _revoked_since(obj, issued: float) -> bool:
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        change_message=REVOKED_MESSAGE,
        action_time__gte=datetime.datetime.fromtimestamp(issued, tz=datetime.UTC),
    ).exists()


class LinkGone(Exception):
    """A link that was valid once: expired or revoked."""


def open_token(token: str) -> Preview:
    """The preview a link grants; Http404 for anything not signed by us, LinkGone for a link
    that expired or was revoked."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise LinkGone from exc
    except signing.BadSignature as exc:
        raise Http404("Ungültiger Vorschaulink") from exc
    try:
        model = apps.get_model(data["m"])
        obj = model._default_manager.get(pk=data["pk"]) if is_previewable(model) else None
        issued, pending = float(data["t"]), bool(data["p"])
    except (LookupError, KeyError, TypeError, ValueError, ObjectDoesNotExist) as exc:
        raise Http404("Ungültiger Vorschaulink") from exc
    if obj is None:
        raise Http404("Ungültiger Vorschaulink")
    if _revoked_since(obj, issued):
        raise LinkGone
    return Preview(obj, pending=pending, expires=expiry(issued))


@require_safe
def preview_link(request, token):
    """/vorschau/<token>/: the one object of a signed link, for anybody who has the link."""
    try:
        preview = open_token(token)
    except (Http404, LinkGone) as exc:
        gone = isinstance(exc, LinkGone)
        response = render(
            request,
            "editorial/preview_link_invalid.html",
            {"gone": gone},
            status=410 if gone else 404,
        )
        return private_response(response)
    return _grant_files(render_preview(request, preview), preview.obj, token)


# The files of the previewed object -----------------------------------------------------------
# Its images, videos and PDFs are drafts too, which the media view serves to staff only. On the
# page a link opens, their addresses carry the link's token, and whoever has the token gets
# exactly these files (still private, no-store), as long as the link is valid.

GRANT_PARAMETER = "vorschau"


def _files_by_url(obj) -> dict:
    """The object's stored files under the addresses its page links them by."""
    files = {
        getattr(obj, field.name).url: getattr(obj, field.name)
        for field in obj._meta.fields
        if isinstance(field, UploadField) and getattr(obj, field.name)
    }
    if hasattr(obj, "get_download_url"):  # a document's stable PDF address
        files[obj.get_download_url()] = obj.file
    return files


def _grant_files(response, obj, token: str):
    if getattr(response, "streaming", True) or response.status_code != 200:
        return response
    content = response.content.decode()
    for url in _files_by_url(obj):
        content = content.replace(f'"{url}"', f'"{url}?{GRANT_PARAMETER}={token}"')
    response.content = content.encode()
    return response


def granted_file(request):
    """The previewed object's stored file at this request's address if the request carries a
    valid token for that object; None otherwise."""
    token = request.GET.get(GRANT_PARAMETER)
    if not token:
        return None
    try:
        obj = open_token(token).obj
    except (Http404, LinkGone):
        return None
    return _files_by_url(obj).get(request.path)


def granted_file_response(request):
    """For uploads.media: the answer for a file this request's preview link grants, or None."""
    granted = granted_file(request)
    if granted is None:
        return None
    return private_response(file_response(request, granted, public=False))


def issue_link(request, obj, *, pending: bool = False) -> tuple[str, datetime.datetime]:
    """An absolute link to the preview of ``obj`` and when it expires (local time).

    The token's "t" (issued at, to the microsecond) is what revocation compares with.
    """
    issued = time.time()
    payload = {"m": obj._meta.label_lower, "pk": obj.pk, "p": int(pending), "t": issued}
    token = signing.dumps(payload, salt=SALT, compress=True)
    url = absolute_url(reverse("preview_link", args=[token]))
    return url, timezone.localtime(expiry(issued))
