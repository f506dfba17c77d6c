"""Uploads are accepted only with an allowed extension AND matching content, and stored under
a generated name whose extension comes from the content."""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from governance.models import Document
from members.models import Municipality
from tests.factories import (
    MINIMAL_MP4,
    MINIMAL_PDF,
    MINIMAL_VTT,
    MINIMAL_WEBM,
    DocumentFactory,
    MunicipalityFactory,
    SignLanguageVideoFactory,
)
from uploads.formats import check_upload

HTML_AS_VIDEO = b"<!--ftypisom--><html><script>fetch('/admin/')</script></html>"
JS_AS_CAPTIONS = b"WEBVTT=0;fetch('/admin/auth/user/add/')\n"
HTML_AS_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("kind", "name", "content", "code"),
    [
        # The attacks of the security review.
        ("video", "player.html", HTML_AS_VIDEO, "extension"),
        ("video", "player.mp4", HTML_AS_VIDEO, "content"),
        ("captions", "player.js", JS_AS_CAPTIONS, "extension"),
        ("captions", "untertitel.vtt", JS_AS_CAPTIONS, "content"),
        ("pdf", "bericht.html", HTML_AS_PDF, "extension"),
        ("pdf", "bericht.pdf", HTML_AS_PDF, "content"),
        ("image", "wappen.svg", SVG, "extension"),
        ("image", "wappen.png", SVG, "content"),
        # Right format family, wrong promise: a JPEG named .png, a WebM named .mp4.
        ("image", "wappen.png", _image("JPEG"), "content"),
        ("video", "film.mp4", MINIMAL_WEBM, "content"),
        # Magic bytes alone are not enough.
        ("video", "film.mp4", MINIMAL_MP4[:12] + b"\x00" * 64, "content"),
        ("video", "film.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 64, "content"),
        ("captions", "a.vtt", b"WEBVTT\n\nkeine Zeitangabe\nText\n", "content"),
        ("captions", "a.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\n\xff\xfe\n", "content"),
        ("pdf", "leer.pdf", b"", "content"),
        ("pdf", "ohne-endung", MINIMAL_PDF, "extension"),
    ],
)
def test_forbidden_uploads_are_refused(kind, name, content, code):
    with pytest.raises(ValidationError) as error:
        check_upload(kind, io.BytesIO(content), name)
    assert error.value.code == code
    assert error.value.messages[0].startswith(("Die Datei", "Dateien mit der Endung"))


@pytest.mark.parametrize(
    ("kind", "name", "content", "found"),
    [
        ("pdf", "Bericht 2024.PDF", MINIMAL_PDF, "pdf"),
        ("image", "wappen.png", _image("PNG"), "png"),
        ("image", "wappen.jpeg", _image("JPEG"), "jpg"),
        ("image", "wappen.webp", _image("WEBP"), "webp"),
        ("video", "film.mp4", MINIMAL_MP4, "mp4"),
        ("video", "film.webm", MINIMAL_WEBM, "webm"),
        ("captions", "de.vtt", MINIMAL_VTT, "vtt"),
        ("captions", "de.vtt", b"\xef\xbb\xbfWEBVTT - Deutsch\r\n\r\nNOTE x\r\n\r\n1\r\n"
         b"00:00:01.000 --> 00:00:02.500 align:start\r\nHallo\r\n", "vtt"),
    ],
)  # fmt: skip
def test_real_files_pass_and_stay_at_their_start(kind, name, content, found):
    upload = io.BytesIO(content)
    assert check_upload(kind, upload, name) == found
    assert upload.tell() == 0


@pytest.mark.django_db
def test_stored_name_is_generated_with_the_extension_of_the_content():
    document = DocumentFactory(file=ContentFile(MINIMAL_PDF, name="../../Mein Bericht.html.pdf"))

    assert re.fullmatch(r"dokumente/[0-9a-f]{32}\.pdf", document.file.name)
    video = SignLanguageVideoFactory(
        video=ContentFile(MINIMAL_WEBM, name="film.mp4"),
        captions=ContentFile(MINIMAL_VTT, name="x.txt"),
    )
    assert re.fullmatch(r"gebaerdensprache/[0-9a-f]{32}\.webm", video.video.name)
    assert re.fullmatch(r"untertitel/[0-9a-f]{32}\.vtt", video.captions.name)


@pytest.mark.django_db
def test_content_of_no_allowed_format_is_never_written_even_by_the_orm(settings):
    with pytest.raises(ValidationError), transaction.atomic():
        DocumentFactory(file=ContentFile(HTML_AS_PDF, name="x.pdf"))

    assert not Document.objects.exists()
    media_root = settings.MEDIA_ROOT
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


@pytest.mark.django_db
def test_size_limit_follows_the_setting_of_the_kind(settings):
    settings.IMAGE_MAX_UPLOAD_MB = 0
    municipality = MunicipalityFactory.build(
        coat_of_arms=SimpleUploadedFile("wappen.png", _image("PNG")), coat_of_arms_alt="Wappen"
    )
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "erlaubt sind höchstens 0" in error.value.message_dict["coat_of_arms"][0]


def test_admin_form_names_the_accepted_files_and_the_limit_before_the_upload(settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 20
    field = Document._meta.get_field("file").formfield()

    assert field.widget.attrs["accept"] == ".pdf"
    assert "Erlaubt: .pdf; höchstens 20 MB." in str(field.help_text)


def _blank_png(width: int, height: int) -> bytes:
    """A valid black-and-white PNG: a few kilobytes on disk, width × height pixels unpacked."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = bytes(1 + (width + 7) // 8) * height  # filter byte and 1 bit per pixel, all zero
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("width", "height", "found"),
    [
        (12_000, 12_000, "12.000 × 12.000 Pixel (144 Megapixel)"),  # the review's 137 KiB PNG
        (15_000, 15_000, "mehr als 178 Megapixel"),  # Pillow itself refuses to open it
    ],
)
def test_images_with_too_many_pixels_are_refused_before_decoding(settings, width, height, found):
    settings.IMAGE_MAX_MEGAPIXELS = 40
    bomb = _blank_png(width, height)
    assert len(bomb) < 200 * 1024

    with pytest.raises(ValidationError) as error:
        check_upload("image", io.BytesIO(bomb), "karte.png")

    assert error.value.code == "too_many_pixels"
    assert error.value.messages == [
        f"Das Bild hat {found}; erlaubt sind höchstens 40 Megapixel. Bitte verkleinern Sie es."
    ]


def test_the_pixel_limit_follows_the_setting(settings):
    image = _blank_png(8_000, 5_000)
    settings.IMAGE_MAX_MEGAPIXELS = 40
    assert check_upload("image", io.BytesIO(image), "plan.png") == "png"
    settings.IMAGE_MAX_MEGAPIXELS = 39
    with pytest.raises(ValidationError, match="höchstens 39 Megapixel"):
        check_upload("image", io.BytesIO(image), "plan.png")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.django_db
def test_too_many_pixels_are_never_written_even_by_the_orm(settings):
    bomb = ContentFile(_blank_png(12_000, 12_000), name="wappen.png")
    with pytest.raises(ValidationError, match="Megapixel"), transaction.atomic():
        MunicipalityFactory(coat_of_arms=bomb, coat_of_arms_alt="Wappen")
    media_root = settings.MEDIA_ROOT
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_admin_form_names_the_pixel_limit_of_images(settings):
    settings.IMAGE_MAX_UPLOAD_MB, settings.IMAGE_MAX_MEGAPIXELS = 5, 40
    field = Municipality._meta.get_field("coat_of_arms").formfield()
    assert "höchstens 5 MB und 40 Megapixel." in str(field.help_text)
