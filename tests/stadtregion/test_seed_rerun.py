"""`seed_demo` run again: it restores what is missing, keeps what editors changed, and prints."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.models import Document, Meeting
from members.models import Municipality
from pages.models import Page
from projects.models import Project
from stadtregion.seed import seed_all
from tests.stadtregion.test_seed import row_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", "--quiet")


def test_second_run_changes_nothing(seeded, settings):
    counts = row_counts()
    files = sorted(Document.objects.values_list("file", flat=True))
    media = sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
    log = seed_all(today=timezone.localdate())
    assert log.changes == 0
    assert row_counts() == counts
    assert sorted(Document.objects.values_list("file", flat=True)) == files
    assert sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == media


def test_rerun_restores_seeded_values_and_missing_files(seeded):
    Municipality.objects.filter(slug="havixbeck").update(population=1)
    document = Document.objects.get(slug="bericht-ewomab-2022")
    document.file.storage.delete(document.file.name)
    log = seed_all(today=timezone.localdate())
    assert log.updated[Municipality] == 1 and log.updated[Document] == 1
    assert Municipality.objects.get(slug="havixbeck").population == 12357
    document.refresh_from_db()
    assert document.file.storage.exists(document.file.name)
    assert Document.objects.count() == 8


def test_rerun_keeps_what_editors_changed_on_pages(seeded):
    Page.objects.filter(slug="impressum").update(
        title="Impressum der Geschäftsstelle", body="Verantwortlich: Stadt Münster"
    )
    Page.objects.filter(slug="datenschutz").update(intro="Unsere Hinweise zum Datenschutz.")
    Page.objects.filter(slug="ueber-uns").update(is_published=False, order=7)
    Page.objects.filter(slug="kontakt").delete()  # not a legal page, so it can go
    log = seed_all(today=timezone.localdate())
    assert log.updated[Page] == 0 and log.created[Page] == 1
    impressum = Page.objects.get(slug="impressum")
    assert impressum.title == "Impressum der Geschäftsstelle"
    assert impressum.body == "Verantwortlich: Stadt Münster"
    assert Page.objects.get(slug="datenschutz").intro == "Unsere Hinweise zum Datenschutz."
    assert Page.objects.filter(slug="ueber-uns", is_published=False, order=7).exists()
    kontakt = Page.objects.get(slug="kontakt")
    assert kontakt.title == "Kontakt" and kontakt.is_published and "Geschäftsstelle" in kontakt.body


def test_demo_dates_follow_the_seed_day(seeded):
    later = timezone.localdate() + datetime.timedelta(days=400)
    seed_all(today=later)
    meeting = Meeting.objects.get(slug="beirat-naechste-sitzung-demo")
    assert timezone.localtime(meeting.start).date() > later
    assert Meeting.objects.filter(slug__endswith="-demo").count() == 4
    planned = Project.objects.get(slug="rastplaetze-velorouten")
    assert planned.start_date.year == later.year + 1


def test_command_prints_summary_and_admin_hint():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "Kommunen: 12 (12 neu, 0 aktualisiert)" in text
    assert "python manage.py createsuperuser" in text
    assert "python manage.py enrolment_link NAME" in text  # the second factor needs its link
    quiet = StringIO()
    call_command("seed_demo", "--quiet", stdout=quiet)
    call_command("seed_demo", verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""
