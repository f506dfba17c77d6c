import importlib
import json
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stadtregion.models import AccessibilityFeedback, Page
from stadtregion.permissions import EDITOR_GROUP_NAME, editor_permission_keys, sync_editor_group
from tests.admin_helpers import (
    AdminCase,
    admin_url,
    check_pages,
    check_save_recorded,
    form_data,
    form_errors,
    post_change,
    result_ids,
)
from tests.factories import AccessibilityFeedbackFactory, PageFactory, SignLanguageVideoFactory

pytestmark = pytest.mark.django_db


def _pages():
    return (
        PageFactory(title="Impressum", slug="impressum", menu=Page.Menu.FOOTER),
        PageFactory(title="Über uns", slug="ueber-uns", menu=Page.Menu.MAIN),
    )


PAGE_CASE = AdminCase(
    _pages,
    search="Impressum",
    filters={"menu__exact": "footer"},
    change={"intro": "Angaben nach § 5 DDG."},
)


def test_editor_can_use_every_page_admin_page(editor_client):
    check_pages(editor_client, PAGE_CASE)


def test_editor_saves_to_pages_are_kept_in_history(editor_client, editor):
    check_save_recorded(editor_client, editor, PAGE_CASE)


def test_page_added_by_editor(editor_client, editor):
    url = admin_url(Page, "add")
    data = form_data(editor_client.get(url))
    data.update(title="Datenschutz", slug="datenschutz", body="## Verantwortlich\n\nStadt Münster")

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    page = Page.objects.get(slug="datenschutz")
    assert page.history.get().history_type == "+"
    assert page.history.get().history_user == editor


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        (
            "kommunen",
            "Die Adresse „/kommunen/“ ist für einen anderen Bereich der Website reserviert.",
        ),
        ("admin", "Die Adresse „/admin/“ ist für einen anderen Bereich der Website reserviert."),
        ("über uns", "Bitte ein gültiges Kürzel"),
    ],
)
def test_bad_page_slugs_get_german_errors(editor_client, slug, message):
    page = PageFactory()

    response = post_change(editor_client, page, slug=slug)

    assert response.status_code == 200
    assert any(error.startswith(message) for error in form_errors(response)), form_errors(response)
    page.refresh_from_db()
    assert page.slug != slug


def test_page_history_shows_every_version(editor_client):
    page = PageFactory(title="Erste Fassung")
    post_change(editor_client, page, title="Zweite Fassung")
    post_change(editor_client, page, title="Dritte Fassung")

    response = editor_client.get(admin_url(Page, "history", page.pk))

    assert response.status_code == 200
    versions = list(response.context["page_obj"].object_list)
    assert [v.title for v in versions] == ["Dritte Fassung", "Zweite Fassung", "Erste Fassung"]
    assert [v.history_user.username for v in versions[:2]] == ["redaktion", "redaktion"]
    # The diff between versions is shown, so editors see what changed.
    assert "Zweite Fassung" in response.content.decode()


def test_publish_action_on_pages(editor_client):
    draft = PageFactory(is_published=False)

    response = editor_client.post(
        admin_url(Page, "changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert "1 Eintrag wurde veröffentlicht." in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_published


# The Redaktion group


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
        ("stadtregion", "page"),
    ]:
        assert f"{label}.change_{model}" in codenames
        assert f"{label}.delete_{model}" in codenames
    assert "stadtregion.view_historicalpage" in codenames


def test_editor_group_gets_no_system_permissions():
    codenames = _group_codenames()

    assert {name.split(".")[0] for name in codenames} == {
        "members",
        "projects",
        "governance",
        "stadtregion",
    }
    # History records are written by saves, never edited by hand.
    assert "stadtregion.change_historicalpage" not in codenames
    assert "members.delete_historicalmunicipality" not in codenames


def test_editor_is_no_superuser_and_cannot_reach_accounts(editor, editor_client):
    assert not editor.is_superuser
    assert editor.has_perm("stadtregion.change_page")
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
    assert "stadtregion.change_page" in codenames
    assert "auth.delete_user" not in codenames


def test_sync_creates_missing_permissions_and_group():
    Group.objects.filter(name=EDITOR_GROUP_NAME).delete()
    Permission.objects.filter(codename="view_page").delete()

    group = sync_editor_group()

    assert group.permissions.filter(codename="view_page").exists()


def test_data_migration_works_on_the_historical_models():
    """The migration runs against the migration state, whose app configs are stubs."""
    migration = importlib.import_module("stadtregion.migrations.0003_redaktion_group")
    state = MigrationExecutor(connection).loader.project_state(
        ("stadtregion", "0003_redaktion_group")
    )
    Group.objects.filter(name=EDITOR_GROUP_NAME).delete()
    # As on a fresh database, where Django creates permissions only after all migrations.
    Permission.objects.filter(codename="view_page").delete()

    migration.create_editor_group(state.apps, SimpleNamespace(connection=connection))

    expected = {f"{label}.{codename}" for label, _model, codename in editor_permission_keys()}
    migrated = _group_codenames()
    # The state at 0003 holds every model of the initial migrations of the content apps.
    assert {"members.change_municipality", "stadtregion.view_page"} <= migrated
    assert migrated <= expected


# German details of the admin itself


def test_slug_script_follows_djangos_urlify(editor_client):
    content = editor_client.get(admin_url(Page, "add")).content.decode()

    assert content.index("admin/js/urlify.js") < content.index("js/admin-slug-de.js")


def test_selector_texts_are_german(editor_client):
    # The script embeds the catalogue as a JSON object; read it the way the browser does.
    script = editor_client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))

    assert catalog["Choose all %s"] == "%s: alle auswählen"
    assert catalog["(click to clear)"] == "(zum Zurücksetzen klicken)"


def test_editor_restores_an_old_version(editor_client, editor):
    page = PageFactory(title="Erste Fassung")
    post_change(editor_client, page, title="Verunglückte Fassung")
    first = page.history.last()
    url = admin_url(Page, "simple_history", page.pk, first.history_id)

    response = editor_client.post(url, form_data(editor_client.get(url)))

    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.title == "Erste Fassung"
    assert page.history.count() == 3
    assert page.history.first().history_user == editor


def _videos():
    return (
        SignLanguageVideoFactory(title="Navigation in Gebärdensprache", topic="navigation"),
        SignLanguageVideoFactory(title="Inhalte", topic="inhalt"),
    )


VIDEO_CASE = AdminCase(
    _videos,
    search="Navigation",
    filters={"topic__exact": "navigation"},
    change={"description": "Erklärt das Menü der Website."},
)


def test_editor_can_use_every_sign_language_video_admin_page(editor_client):
    check_pages(editor_client, VIDEO_CASE)


def test_editor_saves_to_sign_language_videos_are_kept_in_history(editor_client, editor):
    check_save_recorded(editor_client, editor, VIDEO_CASE)


def test_editor_works_through_feedback_but_cannot_alter_or_invent_reports(editor_client, editor):
    feedback = AccessibilityFeedbackFactory(message="Die Karte ist per Tastatur nicht bedienbar.")
    other = AccessibilityFeedbackFactory(status=AccessibilityFeedback.Status.DONE)
    changelist = admin_url(AccessibilityFeedback, "changelist")

    assert result_ids(editor_client.get(changelist, {"q": "Tastatur"})) == {feedback.pk}
    assert result_ids(editor_client.get(changelist, {"status__exact": "neu"})) == {feedback.pk}
    assert other.pk in result_ids(editor_client.get(changelist))
    # Reports come only from visitors through the public form.
    assert editor_client.get(admin_url(AccessibilityFeedback, "add")).status_code == 403

    response = post_change(
        editor_client,
        feedback,
        status="in_bearbeitung",
        message="Umgeschrieben",
        staff_note="Ticket 12",
    )

    assert response.status_code == 302, form_errors(response)
    feedback.refresh_from_db()
    assert feedback.status == AccessibilityFeedback.Status.IN_PROGRESS
    assert feedback.staff_note == "Ticket 12"
    assert feedback.message == "Die Karte ist per Tastatur nicht bedienbar."  # read-only
    assert feedback.history.first().history_user == editor
