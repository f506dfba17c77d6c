"""Permission names in German.

Django stores a permission's name in the database, written by ``create_permissions`` in
English ("Can add historical Seite"), and the group and user forms of the admin list them as
they are. After every ``migrate`` this module renames the default permissions of every model
("Kann Seite hinzufügen", "Kann frühere Fassungen von Seite ansehen"), so models added later
get German names on the same run. Permissions declared in a model's ``Meta.permissions`` keep
the names their app gives them.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation
from django.utils.text import format_lazy
from simple_history.models import HistoricalChanges

VERBS = {"add": "hinzufügen", "change": "ändern", "delete": "löschen", "view": "ansehen"}
NAME_MAX_LENGTH = 255  # auth.Permission.name


def _subject(model) -> str:
    """What the permission is about: the model, or the earlier versions of a tracked model."""
    if issubclass(model, HistoricalChanges):
        return f"frühere Fassungen von {history_subject(model)}"
    return str(model._meta.verbose_name)


def history_subject(model):
    """The tracked model a historical model keeps versions of, by its German name; for the
    history of a many-to-many field, the model and the field ("Projekt: beteiligte Kommunen").
    Lazy: it is read in the language of the moment."""
    tracked = model.instance_type
    owner = tracked._meta.auto_created
    if not owner:
        return tracked._meta.verbose_name
    field = next(f for f in owner._meta.many_to_many if f.remote_field.through is tracked)
    return format_lazy("{}: {}", owner._meta.verbose_name, field.verbose_name)


def permission_names(models) -> dict[tuple[type, str], str]:
    """(model, codename) -> German name of each default permission of ``models``."""
    names = {}
    with translation.override(settings.LANGUAGE_CODE):
        for model in models:
            opts = model._meta
            for action in opts.default_permissions:
                if action in VERBS:
                    name = f"Kann {_subject(model)} {VERBS[action]}"
                    names[model, get_permission_codename(action, opts)] = name[:NAME_MAX_LENGTH]
    return names


def rename_permissions(app_config, using: str = DEFAULT_DB_ALIAS) -> int:
    """Gives the default permissions of ``app_config``'s models their German names; returns
    how many it renamed (none on a second run)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    names = permission_names(app_config.get_models())
    if not names:
        return 0
    content_types = ContentType.objects.db_manager(using).get_for_models(
        *{model for model, _codename in names}, for_concrete_models=False
    )
    wanted = {
        (content_types[model].pk, codename): name for (model, codename), name in names.items()
    }
    renamed = []
    for permission in Permission.objects.using(using).filter(
        content_type__in=content_types.values()
    ):
        name = wanted.get((permission.content_type_id, permission.codename))
        if name is not None and permission.name != name:
            permission.name = name
            renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
    return len(renamed)


def rename_permissions_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver for every app, connected after auth's ``create_permissions`` (an
    app earlier in INSTALLED_APPS), so it renames what that has just created."""
    try:
        apps.get_model("auth", "Permission")
    except LookupError:  # auth not migrated (yet, or any more): no table to rename in
        return
    if sender.models_module is not None:
        rename_permissions(global_apps.get_app_config(sender.label), using)
