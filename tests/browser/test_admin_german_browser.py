"""What the admin's scripts build reads German too: the calendar and clock beside date and time
fields ("Heute", "Jetzt") and the two-list selector of permissions. The page as the browser
shows it, after the scripts ran, goes through the same check as the server's HTML
(tests/german_text.py)."""

import pytest
from django.contrib.auth.models import Group

from governance.models import Meeting
from tests.german_text import english_in, read_page

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def english_on(page) -> set[str]:
    return english_in(read_page(page.content()).texts)


def test_calendar_and_clock_speak_german(site, staff_context, django_user_model):
    editor = django_user_model.objects.create_user("redaktion", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    context = staff_context(editor)
    page = context.new_page()
    page.goto(f"/admin/governance/meeting/{Meeting.objects.first().pk}/change/")

    page.locator(".datetimeshortcuts a[id^='calendarlink']").first.click()
    calendar = page.locator(".calendarbox").first
    assert calendar.get_by_role("link", name="Gestern").is_visible()
    assert calendar.get_by_role("link", name="Heute").is_visible()
    assert calendar.get_by_role("link", name="Abbrechen").is_visible()
    calendar.get_by_role("link", name="Abbrechen").click()

    page.locator(".datetimeshortcuts a[id^='clocklink']").first.click()
    clock = page.locator(".clockbox").first
    assert clock.get_by_role("heading").inner_text() == "Uhrzeit"
    assert clock.get_by_role("link", name="Mitternacht").is_visible()
    shortcuts = page.locator(".datetimeshortcuts")
    assert shortcuts.get_by_role("link", name="Heute").first.is_visible()
    assert shortcuts.get_by_role("link", name="Jetzt").first.is_visible()

    assert english_on(page) == set()
    context.traffic.assert_silent()


def test_permission_selector_speaks_german(site, staff_context, django_user_model):
    chief = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x")
    context = staff_context(chief)
    page = context.new_page()
    page.goto("/admin/auth/group/add/")

    selector = page.locator(".selector")
    available = selector.locator(".selector-available-title label")
    assert available.inner_text().strip() == "Verfügbare Berechtigungen"
    chosen = selector.locator(".selector-chosen-title label")
    assert chosen.inner_text().strip() == "Ausgewählte Berechtigungen"
    assert selector.locator("option", has_text="Kann Seite hinzufügen").count() == 1

    assert english_on(page) == set()
    context.traffic.assert_silent()
