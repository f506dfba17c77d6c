""" "Stand: <date>" names the last change of the content: a save that changes nothing keeps it."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Project
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

EARLIER = timezone.now() - datetime.timedelta(days=30)


@pytest.fixture
def project():
    project = ProjectFactory(title="Radschnellweg")
    Project.objects.filter(pk=project.pk).update(updated_at=EARLIER)
    project.refresh_from_db()
    return project


def test_saving_an_unchanged_form_keeps_the_date(editor_client, project):
    url = admin_url(Project, "change", project.pk)
    response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302, form_errors(response)
    project.refresh_from_db()
    assert project.updated_at == EARLIER


def test_a_change_moves_the_date(editor_client, project):
    url = admin_url(Project, "change", project.pk)
    data = form_data(editor_client.get(url)) | {"title": "Radschnellweg Münster–Telgte"}
    assert editor_client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.updated_at > EARLIER


def test_orm_saves_follow_the_same_rule(project):
    project.save()
    project.refresh_from_db()
    assert project.updated_at == EARLIER
    project.summary = "Neu"
    project.save()
    project.refresh_from_db()
    assert project.updated_at > EARLIER


def test_a_change_of_relations_only_moves_the_date(editor_client, project):
    from tests.factories import MunicipalityFactory

    town = MunicipalityFactory()
    url = admin_url(Project, "change", project.pk)
    data = form_data(editor_client.get(url)) | {"municipalities": [str(town.pk)]}
    assert editor_client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.updated_at > EARLIER


def test_a_callers_decision_about_history_survives_the_save(project):
    entries = project.history.count()
    project.skip_history_when_saving = True
    project.save()
    assert project.skip_history_when_saving is True  # still the caller's, for later saves
    del project.skip_history_when_saving
    project.save(update_fields=["title"])  # unchanged: no empty entry either way
    assert project.history.count() == entries
