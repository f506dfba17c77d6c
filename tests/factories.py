"""factory_boy factories: each test builds the data it needs (no fixtures with fixed ids)."""

import datetime
import io
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from pypdf import PdfWriter

from accessibility.models import AccessibilityFeedback, SignLanguageVideo
from editorial.models import Image
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
from stadtregion.seed.members import MEMBERS


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # A4
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# A small well-formed PDF (one blank page, with xref table): passes the upload check.
MINIMAL_PDF = _blank_pdf()


MEMBER_AGS = {member.slug: member.ags for member in MEMBERS}


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    slug = factory.Sequence(lambda n: f"gemeinde-{n}")
    district = "Kreis Coesfeld"
    # A member's own key for a member's slug (imports name towns by it), else a made-up one.
    ags = factory.LazyAttributeSequence(lambda o, n: MEMBER_AGS.get(o.slug, f"{5558100 + n:08d}"))
    population = 12000
    population_year = 2023
    area_km2 = Decimal("55.50")
    latitude = Decimal("51.97810")
    longitude = Decimal("7.41680")
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Ansprechperson Stadtregion"
    municipality = factory.SubFactory(MunicipalityFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    is_public = True


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    summary = "Gemeinsam mehr erreichen."


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    name = factory.Sequence(lambda n: f"Arbeitsgruppe {n}")
    slug = factory.Sequence(lambda n: f"arbeitsgruppe-{n}")
    kind = WorkingGroup.Kind.ARBEITSGRUPPE
    field_of_action = factory.SubFactory(FieldOfActionFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    field_of_action = factory.SubFactory(FieldOfActionFactory)
    summary = "Ein Projekt der Stadtregion."
    status = Project.Status.RUNNING
    start_date = datetime.date(2024, 1, 1)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Gremium {n}")
    slug = factory.Sequence(lambda n: f"gremium-{n}")
    kind = Body.Kind.DECISION
    summary = "Ein Gremium der Stadtregion."


class SeatQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatQuota

    body = factory.SubFactory(BodyFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    seats = 3


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person_name = factory.Sequence(lambda n: f"Mitglied {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    start_date = datetime.date(2020, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Sitzung {n}")
    slug = factory.Sequence(lambda n: f"sitzung-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    location = "Stadthaus 1, Münster"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    title = factory.Sequence(lambda n: f"Dokument {n}")
    slug = factory.Sequence(lambda n: f"dokument-{n}")
    kind = Document.Kind.REPORT
    date = datetime.date(2024, 5, 1)
    file = factory.LazyAttribute(lambda o: ContentFile(MINIMAL_PDF, name=f"{o.slug}.pdf"))


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    date = datetime.date(2015, 6, 19)
    title = factory.Sequence(lambda n: f"Ereignis {n}")


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")
    body = "## Abschnitt\n\nText der Seite."


class NewsArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle
        skip_postgeneration_save = True

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    title = factory.Sequence(lambda n: f"Meldung {n}")
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    date = datetime.date(2024, 1, 1)
    teaser = "Eine Meldung der Stadtregion."
    text = "## Abschnitt\n\nText der Meldung."

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)

    @factory.post_generation
    def fields_of_action(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_action.set(extracted)

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create and extracted:
            self.projects.set(extracted)


# Structurally valid containers: MP4 boxes ftyp, moov and mdat; WebM's EBML header and Segment.
MINIMAL_MP4 = (
    b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    + b"\x00\x00\x00\x08moov"
    + b"\x00\x00\x00\x48mdat"
    + b"\x00" * 64
)
MINIMAL_WEBM = (
    b"\x1a\x45\xdf\xa3\x8b\x42\x86\x81\x01\x42\x82\x84webm"
    + b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff"
    + b"\x00" * 32
)
MINIMAL_VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"


class SignLanguageVideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignLanguageVideo

    # Published, as most tests need; new content in the admin starts as a draft.
    is_published = True
    title = factory.Sequence(lambda n: f"Video {n}")
    topic = SignLanguageVideo.Topic.CONTENT
    video = factory.LazyFunction(lambda: ContentFile(MINIMAL_MP4, name="video.mp4"))
    captions = factory.LazyFunction(lambda: ContentFile(MINIMAL_VTT, name="video.vtt"))
    transcript = "Die Stadtregion Münster besteht aus zwölf Kommunen."
    duration = datetime.timedelta(minutes=3, seconds=25)


class AccessibilityFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessibilityFeedback

    page_url = "/karte/"
    message = factory.Sequence(lambda n: f"Barriere Nummer {n}: der Kontrast ist zu schwach.")


def png_bytes(width: int = 8, height: int = 6) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Bild {n}")
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="bild.png"))
    alt_text = "Radfahrende auf einer Veloroute zwischen Feldern"
    credit = "Foto: Stadtregion Münster"
