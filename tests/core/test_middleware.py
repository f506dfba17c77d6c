import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from pypdf import PdfWriter

from core.middleware import AnonymousBodyLimitMiddleware
from governance.models import Document
from tests.admin_helpers import admin_url, form_data

SIXTY_MB = str(60 * 1024 * 1024)
MULTIPART = "multipart/form-data; boundary=grenze"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [{"CONTENT_LENGTH": SIXTY_MB}, {"HTTP_TRANSFER_ENCODING": "chunked"}],
    ids=["announced-60-mb", "chunked"],
)
@pytest.mark.parametrize("url", ["/barrierefreiheit/feedback/", "/admin/login/"])
def test_large_bodies_from_visitors_are_refused_before_parsing(client, url, headers):
    # The body itself is empty: had anything started to read the announced 60 MB, the test
    # client would fail.
    response = client.generic("POST", url, b"", content_type=MULTIPART, **headers)
    assert response.status_code == 413
    assert "zu groß" in response.content.decode()


def test_staff_bodies_pass_to_their_upload_limits(rf: RequestFactory, django_user_model):
    request = rf.post("/admin/", CONTENT_LENGTH=SIXTY_MB)
    request.user = django_user_model(is_staff=True)
    request.user.is_verified = lambda: True  # django-otp's middleware, after a one-time code
    assert AnonymousBodyLimitMiddleware(lambda r: HttpResponse("ok"))(request).status_code == 200
    request.user.is_verified = lambda: False  # signed in with the password alone
    assert AnonymousBodyLimitMiddleware(lambda r: HttpResponse("ok"))(request).status_code == 413
    request.user = AnonymousUser()
    assert AnonymousBodyLimitMiddleware(lambda r: HttpResponse("ok"))(request).status_code == 413


def _large_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Subject": "Kontrakt " * 20000})  # about 180 KB
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_staff_can_still_upload(editor_client):
    url = admin_url(Document, "add")
    data = form_data(editor_client.get(url))
    pdf = _large_pdf()
    assert len(pdf) > 64 * 1024
    data.update(
        title="Kontrakt",
        slug="kontrakt",
        kind="kontrakt",
        date="2018-12-31",
        file=SimpleUploadedFile("kontrakt.pdf", pdf, content_type="application/pdf"),
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert Document.objects.get(slug="kontrakt").file.size == len(pdf)


@pytest.mark.django_db
def test_visitors_small_posts_still_work(client, django_user_model):
    consent = client.post(
        "/datenschutz-einstellungen/", {"choice": "necessary"}, HTTP_ORIGIN="http://testserver"
    )
    assert consent.status_code == 303
    django_user_model.objects.create_user("redaktion", password="geheim", is_staff=True)
    login = client.post("/admin/login/", {"username": "redaktion", "password": "geheim"})
    assert login.status_code in {
        200,
        302,
    }  # answered by the login view (a second factor may follow)
