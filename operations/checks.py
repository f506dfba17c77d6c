"""The page cache reads what the models declare (operations.pagecache): a model of ours without
a declaration would silently never, or always, move the cache's version."""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from simple_history.models import HistoricalChanges

from core.project import project_app_configs


def _declaring_models():
    for config in project_app_configs():
        for model in config.get_models():
            if not issubclass(model, HistoricalChanges) and not model._meta.auto_created:
                yield model


@checks.register()
def check_page_change_declarations(app_configs, **kwargs):
    errors = []
    for model in _declaring_models():
        label = model._meta.label
        if not isinstance(getattr(model, "changes_public_pages", None), bool):
            errors.append(
                checks.Error(
                    f"{label} does not declare whether its saves change public pages.",
                    hint="Set changes_public_pages = True or False on the model "
                    "(docs/architecture.md, “Declared once”).",
                    obj=model,
                    id="operations.E001",
                )
            )
        for name in getattr(model, "page_change_moments", None) or {}:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if not isinstance(field, models.DateTimeField):
                errors.append(
                    checks.Error(
                        f"{label}.page_change_moments names {name!r}, which is no date and "
                        "time field of the model.",
                        obj=model,
                        id="operations.E002",
                    )
                )
    return errors
