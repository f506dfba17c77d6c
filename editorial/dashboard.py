"""The dashboard on the admin's start page: my drafts, scheduled items, pending changes, what
awaits my approval and what colleagues changed lately, each a short list with links.

Its cost does not grow with the content: each list across all models is one UNION query plus
one query per model that appears in it (at most LIMIT).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import admin
from django.db.models import IntegerField, Value
from django.urls import reverse
from django.utils import timezone

from core.models import ScheduledPublicationModel

from . import review
from .pending import PendingVersion
from .review import ReviewRequest, approval_required

LIMIT = 8


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    kind: str
    when: datetime | None = None
    who: str = ""


def _change_url(model, pk) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _viewable(request, models):
    return [
        m for m in models if request.user.has_perm(f"{m._meta.app_label}.view_{m._meta.model_name}")
    ]


def _scheduled_models(request):
    return _viewable(
        request, [m for m in admin.site._registry if issubclass(m, ScheduledPublicationModel)]
    )


def _newest(querysets, field: str, descending: bool) -> list[tuple[int, object]]:
    """(index of the queryset, pk) of the LIMIT first rows of all ``querysets`` by ``field``."""
    if not querysets:
        return []
    parts = [
        qs.annotate(_source=Value(index, IntegerField()))
        .order_by()
        .values_list("_source", "pk", field)
        for index, qs in enumerate(querysets)
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return [
        (row[0], row[1]) for row in union.order_by(f"-{field}" if descending else field)[:LIMIT]
    ]


def _objects(models, querysets, keys, when, who=None) -> list[Item]:
    by_source: dict[int, list] = {}
    for source, pk in keys:
        by_source.setdefault(source, []).append(pk)
    found = {
        source: querysets[source].model._default_manager.in_bulk(pks)
        if who is None
        else querysets[source].select_related(who).in_bulk(pks)
        for source, pks in by_source.items()
    }
    items = []
    for source, pk in keys:
        obj = found[source].get(pk)
        if obj is None:
            continue
        model = models[source]
        # A historical record names its object.
        instance = obj.instance if hasattr(obj, "history_id") else obj
        items.append(
            Item(
                title=str(instance),
                url=_change_url(model, instance.pk),
                kind=str(model._meta.verbose_name),
                when=getattr(obj, when),
                who=_name(getattr(obj, who)) if who else "",
            )
        )
    return items


def my_drafts(request, models) -> list[Item]:
    querysets = [
        m._default_manager.filter(
            is_published=False,
            pk__in=m.history.filter(history_user=request.user).values("id"),
        )
        for m in models
    ]
    keys = _newest(querysets, "updated_at", descending=True)
    return _objects(models, querysets, keys, "updated_at")


def scheduled(request, models) -> list[Item]:
    now = timezone.now()
    querysets = [m._default_manager.filter(is_published=True, publish_from__gt=now) for m in models]
    keys = _newest(querysets, "publish_from", descending=False)
    return _objects(models, querysets, keys, "publish_from")


def colleagues_changes(request) -> list[Item]:
    content = [
        m
        for m in admin.site._registry
        if hasattr(m, "history") and getattr(m._meta.app_config, "content", False)
    ]
    models = _viewable(request, content)
    querysets = [
        m.history.exclude(history_user=request.user).filter(history_user__isnull=False)
        for m in models
    ]
    keys = _newest(querysets, "history_date", descending=True)
    return _objects(models, querysets, keys, "history_date", who="history_user")


def _generic_items(rows, when: str, who: str) -> list[Item]:
    items = []
    for row in rows:
        obj = row.content_object
        if obj is None:
            continue
        items.append(
            Item(
                title=str(obj),
                url=_change_url(type(obj), obj.pk),
                kind=str(obj._meta.verbose_name),
                when=getattr(row, when),
                who=_name(getattr(row, who)),
            )
        )
    return items


def pending_changes() -> list[Item]:
    rows = PendingVersion.objects.select_related("created_by").prefetch_related("content_object")[
        :LIMIT
    ]
    return _generic_items(rows, "saved_at", "created_by")


def awaiting_my_approval(request) -> list[Item]:
    if review.is_town_editor(request) or approval_required(request):
        return []  # their role needs approval, at least for some: they approve nothing
    rows = (
        ReviewRequest.objects.open()
        .exclude(requested_by=request.user)
        .select_related("requested_by")
        .prefetch_related("content_object")[:LIMIT]
    )
    return _generic_items(rows, "requested_at", "requested_by")


def dashboard(request) -> dict[str, list[Item]]:
    models = _scheduled_models(request)
    return {
        "awaiting_approval": awaiting_my_approval(request),
        "my_drafts": my_drafts(request, models),
        "pending": pending_changes(),
        "scheduled": scheduled(request, models),
        "colleagues": colleagues_changes(request),
    }
