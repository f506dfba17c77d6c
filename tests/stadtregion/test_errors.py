"""400 and 403 answers are German pages: in the site's layout, or in the admin's under /admin/."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory

from stadtregion.errors import permission_denied
from tests.admin_helpers import two_factor_login

pytestmark = pytest.mark.django_db

ADMIN_HEADER = "Stadtregion Münster – Redaktion"


def assert_site_page(response, status: int, heading: str):
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'id="main-nav"' in html  # base.html, not Django's plain text
    assert '<a href="/">Zur Startseite der Stadtregion Münster</a>' in html


def test_bad_host_header_is_a_german_400(client):
    assert_site_page(client.get("/", HTTP_HOST="evil.example.org"), 400, "Ungültige Anfrage")


def test_too_many_query_fields_is_a_german_400(client):
    query = "&".join(f"f{i}=1" for i in range(1100))  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert_site_page(client.get(f"/projekte/?{query}"), 400, "Ungültige Anfrage")


def test_refused_public_page_is_a_german_403():
    request = RequestFactory().get("/projekte/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    assert_site_page(response, 403, "Zugriff verweigert")


def test_csrf_failure_on_a_public_form_is_a_german_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/barrierefreiheit/feedback/", {"message": "Kontrast zu schwach"})
    assert_site_page(response, 403, "Zugriff verweigert")
    assert "aus Sicherheitsgründen nicht angenommen" in response.content.decode()


def test_refused_admin_page_keeps_the_admin_layout(editor_client):
    response = editor_client.get("/admin/auth/user/", HTTP_REFERER="http://testserver/admin/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Dafür fehlt Ihnen die Berechtigung</h1>" in html
    assert ADMIN_HEADER in html
    assert '<a href="/admin/">Zur Übersicht der Redaktion</a>' in html
    assert '<a href="http://testserver/admin/">Zurück zur vorigen Seite</a>' in html
    assert "403 Forbidden" not in html


def test_history_link_to_a_user_is_refused_in_the_admin_layout(editor_client, editor):
    # "Geändert von" in an object's history links to the editor's user account.
    response = editor_client.get(f"/admin/auth/user/{editor.pk}/change/")
    assert response.status_code == 403
    assert ADMIN_HEADER in response.content.decode()


def test_back_link_only_to_our_own_site(editor_client):
    response = editor_client.get("/admin/auth/user/", HTTP_REFERER="https://evil.example.org/")
    assert "evil.example.org" not in response.content.decode()


def test_csrf_failure_in_the_admin_keeps_the_admin_layout(editor):
    client = Client(enforce_csrf_checks=True)
    two_factor_login(client, editor)
    response = client.post("/admin/pages/page/add/", {"title": "Neu"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Formular nicht angenommen</h1>" in html
    assert ADMIN_HEADER in html
