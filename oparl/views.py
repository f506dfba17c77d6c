"""OParl 1.1 endpoints under /oparl/v1/: JSON in UTF-8 without BOM, CORS open to every origin,
errors as OParl Error objects (400 for malformed parameters, 404 for unknown ids)."""

import json
from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from core.interfaces import ALLOWED_METHODS, interface
from governance.models import Document
from uploads.media import file_response

from . import serializers as s
from .kinds import FILE, KINDS, Kind
from .listing import BadRequest, ListQuery, Page, paginate, parse_query

ERROR_TYPE = f"{s.SCHEMA}Error"


def oparl_json(data: dict, status: int = 200) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status: int, message: str, debug: str = "") -> HttpResponse:
    data = {"type": ERROR_TYPE, "message": message}
    if debug:
        data["debug"] = debug
    response = oparl_json(data, status)
    if status == 405:
        response["Allow"] = ALLOWED_METHODS
    return response


def _not_allowed(request) -> HttpResponse:
    return error(405, "Die Schnittstelle kann nur gelesen werden (GET).")


def oparl_view(view: Callable) -> Callable:
    """Read-only, and every failure answered as JSON rather than the site's HTML pages (POST
    too, never the CSRF page); conditional GET and CORS (core.interfaces)."""

    @interface(not_allowed=_not_allowed)
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return error(400, str(exc), "Ungültiger Parameter")
        except (LookupError, Http404):
            return error(404, "Dieses Objekt gibt es nicht.", request.path)

    return wrapper


def _context(request, query: ListQuery | None = None) -> s.Context:
    return s.Context(request, omit_internal=bool(query and query.omit_internal))


def _require_body(key: str):
    if key != s.BODY_KEY:
        raise LookupError(key)


def _list_response(request, query: ListQuery, data: list[dict], page: Page):
    """`next` after the page's last key (listing); page numbers only where the client asked by
    number, as a walk by key has none."""
    base = request.build_absolute_uri(request.path)
    links = {
        "first": base + query.url_params(),
        "self": base + query.url_params(query.page, query.after),
    }
    pagination = {"totalElements": page.total, "elementsPerPage": query.limit}
    if query.after is None:
        if query.page > 1:
            links["prev"] = base + query.url_params(query.page - 1)
        links["last"] = base + query.url_params(page.pages)
        pagination.update(currentPage=query.page, totalPages=page.pages)
    if page.after is not None:
        links["next"] = base + query.url_params(after=page.after)
    return oparl_json({"data": data, "pagination": pagination, "links": links})


def _constant_list(request, build: Callable[[s.Context], dict]):
    """A list of one object of our own making (the Body, the LegislativeTerm)."""
    query = parse_query(request.GET)
    if query.page > 1 or query.after is not None:
        raise LookupError(query.page)
    data = [build(_context(request, query))] if query.admits(s.LAUNCH, s.LAUNCH) else []
    return _list_response(request, query, data, Page(rows=[], total=len(data), pages=1, after=None))


@oparl_view
def system(request):
    return oparl_json(s.system(_context(request)))


@oparl_view
def body_list(request):
    return _constant_list(request, s.body)


@oparl_view
def body(request, key):
    _require_body(key)
    return oparl_json(s.body(_context(request)))


def _kind(slug: str) -> Kind:
    kind = KINDS.get(slug)
    if kind is None:
        raise LookupError(slug)
    return kind


@oparl_view
def object_list(request, key, kind):
    _require_body(key)
    if kind == "legislative-term":
        return _constant_list(request, s.legislative_term)
    kind = _kind(kind)
    query = parse_query(request.GET)
    context = _context(request, query)
    page = paginate(kind.sources, query, context.now)
    data = [
        row.source.serialize(row.obj, context)
        if row.obj is not None
        else s.tombstone(
            context, kind.slug, kind.type_name, row.source.key(row.pk), row.created, row.modified
        )
        for row in page.rows
    ]
    return _list_response(request, query, data, page)


@oparl_view
def object_detail(request, kind, key):
    if kind == "legislative-term":
        if key != s.TERM_KEY:
            raise LookupError(key)
        return oparl_json(s.legislative_term(_context(request)))
    kind = _kind(kind)
    context = _context(request)
    for source in kind.sources:
        pk = source.parse(key)
        if pk is None:
            continue
        existing = source.related(source.existing(context.now, scoped=False))
        obj = existing.filter(pk=pk).first()
        if obj is not None and obj.oparl_live:
            return oparl_json(source.serialize(obj, context))
        if obj is not None:
            created, modified = obj.created_at, obj.oparl_modified
        else:
            record = source.deleted().filter(id=pk).order_by("-history_date").first()
            if record is None:
                break
            created, modified = record.created_at, record.history_date
        return oparl_json(s.tombstone(context, kind.slug, kind.type_name, key, created, modified))
    raise LookupError(key)


@oparl_view
def download(request, key):
    """downloadUrl: the PDF as an attachment (the spec asks for one; accessUrl shows it)."""
    pk = FILE.parse(key)
    document = pk and Document.objects.published().filter(pk=pk).first()
    if document is None:
        raise LookupError(pk)
    response = file_response(request, document.file, public=True)
    response["Content-Disposition"] = content_disposition_header(True, f"{document.slug}.pdf")
    return response


@oparl_view
def not_found(request, path=""):
    raise LookupError(path)
