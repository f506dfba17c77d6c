"""Admin details of issue 19: a withdrawn object is called so, read-only forms say why."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from projects.models import Project
from tests.accounts.test_town_editors import towns  # noqa: F401 (fixture)
from tests.admin_helpers import admin_url, result_ids, two_factor_login
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_withdrawn_project_is_not_called_a_draft(editor_client):
    withdrawn = ProjectFactory(title="Zurückgezogen", is_published=True)
    withdrawn.is_published = False
    withdrawn.save()
    draft = ProjectFactory(title="Noch nie veröffentlicht", is_published=False)
    changelist = admin_url(Project, "changelist")

    response = editor_client.get(changelist)
    rows = {
        obj.pk: response.context["cl"].model_admin.publication_status_column(obj)
        for obj in response.context["cl"].result_list
    }
    assert str(rows[withdrawn.pk]) == "zurückgezogen"
    assert str(rows[draft.pk]) == "Entwurf"
    assert result_ids(editor_client.get(changelist, {"veroeffentlichung": "withdrawn"})) == {
        withdrawn.pk
    }
    assert result_ids(editor_client.get(changelist, {"veroeffentlichung": "draft"})) == {draft.pk}


def test_a_town_editor_is_told_why_a_form_is_read_only(towns):  # noqa: F811
    mine, other = towns
    html = mine.client.get(admin_url(Project, "change", other.project.pk)).content.decode()
    assert "Nur lesbar: Dieser Eintrag gehört nicht zu Ihrer Kommune." in html
    html = mine.client.get(admin_url(Project, "change", mine.project.pk)).content.decode()
    assert "Nur lesbar" not in html


def test_a_view_only_user_is_told_why(django_user_model):
    user = django_user_model.objects.create_user("leser", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_project"))
    client = Client()
    two_factor_login(client, user)
    project = ProjectFactory()

    response = client.get(admin_url(Project, "change", project.pk))

    assert response.status_code == 200
    assert "Nur lesbar: Ihr Benutzerkonto darf Projekte ansehen, aber nicht ändern." in (
        response.content.decode()
    )


def test_the_start_pages_screen_reader_headings_are_german(editor_client):
    html = editor_client.get("/admin/").content.decode()
    for english_or_odd in ["Modellname", "Link hinzufügen", "Linkliste", "Brotkrümel"]:
        assert english_or_odd not in html, english_or_odd
    assert '<th scope="col">Bereich</th>' in html
    html = editor_client.get(admin_url(Project, "changelist")).content.decode()
    assert 'aria-label="Navigationspfad"' in html
