"""Permissions carry German names in the group and user forms, also those of models added
later (the names are written after every migrate)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.management.sql import emit_post_migrate_signal

from editorial.permission_names import rename_permissions

pytestmark = pytest.mark.django_db


def name_of(app_label: str, codename: str) -> str:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename).name


def test_default_permissions_are_german_after_migrate():
    assert name_of("pages", "add_page") == "Kann Seite hinzufügen"
    assert name_of("pages", "view_historicalpage") == "Kann frühere Fassungen von Seite ansehen"
    assert name_of("auth", "change_user") == "Kann Benutzer ändern"
    assert name_of("axes", "delete_accessattempt") == "Kann Zugriffsversuch löschen"
    assert name_of("otp_totp", "view_totpdevice") == "Kann Authenticator-App ansehen"
    # The history of a many-to-many field names the model and the field.
    assert name_of("projects", "view_historicalproject_municipalities") == (
        "Kann frühere Fassungen von Projekt: beteiligte Kommunen ansehen"
    )
    assert not Permission.objects.filter(name__startswith="Can ").exists()


def test_permissions_written_in_english_by_a_later_migrate_are_renamed():
    # create_permissions writes English names for a new model; the same post_migrate renames.
    Permission.objects.filter(codename="add_page").update(name="Can add Seite")

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert name_of("pages", "add_page") == "Kann Seite hinzufügen"


def test_renaming_again_changes_nothing_and_leaves_custom_permissions_alone():
    custom = Permission.objects.create(
        content_type=Permission.objects.get(codename="add_page").content_type,
        codename="publish_page",
        name="Darf Seiten freigeben",
    )

    assert rename_permissions(apps.get_app_config("pages")) == 0
    custom.refresh_from_db()
    assert custom.name == "Darf Seiten freigeben"


def test_the_permission_widget_names_content_types_in_german(admin_client):
    html = admin_client.get("/admin/auth/group/add/").content.decode()

    assert (
        "Seiten und Meldungen | Seite (frühere Fassung) | Kann frühere Fassungen von Seite ansehen"
        in html
    )
    assert "Anmeldesitzungen | Anmeldesitzung | Kann Anmeldesitzung löschen" in html
    assert "historical" not in html and "Can add" not in html
