"""Inline tables in the admin fit a 1280 px screen beside the navigation sidebar."""

import pytest
from django.test import Client

from governance.models import Body
from members.models import Municipality
from tests.admin_helpers import two_factor_login

pytestmark = pytest.mark.browser


def test_inline_tables_fit_a_1280_px_screen(site, new_context, live_server, django_user_model):
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client = Client()
    two_factor_login(client, staff)
    context = new_context(viewport={"width": 1280, "height": 800})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    # The meeting's agenda items are stacked (with their decisions): see
    # test_admin_decisions_browser.py.
    pages = [
        f"/admin/members/municipality/{Municipality.objects.first().pk}/change/",
        f"/admin/governance/body/{Body.objects.first().pk}/change/",
    ]
    for path in pages:
        page.goto(path)
        tables = page.locator(".inline-group .tabular table")
        assert tables.count() >= 1, path
        for index in range(tables.count()):
            table = tables.nth(index)
            right = table.evaluate("table => table.getBoundingClientRect().right")
            # On failure, name each column's width: the one to narrow shows.
            widths = table.evaluate(
                "table => [...table.querySelectorAll('thead th')]"
                ".map(th => `${th.className}: ${Math.round(th.getBoundingClientRect().width)}`)"
            )
            assert right <= 1280, f"{path}, table {index}: {right} px; " + ", ".join(widths)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280, path
    assert context.traffic.page_errors == []
