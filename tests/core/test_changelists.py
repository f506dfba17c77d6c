"""What editors expect of every changelist: search, filters (municipality, field of action,
body, status, year) that narrow the list, a link to the public page, upload limits shown
before the upload, and inline tables sized for a 1280 px screen."""

import datetime

import pytest
from django.utils import timezone

from accessibility.models import SignLanguageVideo
from governance.models import Body, Document, Meeting, Membership
from members.models import ContactPerson, Municipality
from pages.models import Page
from projects.models import FieldOfAction, Project, WorkingGroup
from tests.admin_helpers import admin_url, result_ids
from tests.factories import (
    BodyFactory,
    ContactPersonFactory,
    DocumentFactory,
    FieldOfActionFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    PageFactory,
    ProjectFactory,
    SignLanguageVideoFactory,
    WorkingGroupFactory,
)

ON_SITE = "Auf der Website ansehen"


def _municipalities():
    obj = MunicipalityFactory(name="Nottuln", district="Kreis Coesfeld")
    other = MunicipalityFactory(name="Greven", district="Kreis Steinfurt")
    return obj, other, {"district__exact": "Kreis Coesfeld"}


def _contacts():
    obj = ContactPersonFactory(name="Anna Beispiel")
    other = ContactPersonFactory(name="Bernd Muster")
    return obj, other, {"municipality__id__exact": obj.municipality_id}


def _fields():
    return FieldOfActionFactory(name="Mobilität"), FieldOfActionFactory(name="Wohnen"), {}


def _groups():
    town = MunicipalityFactory()
    obj = WorkingGroupFactory(name="AG Radverkehr", kind=WorkingGroup.Kind.ARBEITSGRUPPE)
    obj.municipalities.set([town])
    other = WorkingGroupFactory(
        name="Lenkungskreis Wohnen", kind=WorkingGroup.Kind.ARBEITSKREIS, is_published=False
    )
    return (
        obj,
        other,
        {
            "field_of_action__id__exact": obj.field_of_action_id,
            "municipalities__id__exact": town.pk,
            "is_published__exact": "1",
            "kind__exact": obj.kind,
        },
    )


def _projects():
    town = MunicipalityFactory()
    obj = ProjectFactory(
        title="Radschnellweg",
        status=Project.Status.RUNNING,
        start_date=datetime.date(2024, 3, 1),
        municipalities=[town],
    )
    other = ProjectFactory(
        title="Wohnraumbörse",
        status=Project.Status.PLANNED,
        start_date=datetime.date(2022, 3, 1),
        is_published=False,
    )
    return (
        obj,
        other,
        {
            "status__exact": obj.status,
            "field_of_action__id__exact": obj.field_of_action_id,
            "municipalities__id__exact": town.pk,
            "is_published__exact": "1",
            "start_date__year": "2024",
        },
    )


def _bodies():
    obj = BodyFactory(name="Beirat", kind=Body.Kind.DECISION)
    other = BodyFactory(name="Fachforum", kind=Body.Kind.COORDINATION)
    return obj, other, {"kind__exact": obj.kind}


def _memberships():
    obj = MembershipFactory(person_name="Clara Ratsfrau")
    other = MembershipFactory(person_name="Dieter Beispiel")
    return (
        obj,
        other,
        {"body__id__exact": obj.body_id, "municipality__id__exact": obj.municipality_id},
    )


def _meetings():
    now = timezone.now()
    obj = MeetingFactory(title="Beiratssitzung", start=now.replace(year=2025, month=6))
    other = MeetingFactory(
        title="Fachforum Wohnen", start=now.replace(year=2024, month=6), is_published=False
    )
    return (
        obj,
        other,
        {"body__id__exact": obj.body_id, "is_published__exact": "1", "start__year": "2025"},
    )


def _documents():
    obj = DocumentFactory(
        title="Kontrakt",
        body=BodyFactory(),
        field_of_action=FieldOfActionFactory(),
        date=datetime.date(2025, 2, 1),
    )
    other = DocumentFactory(
        title="Niederschrift",
        body=BodyFactory(),
        field_of_action=FieldOfActionFactory(),
        date=datetime.date(2023, 2, 1),
        is_published=False,
    )
    return (
        obj,
        other,
        {
            "body__id__exact": obj.body_id,
            "field_of_action__id__exact": obj.field_of_action_id,
            "is_published__exact": "1",
            "date__year": "2025",
        },
    )


def _pages():
    obj = PageFactory(title="Über uns", menu=Page.Menu.MAIN)
    other = PageFactory(title="Archiv", menu=Page.Menu.FOOTER, is_published=False)
    return obj, other, {"menu__exact": "main", "is_published__exact": "1"}


def _videos():
    obj = SignLanguageVideoFactory(title="Navigation", topic=SignLanguageVideo.Topic.NAVIGATION)
    other = SignLanguageVideoFactory(
        title="Inhalte", topic=SignLanguageVideo.Topic.CONTENT, is_published=False
    )
    return obj, other, {"topic__exact": obj.topic, "is_published__exact": "1"}


CASES = {
    Municipality: (_municipalities, "Nottuln"),
    ContactPerson: (_contacts, "Anna"),
    FieldOfAction: (_fields, "Mobilität"),
    WorkingGroup: (_groups, "Radverkehr"),
    Project: (_projects, "Radschnellweg"),
    Body: (_bodies, "Beirat"),
    Membership: (_memberships, "Clara"),
    Meeting: (_meetings, "Beiratssitzung"),
    Document: (_documents, "Kontrakt"),
    Page: (_pages, "Über uns"),
    SignLanguageVideo: (_videos, "Navigation"),
}
IDS = [model.__name__ for model in CASES]


@pytest.mark.parametrize(("model", "case"), CASES.items(), ids=IDS)
def test_search_finds_only_the_match(editor_client, model, case):
    make, search = case
    obj, other, _filters = make()

    response = editor_client.get(admin_url(model, "changelist"), {"q": search})

    assert response.status_code == 200
    assert obj.pk in result_ids(response)
    assert other.pk not in result_ids(response)


FILTER_CASES = [
    (model, make, name)
    for model, (make, _search) in CASES.items()
    for name in {
        _municipalities: ["district__exact"],
        _contacts: ["municipality__id__exact"],
        _fields: [],
        _groups: [
            "field_of_action__id__exact",
            "municipalities__id__exact",
            "is_published__exact",
            "kind__exact",
        ],
        _projects: [
            "status__exact",
            "field_of_action__id__exact",
            "municipalities__id__exact",
            "is_published__exact",
            "start_date__year",
        ],
        _bodies: ["kind__exact"],
        _memberships: ["body__id__exact", "municipality__id__exact"],
        _meetings: ["body__id__exact", "is_published__exact", "start__year"],
        _documents: [
            "body__id__exact",
            "field_of_action__id__exact",
            "is_published__exact",
            "date__year",
        ],
        _pages: ["menu__exact", "is_published__exact"],
        _videos: ["topic__exact", "is_published__exact"],
    }[make]
]


@pytest.mark.parametrize(
    ("model", "make", "name"),
    FILTER_CASES,
    ids=[f"{model.__name__}-{name}" for model, _make, name in FILTER_CASES],
)
def test_each_filter_narrows_the_list(editor_client, model, make, name):
    obj, other, filters = make()

    response = editor_client.get(admin_url(model, "changelist"), {name: filters[name]})

    # An unknown filter parameter would redirect with ?e=1 instead.
    assert response.status_code == 200
    assert obj.pk in result_ids(response)
    assert other.pk not in result_ids(response)


@pytest.mark.parametrize(("model", "case"), CASES.items(), ids=IDS)
def test_rows_link_to_the_public_page(editor_client, model, case):
    obj, other, _filters = case[0]()

    content = editor_client.get(admin_url(model, "changelist")).content.decode()

    if hasattr(model, "get_absolute_url"):
        for row in (obj, other):
            assert f'<a href="{row.get_absolute_url()}">{ON_SITE}</a>' in content
    else:
        assert ON_SITE not in content


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (Municipality, "coat_of_arms", "höchstens 5 MB"),
        (Document, "file", "höchstens 20 MB"),
        (SignLanguageVideo, "video", "MB"),
    ],
)
def test_upload_limits_show_on_the_form_before_the_upload(editor_client, model, field, limit):
    response = editor_client.get(admin_url(model, "add"))

    form_field = response.context["adminform"].form.fields[field]
    assert limit in str(form_field.help_text)
    assert str(form_field.help_text) in response.content.decode()


def test_inline_tables_get_the_narrow_stylesheet(editor_client):
    town = MunicipalityFactory()

    content = editor_client.get(admin_url(Municipality, "change", town.pk)).content.decode()

    assert "editorial/admin-inlines.css" in content
