"""Where OParl objects come from: rows of our models, which of them are live, when each last
changed, and tombstones for deleted rows.

OParl clients sync with `modified_since`, so `modified` must move whenever what a client sees
changes: an edit (updated_at), a scheduled publication or expiry passing (publish_from,
visible_until, read against the clock like core.models.live_q), or a change to an embedded
object. Deleted rows leave django-simple-history's "-" record, which keeps id and created_at.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from core.models import live_q

# Our keys are primary keys, written as Django writes integers: one canonical URL per object.
PK_DIGITS = frozenset("0123456789")


def publication_modified(now: datetime, prefix: str = "") -> models.Expression:
    """updated_at, or the moment a scheduled publication or an expiry took effect if later."""
    updated = F(f"{prefix}updated_at")
    passed = [
        Case(When(**{f"{prefix}{name}__lte": now}, then=F(f"{prefix}{name}")), default=updated)
        for name in ("publish_from", "visible_until")
    ]
    return Greatest(updated, *passed, output_field=DateTimeField())


def publication_modified_of(obj, now: datetime) -> datetime:
    """publication_modified for one loaded object (embedded objects)."""
    moments = [obj.updated_at]
    moments += [m for m in (obj.publish_from, obj.visible_until) if m and m <= now]
    return max(moments)


def latest_of(queryset: QuerySet, link: str, value: models.Expression) -> models.Expression:
    """The latest `value` among the rows of queryset whose `link` is the outer row."""
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Subquery(rows.annotate(latest=Max(value)).values("latest"))


def later_of(first: models.Expression, *others: models.Expression) -> models.Expression:
    """Greatest that ignores missing values (a meeting without documents)."""
    return Greatest(
        first, *(Coalesce(other, first) for other in others), output_field=DateTimeField()
    )


def _updated(now: datetime) -> models.Expression:
    return F("updated_at")


@dataclass(frozen=True)
class Source:
    """One model whose rows are OParl objects of one type.

    scope: which rows count at all (a Paper is a Document of a paper kind), also applied to the
    history records; live(now): which of them visitors see (None: all); modified(now): the
    expression for `modified`; related: select/prefetch for serialize(obj, context).
    """

    model: type[models.Model]
    serialize: Callable[[Any, Any], dict]
    key_prefix: str = ""
    scope: Q = field(default_factory=Q)
    live: Callable[[datetime], Q] | None = None
    modified: Callable[[datetime], models.Expression] = _updated
    related: Callable[[QuerySet], QuerySet] = lambda queryset: queryset

    def key(self, pk: int) -> str:
        return f"{self.key_prefix}{pk}"

    def parse(self, key: str) -> int | None:
        """The pk in a key of this source, or None (also for "007": not the canonical form)."""
        if not key.startswith(self.key_prefix):
            return None
        digits = key.removeprefix(self.key_prefix)
        if not digits or not set(digits) <= PK_DIGITS or digits[0] == "0" or len(digits) > 18:
            return None
        return int(digits)

    def live_q(self, now: datetime) -> Q:
        """Live: in scope and visible. A row out of scope (a Vorlage now filed as a report)
        is a tombstone, at its id and in lists for syncing clients (modified_since)."""
        return self.scope & (self.live(now) if self.live else Q())

    def _live_flag(self, now: datetime) -> models.Expression:
        condition = self.live_q(now)
        if not condition:  # When() refuses an empty Q
            return Value(True, output_field=BooleanField())
        return Case(When(condition, then=Value(True)), default=Value(False))

    def existing(self, now: datetime, *, scoped: bool = True) -> QuerySet:
        return (
            self.model._default_manager.filter(self.scope if scoped else Q())
            .annotate(
                oparl_key=F("pk"),
                oparl_modified=self.modified(now),
                oparl_live=self._live_flag(now),
            )
            .order_by("pk")
        )

    def deleted(self) -> QuerySet:
        """The deletion records of rows that no longer exist."""
        history = self.model.history.model
        return (
            history.objects.filter(self.scope, history_type="-")
            .exclude(id__in=self.model._default_manager.values("pk"))
            .annotate(oparl_key=F("id"), oparl_modified=F("history_date"))
        )


def published(now: datetime) -> Q:
    return live_q(now=now)
