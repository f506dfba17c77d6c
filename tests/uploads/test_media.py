"""Uploaded files are served only for objects the visitor may see, never as something that runs."""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from tests.factories import (
    MINIMAL_MP4,
    MINIMAL_PDF,
    MINIMAL_VTT,
    DocumentFactory,
    MunicipalityFactory,
    SignLanguageVideoFactory,
)

pytestmark = pytest.mark.django_db

NOTHING_RUNS = "default-src 'none'"


def _png() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="wappen.png")


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_published_document_is_served_with_fixed_type_and_a_policy_that_runs_nothing(client):
    document = DocumentFactory()

    for url in (document.file.url, document.get_download_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith(NOTHING_RUNS)
        assert _body(response) == MINIMAL_PDF
    assert 'filename="' + document.slug + '.pdf"' in response["Content-Disposition"]


def test_files_of_drafts_are_for_staff_only(editor_client):
    client = Client()  # the `client` fixture is the editor's, once editor_client is used
    document = DocumentFactory(is_published=False)
    video = SignLanguageVideoFactory(is_published=False)
    urls = [document.file.url, document.get_download_url(), video.video.url, video.captions.url]

    for url in urls:
        assert client.get(url).status_code == 404, url
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"


def test_file_of_a_deleted_object_is_gone_from_every_address(
    client, django_capture_on_commit_callbacks
):
    document = DocumentFactory()
    url, storage, name = document.file.url, document.file.storage, document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert client.get(url).status_code == 404
    assert not storage.exists(name)


def test_replaced_upload_is_removed_from_storage(django_capture_on_commit_callbacks):
    video = SignLanguageVideoFactory()
    old_name, storage = video.video.name, video.video.storage

    with django_capture_on_commit_callbacks(execute=True):
        video.video = ContentFile(MINIMAL_MP4, name="neu.mp4")
        video.save()

    assert video.video.name != old_name
    assert storage.exists(video.video.name)
    assert not storage.exists(old_name)


@pytest.mark.parametrize(
    "template",
    [
        "/media/wappen/..%2f{name}",
        "/media/wappen/../{name}",
        "/media/wappen/%2e%2e/{name}",
        "/media/wappen/%2e%2e%2f{name}",
        "/media/gebaerdensprache/..%2F..%2F{name}",
        "/media/%2e%2e/{name}",
        "/media/{name}%00",
        "/media/{name}/",
        "/media//{name}",
        "/media/./{name}",
    ],
)
def test_path_tricks_reach_nothing(editor_client, template):
    client = Client()
    # A draft's file is the worst case: it exists on disk, and staff may open it properly.
    draft = DocumentFactory(is_published=False)
    url = template.format(name=draft.file.name)

    assert client.get(url).status_code == 404
    assert editor_client.get(url).status_code == 404


def test_unreferenced_file_on_disk_is_not_served(client, settings):
    stray = settings.MEDIA_ROOT / "dokumente" / ("0" * 32 + ".pdf")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(MINIMAL_PDF)

    assert client.get(f"/media/dokumente/{stray.name}").status_code == 404


def test_video_answers_range_requests_so_players_can_seek(client):
    video = SignLanguageVideoFactory()
    size = len(MINIMAL_MP4)

    response = client.get(video.video.url, HTTP_RANGE="bytes=4-11")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 4-11/{size}"
    assert response["Content-Length"] == "8"
    assert _body(response) == MINIMAL_MP4[4:12]

    tail = client.get(video.video.url, HTTP_RANGE="bytes=-8")
    assert tail.status_code == 206 and _body(tail) == MINIMAL_MP4[-8:]
    open_end = client.get(video.video.url, HTTP_RANGE=f"bytes={size - 3}-")
    assert _body(open_end) == MINIMAL_MP4[-3:]

    unsatisfiable = client.get(video.video.url, HTTP_RANGE=f"bytes={size}-")
    assert unsatisfiable.status_code == 416
    assert unsatisfiable["Content-Range"] == f"bytes */{size}"

    malformed = client.get(video.video.url, HTTP_RANGE="bytes=x-y")
    assert malformed.status_code == 200 and malformed["Accept-Ranges"] == "bytes"


def test_media_answers_head_and_refuses_other_methods(client):
    document = DocumentFactory()

    assert client.head(document.file.url).status_code == 200
    assert client.post(document.file.url).status_code == 405


def test_no_media_answer_is_ever_html_script_svg_or_xml(client):
    municipality = MunicipalityFactory(coat_of_arms=_png(), coat_of_arms_alt="Wappen")
    document = DocumentFactory()
    video = SignLanguageVideoFactory()
    answers = {
        municipality.coat_of_arms.url: "image/png",
        document.file.url: "application/pdf",
        document.get_download_url(): "application/pdf",
        video.video.url: "video/mp4",
        video.captions.url: "text/vtt; charset=utf-8",
    }

    for url, expected in answers.items():
        response = client.get(url)
        assert response.status_code == 200, url
        content_type = response["Content-Type"].lower()
        assert content_type == expected
        for forbidden in ("html", "javascript", "ecmascript", "svg", "xml"):
            assert forbidden not in content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith(NOTHING_RUNS)
        if expected != "application/pdf":
            assert "sandbox" in response["Content-Security-Policy"]
    assert _body(client.get(video.captions.url)) == MINIMAL_VTT


def test_editors_open_their_uploads_from_the_admin(editor_client):
    document = DocumentFactory(is_published=False)
    change_page = editor_client.get(f"/admin/governance/document/{document.pk}/change/")

    assert f'href="{document.file.url}"' in change_page.content.decode()
    assert editor_client.get(document.file.url).status_code == 200


def test_old_path_style_addresses_answer_404(client):
    DocumentFactory()
    for url in ("/media/dokumente/2026/kontrakt.pdf", "/media/wappen/telgte.png"):
        assert client.get(url).status_code == 404
