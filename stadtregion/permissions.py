"""The "Redaktion" group: office staff who edit all content of the portal, defined in code.

Editors may add, change, delete and view every model of the content apps, including models
added to those apps later, and view their history. They get nothing of auth (users, groups,
permissions), sessions, content types or the admin log. The group is created by a data
migration and brought back to exactly this definition after every ``migrate`` (post_migrate),
so permissions added or removed by hand do not survive a deployment: change this module
instead.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from simple_history.models import HistoricalChanges

EDITOR_GROUP_NAME = "Redaktion"
CONTENT_APP_LABELS = ("members", "projects", "governance", "pages", "accessibility", "images")
EDIT_ACTIONS = ("add", "change", "delete", "view")
# Viewing history needs only the model's own view permission by default; the historical
# view permission keeps it working if SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is set.
HISTORY_ACTIONS = ("view",)
_MISSING = object()


def editor_permission_keys(apps=global_apps) -> set[tuple[str, str, str]]:
    """(app label, model name, codename) of every permission an editor holds.

    ``apps`` is the global registry or a migration's historical one, so the same definition
    serves the data migration and the post_migrate sync.
    """
    keys = set()
    for app_config in apps.get_app_configs():
        if app_config.label not in CONTENT_APP_LABELS:
            continue
        for model in app_config.get_models():
            opts = model._meta
            actions = HISTORY_ACTIONS if issubclass(model, HistoricalChanges) else EDIT_ACTIONS
            keys.update(
                (opts.app_label, opts.model_name, f"{action}_{opts.model_name}")
                for action in actions
                if action in opts.default_permissions
            )
    return keys


def ensure_permissions(apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Creates missing content types and permissions now instead of after the migration run.

    Django creates them in post_migrate, i.e. after all migrations, so a data migration that
    assigns permissions must create them itself. The app configs of a migration's historical
    registry have no models module, which create_permissions takes for "no models": pretend,
    and restore the attribute exactly (the global registry's configs must stay untouched).
    """
    for app_config in apps.get_app_configs():
        if apps is global_apps:
            # Real app configs know their models module: nothing to pretend, nothing to mutate
            # in the process-wide registry.
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
            continue
        original = getattr(app_config, "models_module", _MISSING)
        if original is None or original is _MISSING:
            app_config.models_module = True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            if original is _MISSING:
                del app_config.models_module
            else:
                app_config.models_module = original


def sync_editor_group(apps=global_apps, using: str = DEFAULT_DB_ALIAS):
    """Creates the Redaktion group if needed and sets its permissions to the definition above."""
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth migrated back to zero: nothing to keep in sync
        return None
    ensure_permissions(apps, using)
    wanted = editor_permission_keys(apps)
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=CONTENT_APP_LABELS)
        .select_related("content_type")
        if (permission.content_type.app_label, permission.content_type.model, permission.codename)
        in wanted
    ]
    group, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP_NAME)
    group.permissions.set(permissions)
    return group


def sync_editor_group_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: models added to the content apps reach the editors automatically."""
    sync_editor_group(apps, using)
