"""External object lists (OParl 1.1, "Objektlisten und Paginierung"): filters, pages, links.

Every source's rows are ordered by (source, pk) in one UNION query, so a page costs one count,
one query for its keys and one fetch per model (with its prefetches), however many rows there
are. `next` carries the last key of the page (`after=<part>-<pk>`), not a page number: an object
deleted during a walk cannot shift the rest, so none is skipped. `page` still answers, for
addresses clients have stored. With `modified_since`, withdrawn and deleted objects appear as tombstones, as the
specification's sync mechanism asks; without it they never do.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.db.models import F, Q, Value
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .sources import Source

PER_PAGE = 100
# Query parameter -> (field, lookup), applied to live rows and history records alike.
FILTERS = {
    "created_since": ("created_at", "gte"),
    "created_until": ("created_at", "lte"),
    "modified_since": ("oparl_modified", "gte"),
    "modified_until": ("oparl_modified", "lte"),
}
# An unencoded "+" of the offset arrives as a space: "2024-01-01T00:00:00 01:00".
_SPACE_OFFSET = re.compile(r" (?=\d{2}:?\d{2}$)")
# ASCII digits only: str.isdigit() also takes "²", which int() refuses.
_POSITIVE = re.compile(r"[1-9][0-9]{0,8}", re.ASCII)
# A row's place in the ordered union: source part, primary key.
_AFTER = re.compile(r"([0-9]{1,2})-([0-9]{1,18})", re.ASCII)


class BadRequest(Exception):
    """A malformed parameter; the message is shown to the client's user, in German."""


@dataclass(frozen=True)
class ListQuery:
    bounds: dict[str, datetime]
    page: int = 1
    limit: int = PER_PAGE
    limit_given: bool = False
    omit_internal: bool = False
    after: tuple[int, int] | None = None

    @property
    def include_deleted(self) -> bool:
        return "modified_since" in self.bounds

    def bounds_q(self) -> Q:
        return Q(
            **{
                f"{FILTERS[name][0]}__{FILTERS[name][1]}": moment
                for name, moment in self.bounds.items()
            }
        )

    def admits(self, created: datetime, modified: datetime) -> bool:
        """Whether one object of our own making passes the filters."""
        values = {"created_at": created, "oparl_modified": modified}
        return all(
            values[field] >= moment if lookup == "gte" else values[field] <= moment
            for name, moment in self.bounds.items()
            for field, lookup in [FILTERS[name]]
        )

    def url_params(self, page: int = 1, after: tuple[int, int] | None = None) -> str:
        """The canonical query string: filters in a fixed order, then limit, page or after."""
        params = [(name, self.bounds[name].isoformat()) for name in FILTERS if name in self.bounds]
        if self.limit_given:
            params.append(("limit", str(self.limit)))
        if self.omit_internal:
            params.append(("omit_internal", "true"))
        if after is not None:
            params.append(("after", f"{after[0]}-{after[1]}"))
        elif page > 1:
            params.append(("page", str(page)))
        return f"?{urlencode(params)}" if params else ""


def parse_moment(name: str, raw: str) -> datetime:
    try:
        moment = parse_datetime(_SPACE_OFFSET.sub("+", raw.strip()))
        if moment is not None and timezone.is_aware(moment):
            moment.astimezone(UTC)  # "0001-01-01T00:00:00+01:00" lies before year 1
    except (ValueError, OverflowError):
        moment = None
    if moment is None or timezone.is_naive(moment):
        raise BadRequest(
            f"Der Filter „{name}“ erwartet Datum und Uhrzeit mit Zeitzone nach ISO 8601, "
            f"z. B. 2024-01-31T18:00:00+01:00; erhalten: „{raw}“."
        )
    return moment


def _positive(name: str, raw: str | None, default: int) -> int:
    if raw is None:
        return default
    if not _POSITIVE.fullmatch(raw):
        raise BadRequest(f"„{name}“ muss eine ganze Zahl ab 1 sein; erhalten: „{raw}“.")
    return int(raw)


def parse_query(params: QueryDict) -> ListQuery:
    bounds = {name: parse_moment(name, params[name]) for name in FILTERS if name in params}
    for field in ("created", "modified"):
        since, until = bounds.get(f"{field}_since"), bounds.get(f"{field}_until")
        if since and until and since > until:
            raise BadRequest(f"„{field}_since“ liegt nach „{field}_until“.")
    omit = params.get("omit_internal", "false")
    if omit not in ("true", "false"):
        raise BadRequest(f"„omit_internal“ muss „true“ oder „false“ sein; erhalten: „{omit}“.")
    # A client may ask for smaller pages, never for larger ones (the spec lets us ignore it).
    limit = min(_positive("limit", params.get("limit"), PER_PAGE), PER_PAGE)
    after = None
    if "after" in params:
        match = _AFTER.fullmatch(params["after"])
        if match is None or "page" in params:
            raise BadRequest(
                f"„after“ nimmt den Schlüssel aus dem Link „next“ (ohne „page“); "
                f"erhalten: „{params['after']}“."
            )
        after = (int(match[1]), int(match[2]))
    return ListQuery(
        bounds=bounds,
        after=after,
        page=_positive("page", params.get("page"), 1),
        limit=limit,
        limit_given="limit" in params,
        omit_internal=omit == "true",
    )


@dataclass(frozen=True)
class Row:
    source: Source
    pk: int
    created: datetime
    modified: datetime
    obj: object | None  # the loaded live object; None for a tombstone


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    total: int
    pages: int
    after: tuple[int, int] | None  # the last row's place, if more rows follow it


def _keys(queryset, part: int, query: ListQuery, *, keyset: bool = True):
    """The part's rows under the filters; with ``keyset`` only those after query.after."""
    queryset = queryset.filter(query.bounds_q())
    if keyset and query.after is not None:
        after_part, after_key = query.after
        if part < after_part:
            queryset = queryset.none()
        elif part == after_part:
            queryset = queryset.filter(oparl_key__gt=after_key)
    return (
        queryset.annotate(oparl_part=Value(part), oparl_created=F("created_at"))
        .values_list("oparl_part", "oparl_key", "oparl_created", "oparl_modified")
        .order_by()
    )


def _union(parts):
    keys = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return keys.order_by("oparl_part", "oparl_key")


def paginate(sources: Sequence[Source], query: ListQuery, now: datetime) -> Page:
    """Raises LookupError for a page beyond the last."""
    parts, every = [], []
    for index, source in enumerate(sources):
        # For syncing clients every row may be a tombstone, also one out of scope: a Vorlage
        # since filed as a report is a deleted Paper.
        existing = source.existing(now, scoped=not query.include_deleted)
        if not query.include_deleted:
            existing = existing.filter(source.live_q(now))
        lists = [(existing, 2 * index)]
        if query.include_deleted:
            lists.append((source.deleted(), 2 * index + 1))
        for queryset, part in lists:
            parts.append(_keys(queryset, part, query))
            every.append(_keys(queryset, part, query, keyset=False))
    total = _union(every).count()
    pages = max(1, -(-total // query.limit))
    if query.after is None and query.page > pages:
        raise LookupError(query.page)
    start = 0 if query.after is not None else (query.page - 1) * query.limit
    # One row more than the page: whether a next page exists, without another query.
    found = list(_union(parts)[start : start + query.limit + 1])
    more = len(found) > query.limit
    found = found[: query.limit]

    loaded = {}
    for index, source in enumerate(sources):
        pks = [pk for part, pk, *_ in found if part == 2 * index]
        existing = source.existing(now, scoped=False)
        loaded[index] = source.related(existing).in_bulk(pks) if pks else {}
    rows = []
    for part, pk, created, modified in found:
        source = sources[part // 2]
        obj = loaded[part // 2].get(pk) if part % 2 == 0 else None
        live = obj is not None and obj.oparl_live
        rows.append(Row(source, pk, created, modified, obj if live else None))
    after = (found[-1][0], found[-1][1]) if more else None
    return Page(rows=rows, total=total, pages=pages, after=after)
