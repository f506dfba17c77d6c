"""The meeting's agenda items with their decisions fit a 1280 px admin screen, with static files
as production serves them (hashed, through WhiteNoise)."""

import pytest

from governance.models import Meeting

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_agenda_items_with_decisions_fit_a_1280_px_screen(site, staff_context, django_user_model):
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    meeting = Meeting.objects.get(slug="beirat-letzte-sitzung-demo")
    context = staff_context(staff, viewport={"width": 1280, "height": 800})
    page = context.new_page()

    page.goto(f"/admin/governance/meeting/{meeting.pk}/change/")

    group = page.locator("#agenda_items-group")
    assert group.locator(".inline-related:not(.empty-form)").count() == 4  # three and one new
    first = group.locator("#agenda_items-1")
    # Yes, no and abstentions on one line, beside each other, within the screen.
    boxes = [
        first.locator(f"#id_agenda_items-1-{name}").bounding_box()
        for name in ("votes_yes", "votes_no", "votes_abstain")
    ]
    assert len({round(box["y"]) for box in boxes}) == 1, boxes
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    assert first.locator("#id_agenda_items-1-votes_yes").input_value() == "29"
    for name in ("result", "resolution_text", "paper", "title", "description"):
        box = first.locator(f"#id_agenda_items-1-{name}").bounding_box()
        assert box["x"] + box["width"] <= 1280, name
    # Titles and decision texts get the width; numbers need little.
    width = first.locator("#id_agenda_items-1-resolution_text").bounding_box()["width"]
    assert width > 400
    assert first.locator("#id_agenda_items-1-number").bounding_box()["width"] < 100
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert context.traffic.page_errors == []
    assert context.traffic.csp_violations == []
