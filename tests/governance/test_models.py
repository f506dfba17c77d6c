import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.models import Body, Document, Meeting, Membership, validate_quota
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    ProjectFactory,
    SeatQuotaFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_str_and_urls():
    body = BodyFactory(name="Beirat Stadtregion", slug="beirat")
    meeting = MeetingFactory(
        title="Rätetreffen",
        slug="2024-09-18-raetetreffen",
        start=datetime.datetime(2024, 9, 18, 23, 30, tzinfo=datetime.UTC),
    )
    document = DocumentFactory(title="Kontrakt", slug="kontrakt")

    assert (str(body), body.get_absolute_url()) == ("Beirat Stadtregion", "/gremien/beirat/")
    # Shown in local time: 23:30 UTC is already the next day in Münster.
    assert str(meeting) == "Rätetreffen (19.09.2024)"
    assert meeting.get_absolute_url() == "/termine/2024-09-18-raetetreffen/"
    assert (str(document), document.get_absolute_url()) == ("Kontrakt", "/dokumente/kontrakt/")
    assert document.get_download_url() == "/dokumente/kontrakt/datei.pdf"
    assert str(AgendaItemFactory(number="2.1", title="Velorouten")) == "2.1. Velorouten"
    assert str(TimelineEventFactory(date=datetime.date(2015, 6, 19), title="eea")) == "2015: eea"


def test_membership_and_quota_str():
    body = BodyFactory(name="Beirat")
    member = MembershipFactory(body=body, person_name="Jörn Möltgen", role=Membership.Role.CHAIR)
    quota = SeatQuotaFactory(body=body, municipality__name="Greven", seats=3)

    assert str(member) == "Jörn Möltgen – Vorsitz und Sprecher/in (Beirat)"
    assert str(quota) == "Beirat: Greven (3)"


def test_seat_limit():
    quota = SeatQuotaFactory(seats=7)

    assert quota.body.seat_limit(quota.municipality_id) == 7
    assert quota.body.seat_limit(MunicipalityFactory().pk) is None


def test_one_quota_per_municipality_and_body():
    quota = SeatQuotaFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        SeatQuotaFactory(body=quota.body, municipality=quota.municipality)
    with pytest.raises(ValidationError) as error:
        SeatQuotaFactory.build(body=quota.body, municipality=quota.municipality).full_clean()
    assert "Für diese Kommune gibt es schon ein Sitzkontingent." in error.value.messages


def test_current_and_former_memberships():
    current = MembershipFactory(start_date=datetime.date(2020, 1, 1), end_date=None)
    ends_today = MembershipFactory(start_date=None, end_date=TODAY)
    former = MembershipFactory(end_date=TODAY - datetime.timedelta(days=1))
    future = MembershipFactory(start_date=TODAY + datetime.timedelta(days=1))

    assert set(Membership.objects.current(on=TODAY)) == {current, ends_today}
    assert set(Membership.objects.former(on=TODAY)) == {former}
    assert [m.is_current(TODAY) for m in (current, ends_today, former, future)] == [
        True,
        True,
        False,
        False,
    ]


def test_current_defaults_to_today():
    member = MembershipFactory(end_date=timezone.localdate())
    MembershipFactory(end_date=timezone.localdate() - datetime.timedelta(days=1))

    assert list(Membership.objects.current()) == [member]
    assert member.is_current()


def test_membership_end_before_start_is_refused():
    with pytest.raises(IntegrityError):
        MembershipFactory(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1))


def test_meeting_end_before_start_is_a_german_validation_error():
    start = datetime.datetime(2024, 9, 18, 18, tzinfo=BERLIN)
    meeting = MeetingFactory.build(
        body=BodyFactory(), start=start, end=start - datetime.timedelta(hours=1)
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "Das Ende darf nicht vor dem Beginn liegen." in error.value.messages


def test_upcoming_and_past_meetings():
    now = timezone.now()
    later = MeetingFactory(start=now + datetime.timedelta(days=20))
    soon = MeetingFactory(start=now + datetime.timedelta(days=2))
    MeetingFactory(start=now + datetime.timedelta(days=5), is_published=False)
    recent = MeetingFactory(start=now - datetime.timedelta(days=2))
    old = MeetingFactory(start=now - datetime.timedelta(days=200))

    assert list(Meeting.objects.published().upcoming()) == [soon, later]
    assert list(Meeting.objects.published().past()) == [recent, old]
    assert soon.is_upcoming and not recent.is_upcoming


def test_agenda_numbers_are_unique_per_meeting():
    item = AgendaItemFactory(number="1")
    AgendaItemFactory(number="1")  # another meeting

    with pytest.raises(IntegrityError):
        AgendaItemFactory(meeting=item.meeting, number="1")


def test_agenda_items_follow_their_order():
    meeting = MeetingFactory()
    second = AgendaItemFactory(meeting=meeting, number="2", order=2)
    first = AgendaItemFactory(meeting=meeting, number="1", order=1)

    assert list(meeting.agenda_items.all()) == [first, second]


def test_documents_newest_first_and_list_query(django_assert_num_queries):
    old = DocumentFactory(date=datetime.date(2018, 12, 31), body=BodyFactory())
    new = DocumentFactory(
        date=datetime.date(2022, 5, 1), meeting=MeetingFactory(), project=ProjectFactory()
    )
    DocumentFactory(is_published=False)

    with django_assert_num_queries(3):  # documents, their meetings, their projects
        documents = list(Document.objects.published().for_list())
        relations = [(d.body, d.meeting, d.project, d.field_of_action) for d in documents]

    assert documents == [new, old]
    assert len(relations) == 2


def test_document_relations_to_drafts_are_none_except_for_staff(django_user_model):
    document = DocumentFactory(
        meeting=MeetingFactory(is_published=False), project=ProjectFactory(is_published=False)
    )
    visitor_view = Document.objects.for_list().get()
    assert (visitor_view.meeting, visitor_view.project) == (None, None)
    staff = django_user_model(username="staff", is_staff=True)
    # A staff account alone is not enough: its session must have used the second factor.
    password_only_view = Document.objects.for_list(staff).get()
    assert (password_only_view.meeting, password_only_view.project) == (None, None)
    staff.is_verified = lambda: True  # as django-otp's middleware says after a one-time code
    staff_view = Document.objects.for_list(staff).get()
    assert (staff_view.meeting, staff_view.project) == (document.meeting, document.project)


def test_document_file_size():
    document = DocumentFactory()

    assert document.file_size == document.file.size > 0
    document.file.storage.delete(document.file.name)
    assert document.file_size is None


def test_document_must_be_a_pdf():
    document = DocumentFactory.build(file=ContentFile(b"GIF89a", name="bild.pdf"))

    with pytest.raises(ValidationError) as error:
        document.full_clean()

    assert error.value.message_dict["file"] == [
        "Die Datei „bild.pdf“ ist kein PDF-Dokument, auch wenn ihre Endung das verspricht."
    ]


# validate_quota: the Beirat has 3 seats per municipality, 7 for Münster.


@pytest.fixture
def greven_quota():
    return SeatQuotaFactory(body__name="Beirat", municipality__name="Greven", seats=3)


def _members(quota, count, **dates):
    return [
        Membership(body=quota.body, municipality=quota.municipality, **dates) for _ in range(count)
    ]


def test_quota_allows_up_to_the_seats(greven_quota):
    validate_quota(greven_quota.body, greven_quota.municipality, _members(greven_quota, 3))


def test_quota_rejects_one_more(greven_quota):
    with pytest.raises(ValidationError) as error:
        validate_quota(greven_quota.body, greven_quota.municipality, _members(greven_quota, 4))

    assert error.value.code == "seat_quota"
    assert error.value.messages == [
        "Greven hat in „Beirat“ nur 3 Sitze; eingetragen sind 4 Mitglieder."
    ]


def test_quota_ignores_former_members_and_other_municipalities(greven_quota):
    members = [
        *_members(greven_quota, 3),
        *_members(greven_quota, 2, end_date=datetime.date(2019, 12, 31)),
        Membership(body=greven_quota.body, municipality=MunicipalityFactory()),
    ]

    validate_quota(greven_quota.body, greven_quota.municipality, members)


def test_quota_counts_members_of_the_next_term(greven_quota):
    starts = timezone.localdate() + datetime.timedelta(days=30)
    members = [*_members(greven_quota, 3), *_members(greven_quota, 1, start_date=starts)]

    with pytest.raises(ValidationError) as error:
        validate_quota(greven_quota.body, greven_quota.municipality, members)

    assert f"ab dem {starts:%d.%m.%Y} wären es 4 Mitglieder" in error.value.messages[0]


def test_quota_without_a_limit_or_municipality(greven_quota):
    body = BodyFactory()

    validate_quota(body, greven_quota.municipality, _members(greven_quota, 10))
    validate_quota(greven_quota.body, None, _members(greven_quota, 10))


def test_quota_uses_given_quotas_instead_of_stored_ones(greven_quota):
    municipality = greven_quota.municipality

    validate_quota(greven_quota.body, municipality, _members(greven_quota, 5), quotas={})
    with pytest.raises(ValidationError) as error:
        validate_quota(
            greven_quota.body, municipality, _members(greven_quota, 2), quotas={municipality.pk: 1}
        )
    assert error.value.messages == [
        "Greven hat in „Beirat“ nur 1 Sitz; eingetragen sind 2 Mitglieder."
    ]


def test_body_kinds_are_german():
    assert Body.Kind.ADVISORY.label == "Beirat"
    assert BodyFactory(kind=Body.Kind.OFFICE).get_kind_display() == "Geschäftsstelle"


@pytest.mark.django_db
def test_document_whose_stored_file_went_missing_asks_for_a_new_upload():
    from django.core.exceptions import ValidationError

    from tests.factories import DocumentFactory

    document = DocumentFactory()
    document.file.storage.delete(document.file.name)
    with pytest.raises(ValidationError) as excinfo:
        document.full_clean()
    assert "nicht mehr vorhanden" in str(excinfo.value.message_dict["file"])
