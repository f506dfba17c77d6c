import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from governance.models import Body, Document, Meeting, Membership, SeatQuota, validate_quota
from members.models import ContactPerson, Municipality
from pages.models import Page
from projects.models import FieldOfAction, Project, WorkingGroup
from stadtregion.seed.pdf import build_pdf

pytestmark = pytest.mark.django_db

SEEDED_APPS = ["members", "projects", "governance", "pages", "accessibility"]


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """One seed for this module's tests, which only read it; rolled back afterwards.

    Each test runs in a savepoint of this transaction (the `db` fixture), so a test that writes
    cannot leak into the next. Tests that run the seed again live in test_seed_rerun.py.
    """
    media_root = tmp_path_factory.mktemp("seed-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        call_command("seed_demo", "--quiet")
        yield media_root
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_module, db, settings):
    settings.MEDIA_ROOT = _seeded_module  # where the seed put the PDFs


def content_models():
    for label in SEEDED_APPS:
        yield from apps.get_app_config(label).get_models()


def row_counts() -> dict[str, int]:
    """Rows per model, including simple_history's tables: a no-op run adds no history."""
    return {model._meta.label: model._default_manager.count() for model in content_models()}


def assert_valid_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    xref_at = int(data[data.rindex(b"startxref") + len(b"startxref") :].split()[0])
    lines = data[xref_at:].split(b"\n")
    assert lines[0] == b"xref"
    count = int(lines[1].split()[1])
    for number, entry in enumerate(lines[3 : 2 + count], start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode()), number


def test_twelve_municipalities_with_public_facts(seeded):
    assert Municipality.objects.count() == 12
    havixbeck = Municipality.objects.get(slug="havixbeck")
    assert (havixbeck.population, havixbeck.population_year) == (12357, 2024)
    assert havixbeck.official_name == "Gemeinde Havixbeck"
    assert havixbeck.district == "Kreis Coesfeld"
    muenster = Municipality.objects.get(slug="muenster")
    assert (muenster.population, muenster.population_year) == (320946, 2022)
    assert muenster.district == "kreisfreie Stadt"
    assert muenster.official_name == "Stadt Münster"
    assert (muenster.latitude, muenster.longitude) == (Decimal("51.9625"), Decimal("7.6256"))
    assert muenster.area_km2 == Decimal("302.89")
    assert muenster.website == "https://www.stadt-muenster.de"
    senden = Municipality.objects.get(slug="senden")
    assert senden.service_portal_url.startswith("https://www.senden-westfalen.de/")
    assert list(Municipality.objects.filter(population_approximate=True)) == [
        Municipality.objects.get(slug="everswinkel")
    ]
    assert Municipality.objects.get(slug="ostbevern").joined_year == 2007
    assert set(
        Municipality.objects.exclude(slug="ostbevern").values_list("joined_year", flat=True)
    ) == {2001}
    assert "nördlich von Münster" in Municipality.objects.get(slug="greven").description
    assert list(Municipality.objects.values_list("name", flat=True)) == sorted(
        Municipality.objects.values_list("name", flat=True)
    )


def test_municipality_totals_match_the_region(seeded):
    # "Together about 510,000 inhabitants on about 1,314 km²."
    totals = Municipality.objects.aggregate(people=Sum("population"), area=Sum("area_km2"))
    assert 505_000 <= totals["people"] <= 515_000
    assert round(totals["area"]) == 1314


def test_staedte_and_gemeinden(seeded):
    cities = set(
        Municipality.objects.filter(official_name__startswith="Stadt ").values_list(
            "slug", flat=True
        )
    )
    assert cities == {"muenster", "greven", "telgte", "drensteinfurt", "sendenhorst"}
    assert Municipality.objects.filter(official_name__startswith="Gemeinde ").count() == 7


def test_fields_projects_and_groups_cover_everything(seeded):
    assert set(FieldOfAction.objects.values_list("slug", flat=True)) == {
        "wohnen", "mobilitaet", "klimaschutz", "schulentwicklung",
    }  # fmt: skip
    assert Project.objects.count() >= 8
    assert set(Project.objects.values_list("field_of_action__slug", flat=True)) == set(
        FieldOfAction.objects.values_list("slug", flat=True)
    )
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert WorkingGroup.objects.count() >= 6
    assert set(WorkingGroup.objects.values_list("kind", flat=True)) == set(WorkingGroup.Kind.values)
    assert Project.objects.exclude(latitude=None).count() >= 3
    for project in Project.objects.exclude(working_group=None):
        project.full_clean()  # the working group belongs to the project's field


def test_real_projects_are_not_demo_and_invented_ones_are(seeded):
    real = {
        "wohnregion-2030", "velorouten", "ewomab", "klimaschutz-mindeststandards-bauleitplanung",
        "altbausanierung", "european-energy-award",
    }  # fmt: skip
    assert set(Project.objects.filter(is_demo=False).values_list("slug", flat=True)) == real
    assert Project.objects.filter(is_demo=True).count() >= 2
    assert Project.objects.get(slug="velorouten").website == "https://www.veloregion.de"
    assert not WorkingGroup.objects.filter(is_demo=False).exists()


def test_every_municipality_takes_part(seeded):
    for municipality in Municipality.objects.all():
        assert municipality.projects.exists(), municipality
        assert municipality.working_groups.exists(), municipality
        assert municipality.contacts.public().exists(), municipality


def test_contacts_are_demo_with_example_addresses(seeded):
    assert ContactPerson.objects.filter(municipality=None, is_public=True).count() == 2
    for contact in ContactPerson.objects.all():
        assert contact.is_demo and contact.name.startswith("Beispiel-")
        assert contact.email.endswith("@example.org")


def test_beirat_has_forty_seats_and_respects_them(seeded):
    beirat = Body.objects.get(slug="beirat")
    quotas = SeatQuota.objects.filter(body=beirat)
    assert quotas.aggregate(total=Sum("seats"))["total"] == 40
    assert quotas.get(municipality__slug="muenster").seats == 7
    assert set(quotas.exclude(municipality__slug="muenster").values_list("seats", flat=True)) == {3}
    members = list(beirat.memberships.all())
    for municipality in Municipality.objects.all():
        validate_quota(beirat, municipality, members)  # raises when over the quota


def test_bodies_and_public_roles(seeded):
    kinds = dict(Body.objects.values_list("slug", "kind"))
    assert kinds == {
        "buergermeisterrunde": Body.Kind.DECISION, "ansprechpartnerrunde": Body.Kind.COORDINATION,
        "beirat": Body.Kind.ADVISORY, "raetetreffen": Body.Kind.ASSEMBLY,
        "geschaeftsstelle": Body.Kind.OFFICE,
    }  # fmt: skip
    round_ = Membership.objects.filter(body__slug="buergermeisterrunde")
    chair = round_.current().get(role=Membership.Role.CHAIR)
    assert (chair.person_name, chair.municipality.slug) == ("Jörn Möltgen", "havixbeck")
    deputy = round_.current().get(role=Membership.Role.DEPUTY)
    assert (deputy.person_name, deputy.municipality.slug) == ("Katrin Reuscher", "sendenhorst")
    former = round_.former().order_by("start_date")
    assert [m.person_name for m in former] == ["Carsten Grawunder", "Thomas Stohldreier"]
    # Each term lasts two years; the next one begins the day after.
    for earlier, later in zip(former, [*former[1:], chair], strict=True):
        assert earlier.end_date + datetime.timedelta(days=1) == later.start_date
        assert (earlier.end_date - earlier.start_date).days + 1 in (730, 731)
    # Only people in public roles are not demo; invented names say so.
    real_names = set(Membership.objects.filter(is_demo=False).values_list("person_name", flat=True))
    assert real_names == {"Jörn Möltgen", "Katrin Reuscher"}
    for membership in Membership.objects.filter(is_demo=True).exclude(
        person_name__in=["Thomas Stohldreier", "Carsten Grawunder"]
    ):
        assert membership.person_name.startswith("Beispiel-")


def test_meetings_past_and_upcoming(seeded):
    assert Meeting.objects.count() >= 6
    upcoming = Meeting.objects.published().upcoming()
    assert upcoming.count() >= 2
    assert Meeting.objects.published().past().count() >= 3
    for meeting in upcoming:
        assert meeting.is_demo
        assert meeting.agenda_items.filter(is_public=True).exists()
    first = Meeting.objects.get(slug="2017-11-06-raetetreffen")
    assert timezone.localtime(first.start).date() == datetime.date(2017, 11, 6)
    assert "LWL-Museum" in first.location and "200" in first.description
    third = Meeting.objects.get(slug="2024-09-18-raetetreffen")
    assert timezone.localtime(third.start).date() == datetime.date(2024, 9, 18)
    assert "Kaleidoskop" in third.title and "180" in third.description
    summer = Meeting.objects.get(slug="2022-sommerfest-stadtregion")
    assert summer.start.year == 2022 and summer.is_demo and "ungefähr" in summer.description


def test_documents_have_valid_placeholder_pdfs(seeded):
    documents = Document.objects.all()
    assert documents.count() >= 6
    assert {"kontrakt", "konzept", "bericht", "protokoll", "beschluss"} <= set(
        documents.values_list("kind", flat=True)
    )
    for document in documents:
        assert document.is_demo
        assert "Beispieldatei" in document.description
        document.full_clean()  # the upload validators accept the file
        with document.file.open("rb") as handle:
            data = handle.read()
        assert_valid_pdf(data)
        assert "Beispieldatei".encode("cp1252") in data


def test_pdf_generator_escapes_and_encodes():
    data = build_pdf("Bericht (Entwurf) Münster", ["Pfad C:\\Daten – Größe"])
    assert_valid_pdf(data)
    assert b"(Bericht \\(Entwurf\\) M\xfcnster)" in data
    assert b"C:\\\\Daten \x96 Gr\xf6\xdfe" in data


def test_chronik_uses_precision(seeded):
    from governance.models import TimelineEvent

    events = {event.title: event for event in TimelineEvent.objects.all()}
    assert len(events) >= 10
    award = next(e for t, e in events.items() if "Energie- und Klimaschutzregion" in t)
    assert (award.date, award.precision) == (datetime.date(2015, 6, 19), "tag")
    velo = next(e for t, e in events.items() if "veloregion.de" in t)
    assert (velo.date.year, velo.date.month, velo.precision) == (2020, 10, "monat")
    growth = next(e for e in events.values() if "25 Prozent" in e.description)
    assert (growth.date.year, growth.precision) == (2020, "jahr")
    assert TimelineEvent.objects.first().date.year == 2001


def test_pages_exist_with_menus(seeded):
    menus = dict(Page.objects.values_list("slug", "menu"))
    assert menus == {
        "ueber-uns": "main", "kontakt": "footer", "impressum": "footer",
        "datenschutz": "footer", "barrierefreiheit": "footer", "leichte-sprache": "",
        "gebaerdensprache": "",
    }  # fmt: skip
    bodies = dict(Page.objects.values_list("slug", "body"))
    for text in bodies.values():
        assert "lorem" not in text.lower() and "TODO" not in text
    assert "3,93 Prozent" in bodies["ueber-uns"]
    assert "§ 5" in bodies["impressum"] and "§ 18" in bodies["impressum"]
    assert "DE000000000 (Beispielangabe)" in bodies["impressum"].replace("\n", " ")
    # The consent helper appends the cookie table right after the last section.
    last_heading = [line for line in bodies["datenschutz"].splitlines() if line.startswith("## ")][
        -1
    ]
    assert last_heading == "## Cookies und externe Dienste"
    statement = bodies["barrierefreiheit"]
    assert "teilweise barrierefrei" in statement
    assert "/barrierefreiheit/feedback/" in statement
    assert (
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen"
        in statement
    )
    assert "Stadt-Region" in bodies["leichte-sprache"]


def test_all_seeded_rows_pass_model_validation(seeded):
    for model in content_models():
        if model._meta.label.split(".")[1].startswith("Historical"):
            continue
        for obj in model._default_manager.all():
            obj.full_clean()


# Kreis part of the Amtlicher Gemeindeschlüssel (Destatis): Land 05, Regierungsbezirk 5, Kreis.
KREIS_PREFIXES = {
    "kreisfreie Stadt": "05515",
    "Kreis Coesfeld": "05558",
    "Kreis Steinfurt": "05566",
    "Kreis Warendorf": "05570",
}


def test_every_municipality_has_its_amtlicher_gemeindeschluessel(seeded):
    keys = dict(Municipality.objects.values_list("slug", "ags"))

    assert keys["muenster"] == "05515000"
    assert (keys["havixbeck"], keys["telgte"], keys["ostbevern"]) == (
        "05558020",
        "05570044",
        "05570032",
    )
    assert len(set(keys.values())) == 12
    for town in Municipality.objects.all():
        assert len(town.ags) == 8 and town.ags.isdigit(), town.slug
        assert town.ags.startswith(KREIS_PREFIXES[town.district]), town.slug
        town.full_clean()  # the admin's validation accepts every seeded key
