import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from projects.models import FieldOfAction, Project, WorkingGroup
from tests.factories import (
    FieldOfActionFactory,
    MunicipalityFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_str_and_urls():
    field = FieldOfActionFactory(name="Mobilität", slug="mobilitaet")
    group = WorkingGroupFactory(name="AG Velorouten", slug="ag-velorouten")
    project = ProjectFactory(title="Velorouten", slug="velorouten")

    assert (str(field), field.get_absolute_url()) == ("Mobilität", "/handlungsfelder/mobilitaet/")
    assert (str(group), group.get_absolute_url()) == (
        "AG Velorouten",
        "/arbeitsgruppen/ag-velorouten/",
    )
    assert (str(project), project.get_absolute_url()) == ("Velorouten", "/projekte/velorouten/")


def test_fields_of_action_are_ordered():
    FieldOfActionFactory(name="Schulentwicklung", order=4)
    FieldOfActionFactory(name="Mobilität", order=2)
    FieldOfActionFactory(name="Klimaschutz", order=3)

    assert [f.name for f in FieldOfAction.objects.all()] == [
        "Mobilität",
        "Klimaschutz",
        "Schulentwicklung",
    ]


def test_published_hides_drafts():
    project = ProjectFactory()
    ProjectFactory(is_published=False)
    group = WorkingGroupFactory()
    WorkingGroupFactory(is_published=False)

    assert list(Project.objects.published()) == [project]
    assert list(WorkingGroup.objects.published()) == [group]


def test_new_content_is_published_and_real_by_default():
    project = ProjectFactory()

    assert project.is_published
    assert not project.is_demo


def test_project_list_query_count_does_not_grow(django_assert_num_queries):
    municipalities = MunicipalityFactory.create_batch(3)
    for _ in range(5):
        ProjectFactory(municipalities=municipalities)

    with django_assert_num_queries(2):
        projects = list(Project.objects.for_list())
        names = [(p.field_of_action.name, len(p.municipalities.all())) for p in projects]

    assert len(names) == 5
    assert all(count == 3 for _name, count in names)


def test_project_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        ProjectFactory(start_date=datetime.date(2024, 5, 1), end_date=datetime.date(2024, 4, 30))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2024, 5, 1), datetime.date(2024, 5, 1)),
        (None, datetime.date(2024, 4, 30)),
        (datetime.date(2024, 5, 1), None),
    ],
)
def test_project_dates_that_are_allowed(start, end):
    ProjectFactory(start_date=start, end_date=end).full_clean()


def test_project_end_before_start_is_a_german_validation_error():
    project = ProjectFactory.build(
        field_of_action=FieldOfActionFactory(),
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert "Das Ende darf nicht vor dem Beginn liegen." in error.value.messages


def test_project_location_needs_both_coordinates():
    with pytest.raises(IntegrityError):
        ProjectFactory(latitude=Decimal("51.9"))


def test_working_group_must_belong_to_the_projects_field():
    project = ProjectFactory(working_group=WorkingGroupFactory())

    with pytest.raises(ValidationError) as error:
        project.clean()

    assert error.value.message_dict == {
        "working_group": [
            "Die Arbeitsgruppe gehört zu einem anderen Handlungsfeld als das Projekt."
        ]
    }
    project.working_group = WorkingGroupFactory(field_of_action=project.field_of_action)
    project.clean()


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", True),
        ("https://youtu.be/dQw4w9WgXcQ", True),
        ("https://vimeo.com/123456", False),
        ("https://www.youtube.com/watch?v=kurz", False),
    ],
)
def test_project_video_must_be_youtube(url, valid):
    project = ProjectFactory(video_url=url)

    if valid:
        project.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            project.full_clean()
        assert "video_url" in error.value.message_dict


def test_municipality_changes_are_kept_in_project_history():
    project = ProjectFactory()
    telgte = MunicipalityFactory()

    project.municipalities.add(telgte)
    project.save()

    latest = project.history.first()
    assert [m.municipality_id for m in latest.municipalities.all()] == [telgte.pk]
