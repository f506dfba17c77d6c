import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import AnonymousBodyLimitMiddleware
from stadtregion.models import Page

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
    assert AnonymousBodyLimitMiddleware(lambda r: HttpResponse("ok"))(request).status_code == 200
    request.user = AnonymousUser()
    assert AnonymousBodyLimitMiddleware(lambda r: HttpResponse("ok"))(request).status_code == 413


@pytest.mark.django_db
def test_staff_can_post_large_forms(editor_client):
    body = "Ein langer Absatz. " * 5000  # about 95 KB, above the limit for visitors
    data = {"title": "Langer Text", "slug": "langer-text", "body": body, "order": 0}
    response = editor_client.post("/admin/stadtregion/page/add/", data)
    assert response.status_code == 302
    assert Page.objects.get(slug="langer-text").body == body.strip()


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
