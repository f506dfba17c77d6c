"""Previews (editorial.preview): editors see a draft exactly as the public will, and can hand a
colleague without an account a signed link to that one draft, which expires and can be revoked."""

import re
import time

import pytest
from django.core import signing
from django.urls import reverse

from editorial import preview
from tests.admin_helpers import admin_url
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """Logged out (``client`` is the editor's client once editor_client is used)."""
    from django.test import Client

    return Client()


NOTICE = "so sieht die Öffentlichkeit diese Seite nach der Veröffentlichung"
DAY = 24 * 3600


def _title(obj) -> str:
    return getattr(obj, "title", None) or obj.name


def preview_url(obj, **query) -> str:
    url = admin_url(type(obj), "preview", obj.pk)
    return url + ("?ausstehend=1" if query.get("pending") else "")


def create_link(client, obj, **data) -> str:
    response = client.post(admin_url(type(obj), "preview_link", obj.pk), data)
    assert response.status_code == 200
    return re.search(r'id="preview-link"[^>]*value="([^"]+)"', response.content.decode())[1]


@pytest.mark.parametrize(
    "factory",
    [
        ProjectFactory,
        WorkingGroupFactory,
        MeetingFactory,
        DocumentFactory,
        PageFactory,
        NewsArticleFactory,
    ],
)
def test_every_content_type_previews_its_draft(editor_client, visitor, factory):
    obj = factory(is_published=False)
    change_form = editor_client.get(admin_url(type(obj), "change", obj.pk)).content.decode()
    assert f'formaction="{preview_url(obj)}" formtarget="_blank"' in change_form

    response = editor_client.get(preview_url(obj))

    assert response.status_code == 200
    html = response.content.decode()
    assert _title(obj) in html
    assert NOTICE in html
    assert "Entwurf:" not in html  # the staff-only draft notice is not what visitors see
    assert response["X-Robots-Tag"] == "noindex"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response["Referrer-Policy"] == "no-referrer"
    # Rolled back: still a draft, still hidden.
    obj.refresh_from_db()
    assert obj.is_published is False
    assert visitor.get(obj.get_absolute_url()).status_code == 404


def test_preview_hides_other_drafts_and_staff_extras(editor_client):
    group = WorkingGroupFactory(is_published=False, name="Geheime Arbeitsgruppe")
    project = ProjectFactory(
        is_published=False, working_group=group, field_of_action=group.field_of_action
    )
    # Staff on the public page see the draft group (and the draft notice) ...
    staff_view = editor_client.get(project.get_absolute_url()).content.decode()
    assert "Geheime Arbeitsgruppe" in staff_view

    html = editor_client.get(preview_url(project)).content.decode()

    # ... the preview shows the page as visitors will get it.
    assert project.title in html
    assert "Geheime Arbeitsgruppe" not in html
    assert "Zurück zur Bearbeitung" in html


def test_preview_of_a_scheduled_page_names_the_date(editor_client):
    from django.utils import timezone

    page = PageFactory(publish_from=timezone.now() + timezone.timedelta(days=2))
    html = editor_client.get(preview_url(page)).content.decode()
    assert "Die Seite ist erst ab" in html


def test_preview_has_a_fixed_number_of_queries(editor_client, django_assert_num_queries):
    article = NewsArticleFactory(is_published=False)
    editor_client.get(preview_url(article))  # warm the session and content-type caches
    with django_assert_num_queries(16):
        assert editor_client.get(preview_url(article)).status_code == 200


def test_admin_preview_is_for_staff_only(client, django_user_model):
    article = NewsArticleFactory(is_published=False)
    assert client.get(preview_url(article)).status_code == 302  # to the admin login
    client.force_login(django_user_model.objects.create_user("besuch", password="x"))
    response = client.get(preview_url(article))
    assert response.status_code == 302
    assert article.title not in response.content.decode()


def test_unknown_object_in_the_admin_preview_is_a_404(editor_client):
    article = NewsArticleFactory()
    url = admin_url(type(article), "preview", article.pk + 100)
    assert editor_client.get(url).status_code == 404


def test_signed_link_opens_the_draft_for_a_visitor_without_account(editor_client, visitor):
    article = NewsArticleFactory(is_published=False, title="Entwurf für das Bürgermeisterbüro")
    page = editor_client.get(admin_url(type(article), "preview_link", article.pk))
    assert "Vorschaulink erstellen" in page.content.decode()

    link = create_link(editor_client, article)

    response = visitor.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert "Dieser Vorschaulink gilt bis" in html
    assert "Zurück zur Bearbeitung" not in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    # The link grants this page only: the article's own address and the admin stay closed.
    assert visitor.get(article.get_absolute_url()).status_code == 404
    assert visitor.get(reverse("admin:index")).status_code == 302


def test_admin_shows_the_expiry_in_german(editor_client):
    article = NewsArticleFactory(is_published=False)
    response = editor_client.post(admin_url(type(article), "preview_link", article.pk))
    html = response.content.decode()
    assert re.search(r"Gültig bis \d{1,2}\. \w+ \d{4}, \d\d:\d\d Uhr", html)
    months = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    assert any(month in html for month in months.split())


def test_link_for_one_object_opens_no_other(editor_client, visitor):
    first = NewsArticleFactory(is_published=False, title="Erste Meldung")
    second = NewsArticleFactory(is_published=False, title="Zweite Meldung")
    html = visitor.get(create_link(editor_client, first)).content.decode()
    assert "Erste Meldung" in html
    assert "Zweite Meldung" not in html
    assert visitor.get(second.get_absolute_url()).status_code == 404


def test_link_expires(editor_client, visitor, monkeypatch):
    article = NewsArticleFactory(is_published=False)
    link = create_link(editor_client, article)

    class Later:
        def __init__(self, days):
            self.offset = days * DAY

        def time(self):
            return time.time() + self.offset

    monkeypatch.setattr(signing, "time", Later(6))
    assert visitor.get(link).status_code == 200
    monkeypatch.setattr(signing, "time", Later(8))
    response = visitor.get(link)
    assert response.status_code == 410
    assert "Vorschaulink nicht mehr gültig" in response.content.decode()
    assert article.title not in response.content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "x" + token,
        lambda token: "kein-token",
        # Signed by us, but for another purpose.
        lambda token: signing.dumps(signing.loads(token, salt=preview.SALT)),
    ],
)
def test_tampered_link_is_a_german_404(editor_client, visitor, tamper):
    article = NewsArticleFactory(is_published=False)
    token = create_link(editor_client, article).rstrip("/").rsplit("/", 1)[1]
    response = visitor.get(reverse("preview_link", args=[tamper(token)]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Vorschaulink ungültig" in html
    assert article.title not in html


def test_link_to_a_deleted_object_is_a_404(editor_client, visitor):
    article = NewsArticleFactory(is_published=False)
    link = create_link(editor_client, article)
    article.delete()
    assert visitor.get(link).status_code == 404


def test_revoked_links_stop_working_new_ones_work(editor_client, visitor):
    article = NewsArticleFactory(is_published=False)
    old = create_link(editor_client, article)
    assert visitor.get(old).status_code == 200  # and not kept in the page cache:

    response = editor_client.post(
        admin_url(type(article), "preview_link", article.pk), {"_revoke": "1"}
    )

    assert response.status_code == 302
    assert visitor.get(old).status_code == 410
    assert visitor.get(create_link(editor_client, article)).status_code == 200


def test_only_editors_who_may_change_create_links(client, django_user_model):
    from django.contrib.auth.models import Permission

    from tests.admin_helpers import two_factor_login

    reader = django_user_model.objects.create_user("leser", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_newsarticle"))
    two_factor_login(client, reader)
    article = NewsArticleFactory(is_published=False)
    url = admin_url(type(article), "preview_link", article.pk)
    assert client.get(preview_url(article)).status_code == 200
    assert client.post(url).status_code == 403
    assert client.post(url, {"_revoke": "1"}).status_code == 403


def test_signed_link_has_a_fixed_number_of_queries(
    editor_client, visitor, django_assert_num_queries
):
    article = NewsArticleFactory(is_published=False, municipalities=[], projects=[])
    link = create_link(editor_client, article)
    visitor.get(link)  # warm the content-type cache
    with django_assert_num_queries(12):
        assert visitor.get(link).status_code == 200


# The draft's own files on the page of a signed link -----------------------------------------


def _granted_urls(html: str) -> list[str]:
    return re.findall(r'"(/[^"]+\?vorschau=[^"]+)"', html)


def test_signed_link_page_shows_the_drafts_image(editor_client, visitor):
    from django.core.files.base import ContentFile

    from tests.factories import png_bytes

    draft = NewsArticleFactory(
        is_published=False, image=ContentFile(png_bytes(), name="bild.png"), image_alt="Ein Bild"
    )
    other = NewsArticleFactory(
        is_published=False, image=ContentFile(png_bytes(), name="b.png"), image_alt="Anderes"
    )
    link = create_link(editor_client, draft)
    assert visitor.get(draft.image.url).status_code == 404  # a draft's file, as before

    [image_url] = _granted_urls(visitor.get(link).content.decode())
    response = visitor.get(image_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    # The token grants this object's files, no other draft's.
    token = image_url.split("vorschau=")[1]
    assert visitor.get(f"{other.image.url}?vorschau={token}").status_code == 404
    assert visitor.get(f"{draft.image.url}?vorschau={token}x").status_code == 404


def test_signed_link_page_offers_the_draft_documents_pdf(editor_client, visitor):
    draft = DocumentFactory(is_published=False)
    link = create_link(editor_client, draft)
    assert visitor.get(draft.get_download_url()).status_code == 404

    granted = _granted_urls(visitor.get(link).content.decode())
    assert f"{draft.get_download_url()}?vorschau=" in " ".join(granted)
    pdf_url = next(url for url in granted if url.startswith(draft.get_download_url()))
    response = visitor.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Referrer-Policy"] == "no-referrer"  # the token stays with us


def test_a_revoked_link_grants_no_file(editor_client, editor, visitor):
    draft = DocumentFactory(is_published=False)
    link = create_link(editor_client, draft)
    pdf_url = next(
        url
        for url in _granted_urls(visitor.get(link).content.decode())
        if url.startswith(draft.get_download_url())
    )
    time.sleep(0.01)  # revocation compares with the link's time of issue
    preview.revoke(editor, draft)
    assert visitor.get(pdf_url).status_code == 404
