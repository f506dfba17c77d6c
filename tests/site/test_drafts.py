"""No public page, list, sitemap or GeoJSON names an object visitors must not see (a draft, one
scheduled for later, one whose time ran out); staff still preview them.

Drafts of every kind, with a marker in their titles and slugs, hang off published content (a
published project in a draft group, a published document about a draft project and meeting, ...).
A visitor then walks the whole seeded site, and the marker must appear nowhere.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from governance.models import Body
from members.models import Municipality
from projects.models import FieldOfAction
from tests.admin_helpers import two_factor_login
from tests.crawl import crawl, sitemap_text
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
    SignLanguageVideoFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

MARKER = "entwurf-q7x"  # in every draft's title and slug; compared case-insensitively


NOW = timezone.now()
# Three ways of not being public; the clock decides the last two at each request.
HIDDEN_STATES = {
    "draft": {"is_published": False},
    "scheduled": {"is_published": True, "publish_from": NOW + datetime.timedelta(days=1)},
    "expired": {"is_published": True, "visible_until": NOW - datetime.timedelta(minutes=1)},
}


@pytest.fixture(params=HIDDEN_STATES)
def hidden_state(request):
    return request.param


@pytest.fixture
def drafts(hidden_state, seeded_db):  # the site seeded once per session, not per case
    town = Municipality.objects.filter(latitude__isnull=False).first()
    field = FieldOfAction.objects.first()
    body = Body.objects.first()
    soon = timezone.now() + datetime.timedelta(hours=1)  # first on the home page's list

    def draft(factory, name, **fields):
        title = {"name" if factory is WorkingGroupFactory else "title": f"{MARKER.title()} {name}"}
        hidden = HIDDEN_STATES[hidden_state]
        return factory(slug=f"{MARKER}-{name.lower()}", **hidden, **title, **fields)

    group = draft(WorkingGroupFactory, "Gruppe", field_of_action=field)
    group.municipalities.add(town)
    project = draft(
        ProjectFactory, "Projekt", field_of_action=field, working_group=group,
        municipalities=[town], latitude=town.latitude, longitude=town.longitude,
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )  # fmt: skip
    meeting = draft(MeetingFactory, "Sitzung", body=body, start=soon)
    draft(DocumentFactory, "Dokument", body=body, meeting=meeting, project=project,
          field_of_action=field)  # fmt: skip
    draft(PageFactory, "Seite", menu="footer")
    draft(NewsArticleFactory, "Meldung", date=datetime.date(2099, 1, 1))  # newest: on the home page
    SignLanguageVideoFactory(title=f"{MARKER.title()} Video", **HIDDEN_STATES[hidden_state])

    # Published content that points at the drafts.
    published_group = WorkingGroupFactory(field_of_action=field)
    published_group.municipalities.add(town)
    ProjectFactory(
        field_of_action=field, working_group=group, municipalities=[town],
        latitude=Decimal("51.9"), longitude=Decimal("7.6"),
    )  # fmt: skip
    project.working_group = published_group
    project.save()
    published_meeting = MeetingFactory(body=body, start=soon + datetime.timedelta(hours=1))
    DocumentFactory(body=body, meeting=meeting, project=project, field_of_action=field)
    DocumentFactory(body=body, meeting=published_meeting, field_of_action=field)
    NewsArticleFactory(date=datetime.date(2098, 1, 1), projects=[project], fields_of_action=[field])
    return {"town": town, "project": project}


def test_no_public_page_names_a_draft(client, drafts):
    def fetch(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    pages = crawl(fetch, limit=400)
    assert len(pages) > 40
    pages["/sitemap.xml"] = sitemap_text(client)
    for path in [
        "/robots.txt",
        "/karte/daten.geojson",
        f"/karte/daten.geojson?kommune={drafts['town'].slug}",
        "/gebaerdensprache/",
        "/aktuelles/",
    ]:
        status, pages[path] = fetch(path)
        assert status == 200, path
    leaks = [path for path, content in pages.items() if MARKER in content.lower()]
    assert leaks == []


NOTICES = {"draft": "Entwurf:", "scheduled": "Geplant:", "expired": "Abgelaufen:"}


def test_staff_preview_drafts_and_their_relations(client, django_user_model, drafts, hidden_state):
    two_factor_login(client, django_user_model.objects.create_user("staff", is_staff=True))
    html = client.get(drafts["project"].get_absolute_url()).content.decode()
    assert f"{MARKER.title()} Projekt" in html
    assert NOTICES[hidden_state] in html
