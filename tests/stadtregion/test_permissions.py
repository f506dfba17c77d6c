import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stadtregion.permissions import (
    EDITOR_GROUP_NAME,
    content_app_labels,
    editor_permission_keys,
    sync_editor_group,
)

pytestmark = pytest.mark.django_db


def _group_codenames() -> set[str]:
    group = Group.objects.get(name=EDITOR_GROUP_NAME)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_editor_group_may_edit_all_content():
    codenames = _group_codenames()

    for model in ("municipality", "contactperson"):
        assert {f"members.{a}_{model}" for a in ("add", "change", "delete", "view")} <= codenames
    for label, model in [
        ("projects", "fieldofaction"),
        ("projects", "workinggroup"),
        ("projects", "project"),
        ("governance", "body"),
        ("governance", "seatquota"),
        ("governance", "membership"),
        ("governance", "meeting"),
        ("governance", "agendaitem"),
        ("governance", "document"),
        ("governance", "timelineevent"),
        ("pages", "page"),
        ("accessibility", "signlanguagevideo"),
    ]:
        assert f"{label}.change_{model}" in codenames
        assert f"{label}.delete_{model}" in codenames
    assert "pages.view_historicalpage" in codenames


def test_editor_group_gets_no_system_permissions():
    codenames = _group_codenames()

    assert {name.split(".")[0] for name in codenames} == content_app_labels()
    # The search index is written by the search itself, never by hand.
    assert not {name for name in codenames if "searchentry" in name or "searchword" in name}
    # History records are written by saves, never edited by hand.
    assert "pages.change_historicalpage" not in codenames
    assert "members.delete_historicalmunicipality" not in codenames


def test_editor_is_no_superuser_and_cannot_reach_accounts(editor, editor_client):
    assert not editor.is_superuser
    assert editor.has_perm("pages.change_page")
    assert not editor.has_perm("auth.change_user")
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get(f"/admin/auth/user/{editor.pk}/change/").status_code == 403
    assert editor_client.get("/admin/sessions/").status_code == 404


def test_post_migrate_restores_the_definition():
    group = Group.objects.get(name=EDITOR_GROUP_NAME)
    group.permissions.remove(Permission.objects.get(codename="change_page"))
    group.permissions.add(Permission.objects.get(codename="delete_user"))

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    codenames = _group_codenames()
    assert "pages.change_page" in codenames
    assert "auth.delete_user" not in codenames


def test_sync_creates_missing_permissions_and_group():
    Group.objects.filter(name=EDITOR_GROUP_NAME).delete()
    Permission.objects.filter(codename="view_page").delete()

    group = sync_editor_group()

    assert group.permissions.filter(codename="view_page").exists()


def test_data_migration_works_on_the_historical_models():
    """The migration runs against the migration state, whose app configs are stubs."""
    migration = importlib.import_module("stadtregion.migrations.0001_redaktion_group")
    state = MigrationExecutor(connection).loader.project_state(
        ("stadtregion", "0001_redaktion_group")
    )
    Group.objects.filter(name=EDITOR_GROUP_NAME).delete()
    # As on a fresh database, where Django creates permissions only after all migrations.
    Permission.objects.filter(codename="view_page").delete()

    migration.create_editor_group(state.apps, SimpleNamespace(connection=connection))

    expected = {f"{label}.{codename}" for label, _model, codename in editor_permission_keys()}
    migrated = _group_codenames()
    # The state at 0001 holds every model of the initial migrations of the content apps.
    assert {"members.change_municipality", "pages.view_page"} <= migrated
    assert migrated <= expected


def test_the_content_apps_are_those_their_appconfig_marks():
    assert content_app_labels() == {
        "members", "projects", "governance", "figures", "pages", "accessibility", "search",
        "editorial",
    }  # fmt: skip


def test_an_app_without_content_declaration_fails_the_check(monkeypatch):
    from django.apps import apps

    from stadtregion.checks import check_content_declarations

    assert check_content_declarations(None) == []
    config = apps.get_app_config("maps")
    monkeypatch.delattr(type(config), "content")
    assert [error.id for error in check_content_declarations(None)] == ["stadtregion.E011"]
