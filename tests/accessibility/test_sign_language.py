import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accessibility.models import SignLanguageVideo
from tests.factories import (
    MINIMAL_MP4,
    MINIMAL_VTT,
    MINIMAL_WEBM,
    PageFactory,
    SignLanguageVideoFactory,
)

WEBM = MINIMAL_WEBM


@pytest.mark.django_db
def test_sign_language_page_offers_video_with_captions_download_and_transcript(client):
    PageFactory(slug="gebaerdensprache", title="Gebärdensprache")
    video = SignLanguageVideoFactory()
    SignLanguageVideoFactory(title="Entwurf", is_published=False)
    html = client.get("/gebaerdensprache/").content.decode()
    assert '<video controls preload="none"' in html
    assert f'src="{video.video.url}" type="video/mp4"' in html
    assert '<track kind="captions"' in html and 'srclang="de"' in html
    assert (
        "herunterladen" in html
        and f"(MP4, {len(MINIMAL_MP4)}\xa0Bytes" in html
        and "Dauer 3:25 Min.)" in html
    )
    assert "Die Stadtregion Münster besteht aus zwölf Kommunen." in html
    assert "Entwurf" not in html


@pytest.mark.django_db
def test_uploaded_video_is_served_first_party(client):
    video = SignLanguageVideoFactory()
    response = client.get(video.video.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(MINIMAL_MP4[:12])


@pytest.mark.django_db
def test_sign_language_page_without_videos_points_to_leichte_sprache(client):
    PageFactory(slug="gebaerdensprache", title="Gebärdensprache")
    html = client.get("/gebaerdensprache/").content.decode()
    assert "Leichter Sprache" in html


@pytest.mark.parametrize(
    ("field", "content", "name", "message"),
    [
        ("video", b"%PDF-1.4 not a video", "film.mp4", "kein Video"),
        (
            "captions",
            b"1\n00:00:00,000 --> 00:00:02,000\nSRT\n",
            "untertitel.vtt",
            "keine WebVTT-Datei",
        ),
    ],
)
@pytest.mark.django_db
def test_uploads_are_checked_by_content(field, content, name, message):
    video = SignLanguageVideo(
        title="Test",
        topic=SignLanguageVideo.Topic.NAVIGATION,
        video=SimpleUploadedFile("ok.webm", WEBM),
        captions=SimpleUploadedFile("ok.vtt", MINIMAL_VTT),
        duration=datetime.timedelta(seconds=30),
    )
    setattr(video, field, SimpleUploadedFile(name, content))
    with pytest.raises(ValidationError) as excinfo:
        video.full_clean()
    assert message in str(excinfo.value.message_dict[field])


@pytest.mark.django_db
def test_video_needs_captions_or_transcript():
    video = SignLanguageVideo(
        title="Ohne Text",
        topic=SignLanguageVideo.Topic.OTHER,
        video=SimpleUploadedFile("ok.webm", WEBM),
        duration=datetime.timedelta(seconds=30),
    )
    with pytest.raises(ValidationError, match="Untertitel hochladen oder den Text"):
        video.full_clean()


@pytest.mark.django_db
def test_statement_names_exactly_the_missing_videos(client):
    from django.template import Context, Template

    template = Template("{% load accessibility_tags %}{% sign_language_gaps heading=True %}")
    html = template.render(Context())
    for topic in ("Inhalte der Website", "Navigation", "Erklärung zur Barrierefreiheit"):
        assert f"<li>{topic}</li>" in html
    SignLanguageVideoFactory(topic=SignLanguageVideo.Topic.NAVIGATION)
    html = template.render(Context())
    assert "<li>Navigation</li>" not in html and "<li>Inhalte der Website</li>" in html
