import datetime

import pytest

from projects.models import Project, WorkingGroup
from tests.admin_helpers import (
    AdminCase,
    admin_url,
    check_changelist_queries_constant,
    check_pages,
    check_save_recorded,
    form_data,
    form_errors,
    post_change,
)
from tests.factories import (
    ContactPersonFactory,
    FieldOfActionFactory,
    MunicipalityFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def _fields():
    return FieldOfActionFactory(name="Mobilität"), FieldOfActionFactory(name="Klimaschutz")


def _groups():
    return (
        WorkingGroupFactory(name="Arbeitskreis Wohnen", kind=WorkingGroup.Kind.ARBEITSKREIS),
        WorkingGroupFactory(name="Arbeitsgruppe Radverkehr"),
    )


def _projects():
    havixbeck = MunicipalityFactory(name="Havixbeck")
    return (
        ProjectFactory(title="Velorouten", municipalities=[havixbeck]),
        ProjectFactory(title="Wohnregion 2030", is_published=False),
    )


CASES = [
    # Fields of action have no list filter: four fixed entries need none.
    AdminCase(_fields, search="Mobil", filters=None, change={"summary": "Besser unterwegs."}),
    AdminCase(
        _groups,
        search="Wohnen",
        filters={"kind__exact": "arbeitskreis"},
        change={"summary": "Wohnraum für alle."},
    ),
    AdminCase(
        _projects,
        search="Velo",
        filters={"is_published__exact": "1"},
        change={"status": "abgeschlossen"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_can_use_every_page(editor_client, case):
    check_pages(editor_client, case)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_saves_are_kept_in_history(editor_client, editor, case):
    check_save_recorded(editor_client, editor, case)


def test_project_filtered_by_municipality(editor_client):
    project, _other = _projects()
    havixbeck = project.municipalities.get()

    response = editor_client.get(admin_url(Project, "changelist"), {"municipalities": havixbeck.pk})

    assert [p.pk for p in response.context["cl"].result_list] == [project.pk]


def test_project_municipalities_are_saved_and_kept_in_history(editor_client):
    project = ProjectFactory()
    telgte, senden = MunicipalityFactory(name="Telgte"), MunicipalityFactory(name="Senden")

    response = post_change(editor_client, project, municipalities=[str(telgte.pk), str(senden.pk)])

    assert response.status_code == 302, form_errors(response)
    assert set(project.municipalities.all()) == {telgte, senden}
    latest = project.history.first()
    assert {m.municipality_id for m in latest.municipalities.all()} == {telgte.pk, senden.pk}


def test_working_group_participants_are_saved(editor_client):
    group = WorkingGroupFactory()
    municipality = MunicipalityFactory()
    contact = ContactPersonFactory()

    response = post_change(
        editor_client, group, municipalities=[str(municipality.pk)], contacts=[str(contact.pk)]
    )

    assert response.status_code == 302, form_errors(response)
    assert list(group.municipalities.all()) == [municipality]
    assert list(group.contacts.all()) == [contact]


def test_project_end_before_start_is_a_german_form_error(editor_client):
    project = ProjectFactory(start_date=datetime.date(2024, 5, 1))

    response = post_change(editor_client, project, end_date="2024-04-30")

    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in form_errors(response)
    project.refresh_from_db()
    assert project.end_date is None


def test_working_group_of_another_field_is_rejected(editor_client):
    project = ProjectFactory()
    foreign_group = WorkingGroupFactory()  # its own, different field of action

    response = post_change(editor_client, project, working_group=str(foreign_group.pk))

    assert response.status_code == 200
    assert (
        "Die Arbeitsgruppe gehört zu einem anderen Handlungsfeld als das Projekt."
        in form_errors(response)
    )


def test_working_group_of_the_same_field_is_accepted(editor_client):
    project = ProjectFactory()
    group = WorkingGroupFactory(field_of_action=project.field_of_action)

    response = post_change(editor_client, project, working_group=str(group.pk))

    assert response.status_code == 302, form_errors(response)
    project.refresh_from_db()
    assert project.working_group == group


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "velo routen"}, "Bitte ein gültiges Kürzel"),
        ({"video_url": "https://example.org/video"}, "YouTube"),
        ({"latitude": "51.9"}, "Bitte Breiten- und Längengrad gemeinsam angeben."),
    ],
)
def test_invalid_project_values_get_german_errors(editor_client, changes, message):
    project = ProjectFactory()

    response = post_change(editor_client, project, **changes)

    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)


def test_duplicate_slug_is_a_german_error(editor_client):
    ProjectFactory(slug="velorouten")
    url = admin_url(Project, "add")
    data = form_data(editor_client.get(url))
    data.update(
        title="Velorouten",
        slug="velorouten",
        field_of_action=str(FieldOfActionFactory().pk),
        summary="Radwege",
        status="laufend",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any("existiert bereits" in error for error in form_errors(response))


@pytest.mark.parametrize(
    ("action", "before", "after"), [("publish", False, True), ("unpublish", True, False)]
)
def test_publish_actions_are_recorded(editor_client, editor, action, before, after):
    projects = [ProjectFactory(is_published=before) for _ in range(2)]
    untouched = ProjectFactory(is_published=before)

    response = editor_client.post(
        admin_url(Project, "changelist"),
        {"action": action, "_selected_action": [str(p.pk) for p in projects]},
        follow=True,
    )

    assert response.status_code == 200
    assert "2 Einträge wurden" in response.content.decode()
    for project in projects:
        project.refresh_from_db()
        assert project.is_published is after
        assert project.history.first().history_user == editor
    untouched.refresh_from_db()
    assert untouched.is_published is before


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Project, lambda: ProjectFactory(working_group=WorkingGroupFactory())),
        (WorkingGroup, WorkingGroupFactory),
    ],
    ids=["Project", "WorkingGroup"],
)
def test_changelists_need_no_query_per_row(editor_client, model, make):
    check_changelist_queries_constant(editor_client, model, make)
