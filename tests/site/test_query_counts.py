"""Every public page runs a fixed number of queries, however much content there is.

The data grows by bulk inserts (fast, no per-object signals), all tied to a few "hub" objects whose
detail pages are measured, so twice the data must not mean a single extra query.
"""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import (
    AgendaItem,
    Body,
    Document,
    Meeting,
    Membership,
    SeatQuota,
    TimelineEvent,
)
from members.models import ContactPerson, Municipality
from pages.models import NewsArticle, Page
from projects.models import FieldOfAction, Project, WorkingGroup

pytestmark = pytest.mark.django_db

_ids = itertools.count(1)

# Ceilings per page: today's count plus one, so one deliberate extra query (say, for a new menu)
# does not break the build, while an N+1 query (dozens more) always does.
CEILINGS = {
    "home": 7,  # one more since the home page shows the latest news
    "municipality_list": 3,
    "municipality_detail": 7,
    "field_list": 3,
    "field_detail": 6,
    "project_list": 7,
    "project_list_filtered": 8,
    "project_detail": 6,
    "group_list": 4,
    "group_detail": 6,
    "body_list": 3,
    # A body: current members, next meetings, first and last meeting, a year's, documents.
    "body_detail": 9,
    "body_detail_year": 9,
    "body_former_members": 5,
    # The next meetings, first and last, the latest past one, the months before and after, a month.
    "meeting_list": 8,
    "meeting_list_month": 8,
    "meeting_detail": 5,
    "document_list": 8,  # one query more since the Gremium filter lists the bodies
    "document_list_filtered": 8,
    "document_detail": 5,
    "timeline": 3,
    "page": 3,
    "news_list": 4,
    "news_detail": 6,
}


class Hub:
    """The objects whose detail pages are measured; every batch of data is linked to them."""

    def __init__(self):
        self.municipality = Municipality.objects.create(
            name="Hub-Stadt", slug="hub-stadt", district="Kreis Coesfeld", population=10000,
            population_year=2023, area_km2=Decimal("50.00"), website="https://hub.example.org/",
        )  # fmt: skip
        self.field = FieldOfAction.objects.create(name="Hub-Feld", slug="hub-feld", summary="Hub")
        self.group = WorkingGroup.objects.create(
            is_published=True, name="Hub-Gruppe", slug="hub-gruppe", kind=WorkingGroup.Kind.ARBEITSKREIS,
            field_of_action=self.field,
        )  # fmt: skip
        self.project = Project.objects.create(
            is_published=True, title="Hub-Projekt", slug="hub-projekt", field_of_action=self.field,
            working_group=self.group, summary="Hub",
        )  # fmt: skip
        self.body = Body.objects.create(
            name="Hub-Gremium", slug="hub-gremium", kind=Body.Kind.ADVISORY, summary="Hub"
        )
        self.meeting = Meeting.objects.create(
            is_published=True, body=self.body, title="Hub-Sitzung", slug="hub-sitzung",
            start=timezone.now() + datetime.timedelta(days=5),
        )  # fmt: skip
        self.document = Document.objects.create(
            is_published=True, title="Hub-Dokument", slug="hub-dokument", kind=Document.Kind.REPORT,
            date=datetime.date(2024, 1, 1), file="dokumente/hub.pdf", body=self.body,
            meeting=self.meeting, project=self.project, field_of_action=self.field,
        )  # fmt: skip
        self.page = Page.objects.create(
            is_published=True, title="Hub-Seite", slug="hub-seite", body="Text", menu="footer"
        )
        self.article = NewsArticle.objects.create(
            is_published=True, title="Hub-Meldung", slug="hub-meldung", teaser="Hub", text="Text",
            date=datetime.date(2030, 1, 1),
        )  # fmt: skip

    def grow(self):
        """Adds 12 towns, 10 groups, 30 projects, 20 meetings, 20 documents and their relations."""
        n = next(_ids)
        towns = Municipality.objects.bulk_create(
            Municipality(
                name=f"Stadt {n}-{i}", slug=f"stadt-{n}-{i}", district="Kreis Warendorf",
                population=1000 + i, population_year=2023, area_km2=Decimal("10.5"),
                website="https://example.org/",
            )
            for i in range(12)
        )  # fmt: skip
        towns.append(self.municipality)
        field = FieldOfAction.objects.create(name=f"Feld {n}", slug=f"feld-{n}", summary="Feld")
        groups = WorkingGroup.objects.bulk_create(
            WorkingGroup(
                is_published=True, name=f"Gruppe {n}-{i}", slug=f"gruppe-{n}-{i}", kind=WorkingGroup.Kind.ARBEITSGRUPPE,
                field_of_action=self.field if i % 2 else field, is_demo=bool(i % 3),
            )
            for i in range(10)
        )  # fmt: skip
        groups.append(self.group)
        projects = Project.objects.bulk_create(
            Project(
                is_published=True, title=f"Projekt {n}-{i}", slug=f"projekt-{n}-{i}", summary="Projekt",
                field_of_action=self.field, working_group=self.group if i % 2 else None,
                status=[Project.Status.PLANNED, Project.Status.RUNNING][i % 2], is_demo=bool(i % 3),
            )
            for i in range(30)
        )  # fmt: skip
        projects.append(self.project)
        ProjectTowns = Project.municipalities.through
        ProjectTowns.objects.bulk_create(
            [
                ProjectTowns(project=p, municipality=t)
                for p in projects
                for t in towns[:3] + towns[-1:]
            ],
            ignore_conflicts=True,  # the hub project and the hub town are linked in every batch
        )
        GroupTowns = WorkingGroup.municipalities.through
        GroupTowns.objects.bulk_create(
            [GroupTowns(workinggroup=g, municipality=t) for g in groups for t in towns[-4:]],
            ignore_conflicts=True,
        )
        contacts = ContactPerson.objects.bulk_create(
            ContactPerson(
                name=f"Person {n}-{i}", role="Ansprechperson", municipality=towns[i],
                is_public=True, email=f"p{n}{i}@example.org",
            )
            for i in range(12)
        )  # fmt: skip
        contacts += ContactPerson.objects.bulk_create(
            ContactPerson(name=f"Hub-Person {n}-{i}", role="Ansprechperson",
                          municipality=self.municipality, is_public=True)
            for i in range(3)
        )  # fmt: skip
        self.group.contacts.add(*contacts)
        Membership.objects.bulk_create(
            Membership(
                body=self.body, person_name=f"Mitglied {n}-{i}", municipality=towns[i % len(towns)],
                role=Membership.Role.MEMBER, start_date=datetime.date(2020, 1, 1),
                end_date=None if i % 2 else datetime.date(2021, 1, 1),
            )
            for i in range(26)
        )  # fmt: skip
        SeatQuota.objects.bulk_create(
            SeatQuota(body=self.body, municipality=t, seats=3) for t in towns[:12]
        )
        Body.objects.bulk_create(
            Body(name=f"Gremium {n}-{i}", slug=f"gremium-{n}-{i}", kind=Body.Kind.DECISION,
                 summary="Gremium")
            for i in range(3)
        )  # fmt: skip
        now = timezone.now()
        meetings = Meeting.objects.bulk_create(
            Meeting(
                is_published=True, body=self.body, title=f"Sitzung {n}-{i}", slug=f"sitzung-{n}-{i}",
                start=now + datetime.timedelta(days=i - 10), is_demo=bool(i % 3),
            )
            for i in range(20)
        )  # fmt: skip
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=self.meeting, number=f"{n}.{i}", title=f"Punkt {n}.{i}", order=i)
            for i in range(8)
        )
        Document.objects.bulk_create(
            Document(
                is_published=True, title=f"Dokument {n}-{i}", slug=f"dokument-{n}-{i}",
                kind=[Document.Kind.REPORT, Document.Kind.MINUTES][i % 2],
                date=datetime.date(2020 + i % 5, 1, 1), file=f"dokumente/{n}-{i}.pdf",
                body=self.body, meeting=self.meeting if i % 2 else meetings[i],
                project=self.project, field_of_action=self.field, is_demo=bool(i % 3),
            )
            for i in range(20)
        )  # fmt: skip
        TimelineEvent.objects.bulk_create(
            TimelineEvent(date=datetime.date(2000 + i, 1, 1), title=f"Ereignis {n}-{i}")
            for i in range(5)
        )
        articles = NewsArticle.objects.bulk_create(
            NewsArticle(
                is_published=True, title=f"Meldung {n}-{i}", slug=f"meldung-{n}-{i}", teaser="Meldung", text="Text",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i), is_demo=bool(i % 3),
            )
            for i in range(15)
        )  # fmt: skip
        articles.append(self.article)
        for relation, targets in [
            (NewsArticle.municipalities, towns[-4:]),
            (NewsArticle.fields_of_action, [self.field, field]),
            (NewsArticle.projects, projects[:6]),
        ]:
            Through = relation.through
            target = relation.field.m2m_reverse_field_name()
            Through.objects.bulk_create(
                [Through(newsarticle=a, **{target: t}) for a in articles for t in targets],
                ignore_conflicts=True,
            )

    def urls(self):
        return {
            "home": "/",
            "municipality_list": "/kommunen/",
            "municipality_detail": self.municipality.get_absolute_url(),
            "field_list": "/handlungsfelder/",
            "field_detail": self.field.get_absolute_url(),
            "project_list": "/projekte/",
            "project_list_filtered": f"/projekte/?kommune={self.municipality.slug}&status=laufend",
            "project_detail": self.project.get_absolute_url(),
            "group_list": "/arbeitsgruppen/",
            "group_detail": self.group.get_absolute_url(),
            "body_list": "/gremien/",
            "body_detail": self.body.get_absolute_url(),
            "body_detail_year": f"{self.body.get_absolute_url()}?jahr={self.meeting.start.year}",
            "body_former_members": f"{self.body.get_absolute_url()}ehemalige/",
            "meeting_list": "/termine/",
            "meeting_list_month": f"/termine/?monat={self.meeting.start:%Y-%m}",
            "meeting_detail": self.meeting.get_absolute_url(),
            "document_list": "/dokumente/",
            "document_list_filtered": "/dokumente/?art=bericht&jahr=2024&gremium=hub-gremium",
            "document_detail": self.document.get_absolute_url(),
            "timeline": "/chronik/",
            "page": self.page.get_absolute_url(),
            "news_list": "/aktuelles/",
            "news_detail": self.article.get_absolute_url(),
        }


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def hub():
    hub = Hub()
    hub.grow()
    return hub


def test_every_public_page_is_measured(hub):
    assert set(hub.urls()) == set(CEILINGS)


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_page_stays_under_its_query_ceiling(client, django_assert_max_num_queries, hub, name):
    url = hub.urls()[name]
    with django_assert_max_num_queries(CEILINGS[name]):
        response = client.get(url)
    assert response.status_code == 200


def test_twice_the_data_costs_no_extra_query(client, hub):
    before = {name: _count_queries(client, url) for name, url in hub.urls().items()}
    hub.grow()
    after = {name: _count_queries(client, url) for name, url in hub.urls().items()}
    assert after == before


def test_the_data_really_doubled(hub):
    """Guards the test above: the hub pages must show more content after growing."""
    assert hub.municipality.projects.count() == 31
    assert hub.project.documents.count() == 21
    assert hub.body.memberships.count() == 26
    assert NewsArticle.objects.count() == 16
    hub.grow()
    assert hub.municipality.projects.count() == 61
    assert hub.project.documents.count() == 41
    assert hub.body.memberships.count() == 52
    assert NewsArticle.objects.count() == 31
    assert hub.article.projects.count() == 12
