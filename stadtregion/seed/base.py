"""Idempotent writes for the seed: an object is only saved when a value really differs.

Running the seed twice therefore changes nothing, adds no history entries and keeps
``updated_at`` untouched. Reference data (members, bodies, documents, ...) is upserted: editors'
later changes to seeded fields are reset on the next run. Rows that editors own once they exist
(the pages, Impressum and Datenschutz among them) go through ``create_missing``: the seed creates
them when they are missing and never touches them afterwards.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models


def _differs(obj: models.Model, name: str, wanted) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_one:
        # Compare ids: reading the relation would cost one query per field.
        return getattr(obj, model_field.attname) != (wanted.pk if wanted is not None else None)
    return getattr(obj, name) != wanted


@dataclass
class SeedLog:
    """Creates or updates rows and counts what it did, per model."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    _new: set = field(default_factory=set)  # (model, pk) created in this run

    def upsert(self, model, lookup: dict, values: dict, *, create_only: dict | None = None):
        """Finds the row by its natural key, creates it or updates the differing fields.

        ``create_only`` holds values set on creation only (uploaded files), never overwritten.
        """
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values, **(create_only or {}))
            obj.save()
            self.created[model] += 1
            self._new.add((model, obj.pk))
            return obj
        changed = [name for name, wanted in values.items() if _differs(obj, name, wanted)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            auto = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
            obj.save(update_fields=changed + auto)
            self.updated[model] += 1
        return obj

    def create_missing(self, model, lookup: dict, values: dict):
        """Creates the row if none has this natural key; an existing row stays as it is."""
        return self.upsert(model, lookup, {}, create_only=values)

    def set_related(self, obj: models.Model, name: str, targets) -> None:
        """Sets a many-to-many relation, touching it only when the members differ."""
        manager = getattr(obj, name)
        wanted = {target.pk for target in targets}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(targets)
            if (type(obj), obj.pk) not in self._new:
                self.updated[type(obj)] += 1

    def mark_updated(self, obj: models.Model) -> None:
        self.updated[type(obj)] += 1

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())
