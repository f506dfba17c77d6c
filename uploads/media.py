"""Uploaded files, served only for an object that the visitor may see.

Nothing under MEDIA_ROOT is reachable by path: the URL names a stored file, the view finds the
object that references it (among every model with an UploadField for that folder), checks that
the object is visible to the visitor (staff see drafts), and answers with the format's fixed
content type, `nosniff` and a policy under which nothing runs. A file that no visible object
references is a 404, whatever the URL.
"""

import hashlib
import re

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, quote_etag
from django.views.decorators.http import require_safe

from core.models import visible_fields

from .fields import UploadField
from .formats import CONTENT_TYPES

# Apps above may grant a file that no visible object references (a preview link grants its
# draft's files): callables taking the request and answering with a response or None.
FILE_GRANTS = []
CHUNK_SIZE = 64 * 1024
# Nothing may run, load or be framed. PDFs keep out of `sandbox`: Chromium and Safari refuse to
# render a PDF in a sandboxed document, and the viewer runs isolated from our origin anyway.
POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
SANDBOXED_POLICY = f"{POLICY}; sandbox"
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def find_visible(name: str, user):
    """The stored file `name` of an object that `user` may see, and whether the public may see
    it too; None if no such object references it."""
    directory = name.split("/", 1)[0]
    for model, field in visible_fields(UploadField):
        if field.directory != directory:
            continue
        objects = model._default_manager.filter(**{field.name: name})
        for viewer, public in ((AnonymousUser(), True), (user, False)):
            obj = objects.visible_to(viewer).first()
            if obj is not None:
                return getattr(obj, field.name), public
    return None


@require_safe
def media(request, path):
    found = find_visible(path, request.user)
    if found is None:
        for grant in FILE_GRANTS:
            response = grant(request)
            if response is not None:
                return response
        raise Http404("Datei nicht gefunden")
    field_file, public = found
    return file_response(request, field_file, public=public)


def file_response(request, field_file, *, public: bool, filename: str | None = None):
    """Streams a stored upload, answering single byte ranges so that video players can seek."""
    extension = field_file.name.rsplit(".", 1)[-1]
    content_type = CONTENT_TYPES.get(extension)
    if content_type is None:
        raise Http404("Datei nicht gefunden")
    try:
        size = field_file.storage.size(field_file.name)
    except (OSError, ValueError) as exc:
        raise Http404("Datei nicht gefunden") from exc
    # A new upload gets a new stored name (the storage never overwrites): name and size are a
    # strong validator without reading the file, and a 304 opens nothing.
    etag = quote_etag(
        hashlib.blake2b(f"{field_file.name}:{size}".encode(), digest_size=12).hexdigest()
    )
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        not_modified["ETag"] = etag
        return _secure(not_modified, content_type, public)
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except (OSError, ValueError) as exc:
        raise Http404("Datei nicht gefunden") from exc

    start, end = 0, size - 1
    status = 200
    match = _RANGE.fullmatch(request.headers.get("Range", "").strip())
    if match and (match[1] or match[2]):
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:  # "bytes=-N": the last N bytes
            start = max(size - int(match[2]), 0)
        if start >= size or start > end:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return _secure(response, content_type, public)
        status = 206

    length = end - start + 1
    handle.seek(start)
    response = StreamingHttpResponse(_chunks(handle, length), status=status)
    response["Content-Length"] = str(length)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Content-Disposition"] = content_disposition_header(
        False, filename or field_file.name.rsplit("/", 1)[-1]
    )
    return _secure(response, content_type, public)


def _chunks(handle, remaining: int):
    with handle:
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk


def _secure(response, content_type: str, public: bool):
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    pdf = content_type == CONTENT_TYPES["pdf"]
    response["Content-Security-Policy"] = POLICY if pdf else SANDBOXED_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # Drafts stay out of shared caches; public files are revalidated, so a withdrawal counts.
    response["Cache-Control"] = "no-cache" if public else "private, no-store"
    return response
