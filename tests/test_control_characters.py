"""No text an editor types can break a calendar, a feed, a CSV or JSON download, the DCAT
catalogue or OParl: control characters are removed when text is saved (core.text), and rows
stored before that rule are written safely all the same."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import feedparser
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from rdflib import Graph

from accessibility.models import AccessibilityFeedback
from core.text import clean_line, clean_text
from editorial.review import ReviewRequest, ReviewSettings, models
from figures.models import Value
from governance.models import Body, Document, Meeting
from members.models import Municipality
from opendata.datasets import DATASETS
from search.models import Synonym, ZeroHitQuery
from tests.admin_helpers import admin_url, form_data
from tests.factories import (
    AccessibilityFeedbackFactory,
    AgendaItemFactory,
    BodyFactory,
    ContactPersonFactory,
    DocumentFactory,
    FieldOfActionFactory,
    ImageFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
    SeatQuotaFactory,
    SignLanguageVideoFactory,
    TimelineEventFactory,
    WorkingGroupFactory,
)
from tests.figures.conftest import make_indicator
from tests.governance.test_calendar_clients import icaljs_times
from tests.oparl.test_schema import crawl

pytestmark = pytest.mark.django_db

# What pasting from a word processor, a terminal or a PDF brings along.
CONTROLS = "\r\x00\x0b\x1b\u2028\r\n\x7f\x85\x0c\t"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def text_fields(model):
    """The fields an editor types free text into: no choices, no validated slug, nothing
    derived."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.editable
        and not field.choices
        and not isinstance(field, models.SlugField)
    ]


def our_models():
    """Models with a table of ours (the apps in this repository), history included."""
    return [
        model
        for model in apps.get_models()
        if Path(apps.get_app_config(model._meta.concrete_model._meta.app_label).path).parent
        == settings.BASE_DIR
        and text_fields(model)
    ]


def _content():
    """One published object of every kind, linked as the downloads and OParl need them."""
    town = MunicipalityFactory(description="Beschreibung", official_name="Gemeinde Havixbeck")
    contact = ContactPersonFactory(municipality=town, phone="02507 1")
    group = WorkingGroupFactory(summary="Kurztext", description="Beschreibung")
    group.contacts.add(contact)
    ProjectFactory(
        municipalities=[town], field_of_action=FieldOfActionFactory(), location_name="Münster"
    )
    body = BodyFactory(description="Beschreibung")
    SeatQuotaFactory(body=body, municipality=town)
    MembershipFactory(body=body, municipality=town, function="Ratsmitglied")
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = MeetingFactory(body=body, start=start, address="Klemensstraße 10", description="x")
    paper = DocumentFactory(kind=Document.Kind.DRAFT_RESOLUTION, meeting=meeting, description="x")
    AgendaItemFactory(meeting=meeting, paper=paper, description="x", resolution_text="x")
    TimelineEventFactory(description="Beschreibung", link="https://example.org/")
    PageFactory()
    NewsArticleFactory(municipalities=[town])
    SignLanguageVideoFactory(description="Beschreibung")
    AccessibilityFeedbackFactory(name="Erika", staff_note="Notiz")
    ImageFactory()
    indicator = make_indicator(
        aggregation_note="x", genesis_attributes="x", source_url="https://example.org/"
    )
    Value.objects.create(indicator=indicator, municipality=town, year=2024, value=Decimal(1))
    Synonym.objects.create(term="Radweg", equivalents="Veloroute")
    ZeroHitQuery.objects.create(query="Radwegg", count=1, last_day=datetime.date(2026, 1, 1))
    ReviewSettings.load()
    ReviewRequest.objects.create(content_object=meeting, message="Bitte prüfen", comment="Geprüft")


def store_controls_as_legacy_rows():
    """Every free-text column of every row gets the controls, past the save rule (update()),
    as rows written before it; returns the (model, field) pairs that hold them."""
    # PostgreSQL never stores a NUL in text: its rows cannot hold one, old or new.
    controls = CONTROLS.replace("\x00", "") if connection.vendor == "postgresql" else CONTROLS
    dirty = set()
    for model in our_models():
        for obj in model._default_manager.all():
            values = {}
            for field in text_fields(model):
                original = getattr(obj, field.attname) or "Text"
                room = (field.max_length or 10_000) - 1  # "x" last: nothing strips the end
                keep = max(1, room - len(controls))
                values[field.attname] = f"{original[:keep]}{controls}"[:room] + "x"
                dirty.add((model._meta.label, field.name))
            model._default_manager.filter(pk=obj.pk).update(**values)
    return dirty


def answers(client) -> dict[str, bytes]:
    """Every calendar, feed, download, the catalogue and every OParl object."""
    urls = [
        reverse("governance:meeting_calendar"),
        *[reverse("governance:body_calendar", args=[b.slug]) for b in Body.objects.all()],
        *[reverse("governance:meeting_ics", args=[m.slug]) for m in Meeting.objects.published()],
        reverse("governance:meeting_feed"),
        reverse("governance:document_feed"),
        reverse("projects:project_feed"),
        reverse("news:feed"),
        *[reverse("towns:calendar", args=[t.slug]) for t in Municipality.objects.all()],
        *[reverse("towns:feed", args=[t.slug]) for t in Municipality.objects.all()],
        *[reverse("opendata:download_excel", args=[dataset.key]) for dataset in DATASETS],
        reverse("opendata:catalogue_ttl"),
        reverse("opendata:catalogue_rdf"),
        *[
            reverse("opendata:download", kwargs={"key": dataset.key, "fmt": fmt})
            for dataset in DATASETS
            for fmt in dataset.formats
        ],
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content
    for path, data in crawl(client).items():
        found[path] = json.dumps(data).encode()
    return found


def parse(url: str, content: bytes):
    """Each answer through a real parser of its format; returns what it read."""
    text = content.decode("utf-8")
    if url.endswith(".ics"):
        calendar = Calendar.from_ical(content)
        assert calendar.walk("VEVENT") or "body" in url or "termine" in url
        # Thunderbird's parser reads every event, too.
        assert len(icaljs_times(content)) == len(calendar.walk("VEVENT")), url
        return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    if "/excel/" in url:
        header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
        assert rows and all(len(row) == len(header) for row in rows), url
        return rows
    if url.endswith("atom.xml"):
        feed = feedparser.parse(content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        return [entry.title for entry in feed.entries]
    if url.endswith(".csv"):
        header, *rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows and all(len(row) == len(header) for row in rows), url
        return rows
    if url.endswith((".ttl", ".rdf")):
        return Graph().parse(data=text, format="turtle" if url.endswith(".ttl") else "xml")
    return json.loads(text)


def test_every_text_field_with_control_characters_keeps_every_answer_parseable():
    _content()
    dirty = store_controls_as_legacy_rows()
    # The test covers every free-text column of every model of ours, history included.
    assert dirty == {
        (model._meta.label, field.name) for model in our_models() for field in text_fields(model)
    }

    found = answers(Client())

    for url, content in found.items():
        parse(url, content)
    writes_text = [u for u in found if u.endswith((".ics", "atom.xml", ".csv", ".ttl", ".rdf"))]
    for url in writes_text:
        assert not FORBIDDEN.search(found[url].decode().replace("\r\n", "")), url
    summaries = parse(
        reverse("governance:meeting_calendar"), found[reverse("governance:meeting_calendar")]
    )
    assert summaries and all(s.startswith("Sitzung ") and s.endswith("x") for s in summaries)
    assert not any(FORBIDDEN.search(s) for s in summaries)


@pytest.mark.parametrize(("multiline", "expected"), [(True, "a\nb\nc\nd\te"), (False, "a b c d e")])
def test_the_rule_keeps_text_and_line_breaks_where_they_belong(multiline, expected):
    clean = clean_text if multiline else clean_line
    assert clean("a\r\nb\rc\u2028\x00\x1bd\te\x7f") == expected
    assert clean("Grüße – „Münster“ ©") == "Grüße – „Münster“ ©"


def test_saving_removes_control_characters_from_every_text_field():
    _content()
    saved = 0
    for model in our_models():
        if model.__name__.startswith("Historical"):
            continue  # history rows copy the object as saved
        # The row's number keeps unique fields unique; cleaned, the value fits 10 characters.
        for number, obj in enumerate(model._default_manager.all()):
            for field in text_fields(model):
                value = f"{number}A{CONTROLS}B"
                if field.max_length and field.max_length < 10:  # a code (the 8-digit AGS)
                    value = f"{number}\x00\x07\x7fB"
                setattr(obj, field.attname, value)
            obj.save()
            obj.refresh_from_db()
            for field in text_fields(model):
                multiline = isinstance(field, models.TextField)
                expected = "A" + ("\n" * 6 + "\t" if multiline else " " * 7) + "B"
                if field.max_length and field.max_length < 10:
                    expected = "B"
                assert getattr(obj, field.attname) == f"{number}{expected}", (model, field)
            saved += 1
    assert saved >= 15


def test_a_nul_typed_in_the_admin_gets_a_german_error_not_a_500(admin_client):
    meeting = MeetingFactory()
    url = admin_url(Meeting, "change", meeting.pk)
    data = {**form_data(admin_client.get(url)), "title": "Sitzung\x00", "description": "a\x00b"}

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "Nullzeichen sind nicht erlaubt." in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        admin_url(Meeting, "changelist")
        + "?body__id__exact=%00",  # a list filter: 500 on PostgreSQL
        admin_url(Meeting, "changelist") + "?q=%00",
        "/admin/autocomplete/?term=%00&app_label=governance&model_name=meeting&field_name=body",
    ],
)
def test_a_nul_in_an_admin_query_string_is_a_400(admin_client, url):
    admin_client.raise_request_exception = False
    response = admin_client.get(url)
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


def test_feedback_with_control_characters_is_stored_clean(client):
    AccessibilityFeedback.objects.create(message="Zeile\r\nzwei\x1b", page_url="/karte/\t")
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.message, feedback.page_url) == ("Zeile\nzwei", "/karte/ ")


def test_a_browsers_line_breaks_are_no_change(admin_client):
    # Browsers send a textarea's lines with CR LF; the text is stored with LF, and saving the
    # form unchanged must write no history entry and keep "zuletzt geändert".
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=7)
    meeting = MeetingFactory(start=start, description="Erste Zeile\nZweite Zeile")
    before = (meeting.history.count(), Meeting.objects.get().updated_at)
    url = admin_url(Meeting, "change", meeting.pk)
    data = {**form_data(admin_client.get(url)), "description": "Erste Zeile\r\nZweite Zeile"}

    assert admin_client.post(url, data).status_code == 302

    assert (meeting.history.count(), Meeting.objects.get().updated_at) == before
    assert Meeting.objects.get().description == "Erste Zeile\nZweite Zeile"
