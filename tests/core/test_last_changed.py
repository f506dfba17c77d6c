"""Every content page says when its content last changed ("Stand"), so stale pages show."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    BodyFactory,
    DocumentFactory,
    FieldOfActionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PageFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

# 23:30 UTC is already the next day in Münster: the page shows the local date.
CHANGED = datetime.datetime(2025, 3, 7, 23, 30, tzinfo=datetime.UTC)
STAND = '<p class="last-changed">Stand: <time datetime="2025-03-08">8. März 2025</time></p>'

FACTORIES = {
    "Kommune": MunicipalityFactory,
    "Handlungsfeld": FieldOfActionFactory,
    "Projekt": ProjectFactory,
    "Arbeitsgruppe": WorkingGroupFactory,
    "Gremium": BodyFactory,
    "Sitzung": MeetingFactory,
    "Dokument": DocumentFactory,
    "Seite": PageFactory,
}


@pytest.mark.django_db
@pytest.mark.parametrize("factory", FACTORIES.values(), ids=FACTORIES.keys())
def test_content_page_shows_its_last_change(client, factory):
    obj = factory()
    type(obj).objects.filter(pk=obj.pk).update(updated_at=CHANGED)
    obj.refresh_from_db()

    response = client.get(obj.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count(STAND) == 1


@pytest.mark.django_db
def test_stand_follows_a_change(client):
    project = ProjectFactory()
    type(project).objects.filter(pk=project.pk).update(updated_at=CHANGED)
    project.refresh_from_db()
    project.summary = "Neu gefasst"
    project.save()

    html = client.get(project.get_absolute_url()).content.decode()

    assert STAND not in html
    today = timezone.localtime(project.updated_at)
    assert f'<time datetime="{today:%Y-%m-%d}">' in html
