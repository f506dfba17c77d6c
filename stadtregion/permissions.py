"""The editors' groups, defined in code.

The "Redaktion": office staff who edit all content of the portal.

Editors may add, change, delete and view every model of the content apps, including models
added to those apps later, and view their history. They get nothing of auth (users, groups,
permissions), sessions, content types or the admin log. The group is created by a data
migration and brought back to exactly this definition after every ``migrate`` (post_migrate),
so permissions added or removed by hand do not survive a deployment: change this module
instead.

The "Kommunale Redaktion": a town's own staff. They view the same content (not the visitors'
accessibility reports, which hold personal data) and may change municipalities, contact persons
and projects and write news; members.editors narrows that to the objects of their own towns.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from simple_history.models import HistoricalChanges

from core.staff import EDITOR_GROUP_NAME, TOWN_EDITOR_GROUP_NAME


def content_app_labels() -> frozenset[str]:
    """The apps whose AppConfig says ``content = True``: editors edit their models."""
    return frozenset(c.label for c in global_apps.get_app_configs() if getattr(c, "content", False))


EDIT_ACTIONS = ("add", "change", "delete", "view")
# Viewing history needs only the model's own view permission by default; the historical
# view permission keeps it working if SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is set.
HISTORY_ACTIONS = ("view",)
_MISSING = object()
# Beyond viewing: what a town editor may do, per model (the inline of contacts needs add and
# delete); and what they do not even see.
TOWN_EDITOR_ACTIONS = {
    ("members", "municipality"): ("change",),
    ("members", "contactperson"): ("add", "change", "delete"),
    ("projects", "project"): ("change",),
    ("pages", "newsarticle"): ("add", "change"),
}
TOWN_EDITOR_HIDDEN = {("accessibility", "accessibilityfeedback")}
# Who edits for which town is granted by superusers alone, though it lives in a content app.
# The search index is written by the search itself (search.index), never by hand.
# Who needs approval is the superusers' call; review requests are written by the workflow.
NOT_CONTENT = {
    ("members", "municipalityeditor"),
    ("editorial", "reviewsettings"),
    ("editorial", "reviewrequest"),
    ("search", "searchentry"),
    ("search", "searchword"),
}


def editor_permission_keys(apps=global_apps) -> set[tuple[str, str, str]]:
    """(app label, model name, codename) of every permission an editor holds.

    ``apps`` is the global registry or a migration's historical one, so the same definition
    serves the data migration and the post_migrate sync.
    """
    keys = set()
    for app_config in apps.get_app_configs():
        if app_config.label not in content_app_labels():
            continue
        for model in app_config.get_models():
            opts = model._meta
            if (opts.app_label, opts.model_name.removeprefix("historical")) in NOT_CONTENT:
                continue
            actions = HISTORY_ACTIONS if issubclass(model, HistoricalChanges) else EDIT_ACTIONS
            keys.update(
                (opts.app_label, opts.model_name, f"{action}_{opts.model_name}")
                for action in actions
                if action in opts.default_permissions
            )
    return keys


def town_editor_permission_keys(apps=global_apps) -> set[tuple[str, str, str]]:
    """The Kommunale Redaktion's part of the editors' permissions (see the module docstring)."""
    keys = set()
    for label, model, codename in editor_permission_keys(apps):
        action = codename.split("_", 1)[0]
        allowed = ("view", *TOWN_EDITOR_ACTIONS.get((label, model), ()))
        hidden = (label, model.removeprefix("historical")) in TOWN_EDITOR_HIDDEN
        if action in allowed and not hidden:
            keys.add((label, model, codename))
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


def _sync_group(name: str, permission_keys, apps, using: str):
    """Creates the group if needed and sets its permissions to exactly ``permission_keys(apps)``."""
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth migrated back to zero: nothing to keep in sync
        return None
    ensure_permissions(apps, using)
    wanted = permission_keys(apps)
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=content_app_labels())
        .select_related("content_type")
        if (permission.content_type.app_label, permission.content_type.model, permission.codename)
        in wanted
    ]
    group, _created = Group.objects.using(using).get_or_create(name=name)
    group.permissions.set(permissions)
    return group


def sync_editor_group(apps=global_apps, using: str = DEFAULT_DB_ALIAS):
    """Creates the Redaktion group if needed and sets its permissions to the definition above."""
    return _sync_group(EDITOR_GROUP_NAME, editor_permission_keys, apps, using)


def sync_town_editor_group(apps=global_apps, using: str = DEFAULT_DB_ALIAS):
    """The same for the Kommunale Redaktion."""
    return _sync_group(TOWN_EDITOR_GROUP_NAME, town_editor_permission_keys, apps, using)


def sync_editor_group_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: models added to the content apps reach the editors automatically."""
    sync_editor_group(apps, using)
    sync_town_editor_group(apps, using)
