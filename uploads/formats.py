"""What an uploaded file may be, decided from its name and its content together.

Each kind lists the extensions a client may send and recognises its formats by parsing the
content, not by sniffing a few magic bytes: `<!--ftypisom-->` begins like an MP4 and
`WEBVTT=0;` like captions, yet one is HTML and the other JavaScript. The stored name's extension
comes from the recognised format, and the media view answers with that format's fixed type.
"""

import io
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# Format (stored extension) -> the only content type it is ever served with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "vtt": "text/vtt; charset=utf-8",
}


def _read(file, size: int = -1, offset: int = 0) -> bytes:
    file.seek(offset)
    return file.read(size)


def _file_size(file) -> int:
    file.seek(0, io.SEEK_END)
    return file.tell()


def _pdf(file) -> str | None:
    if not _read(file, 5).startswith(b"%PDF-"):
        return None
    try:
        reader = PdfReader(file, strict=False)
        return "pdf" if len(reader.pages) >= 1 else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, struct.error):
        return None


_PIL_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
# A few hundred kilobytes of PNG can unpack to gigabytes of pixels (the badge, a thumbnail or a
# browser decodes them); the header names the size before anything is decoded.
MAX_MEGAPIXELS_SETTING = "IMAGE_MAX_MEGAPIXELS"


def too_many_pixels(size: tuple[int, int] | None) -> ValidationError:
    limit = getattr(settings, MAX_MEGAPIXELS_SETTING)
    if size is None:  # beyond Pillow's own limit, which refuses to say the size
        found = _("mehr als %(megapixels)s Megapixel") % {
            "megapixels": number_format(2 * Image.MAX_IMAGE_PIXELS // 10**6)
        }
    else:
        found = _("%(width)s × %(height)s Pixel (%(megapixels)s Megapixel)") % {
            "width": number_format(size[0], force_grouping=True),
            "height": number_format(size[1], force_grouping=True),
            "megapixels": number_format(size[0] * size[1] // 10**6, force_grouping=True),
        }
    return ValidationError(
        _("Das Bild hat %(found)s; erlaubt sind höchstens %(limit)s Megapixel. "
          "Bitte verkleinern Sie es."),
        code="too_many_pixels",
        params={"found": found, "limit": limit},
    )  # fmt: skip


def _image(file) -> str | None:
    """Raises ValidationError for an image with more pixels than IMAGE_MAX_MEGAPIXELS."""
    file.seek(0)
    try:
        with Image.open(file) as image:  # reads the header only
            width, height = image.size
            if width * height > getattr(settings, MAX_MEGAPIXELS_SETTING) * 10**6:
                raise too_many_pixels(image.size)
            image.verify()  # every chunk's checksum, still without decoding
            return _PIL_FORMATS.get(image.format)
    except Image.DecompressionBombError:
        raise too_many_pixels(None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


_BOX_TYPE = re.compile(rb"[A-Za-z0-9 \xa9_-]{4}")  # \xa9: "©" of iTunes-style boxes


def _iso_media(file) -> str | None:
    """MP4: a chain of boxes that starts with `ftyp`, holds `moov` and covers the whole file."""
    size = _file_size(file)
    offset, types = 0, []
    while offset < size:
        header = _read(file, 16, offset)
        if len(header) < 8:
            return None
        box_size, box_type = struct.unpack(">I4s", header[:8])
        if box_size == 1 and len(header) == 16:
            box_size = struct.unpack(">Q", header[8:16])[0]
        elif box_size == 0:
            box_size = size - offset  # the last box runs to the end of the file
        if box_size < 8 or offset + box_size > size or not _BOX_TYPE.fullmatch(box_type):
            return None
        types.append(box_type)
        offset += box_size
    if not types or types[0] != b"ftyp" or b"moov" not in types:
        return None
    return "mp4"


def _ebml_vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int, int] | None:
    if pos >= len(data) or data[pos] == 0:
        return None
    length = 8 - data[pos].bit_length() + 1
    if pos + length > len(data):
        return None
    value = int.from_bytes(data[pos : pos + length], "big")
    if not keep_marker:
        value &= (1 << (7 * length)) - 1
    return value, pos + length


def _webm(file) -> str | None:
    """WebM: an EBML header whose DocType is "webm", followed by a Segment."""
    data = _read(file, 4096)
    if not data.startswith(b"\x1a\x45\xdf\xa3"):
        return None
    header = _ebml_vint(data, 4, keep_marker=False)
    if header is None:
        return None
    header_size, pos = header
    end = pos + header_size
    doc_type = None
    while pos < end:
        element = _ebml_vint(data, pos, keep_marker=True)
        size = element and _ebml_vint(data, element[1], keep_marker=False)
        if not element or not size or size[1] + size[0] > end:
            return None
        if element[0] == 0x4282:
            doc_type = data[size[1] : size[1] + size[0]]
        pos = size[1] + size[0]
    if doc_type != b"webm" or data[end : end + 4] != b"\x18\x53\x80\x67":
        return None
    return "webm"


def _video(file) -> str | None:
    return _iso_media(file) or _webm(file)


# WebVTT: a signature line "WEBVTT" (alone or followed by a space or tab), then blocks separated
# by blank lines; every cue has a timing line. Anything else is not captions.
_VTT_SIGNATURE = re.compile(r"\AWEBVTT(?:[ \t][^\n]*)?\n")
_VTT_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VTT_TIMING = re.compile(rf"{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t][^\n]*)?")
_VTT_MAX_BYTES = 5 * 1024 * 1024


def _vtt(file) -> str | None:
    try:
        text = _read(file, _VTT_MAX_BYTES + 1).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _VTT_SIGNATURE.match(text + "\n"):
        return None
    blocks = [block for block in re.split(r"\n{2,}", text.strip("\n")) if block][1:]
    for block in blocks:
        lines = block.split("\n")
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing = lines[0] if "-->" in lines[0] else (lines[1] if len(lines) > 1 else "")
        if not _VTT_TIMING.fullmatch(timing):
            return None
    return "vtt" if blocks else None


@dataclass(frozen=True)
class FileKind:
    label: str  # German, as in "Die Datei ist kein PDF-Dokument."
    extensions: dict[str, str]  # accepted client extension -> format it must contain
    detect: Callable[[object], str | None]
    max_mb_setting: str
    max_megapixels_setting: str | None = None


KINDS = {
    "pdf": FileKind(_("kein PDF-Dokument"), {"pdf": "pdf"}, _pdf, "DOCUMENT_MAX_UPLOAD_MB"),
    "image": FileKind(
        _("kein Bild im Format PNG, JPEG oder WebP"),
        {"png": "png", "jpg": "jpg", "jpeg": "jpg", "webp": "webp"},
        _image,
        "IMAGE_MAX_UPLOAD_MB",
        MAX_MEGAPIXELS_SETTING,
    ),
    "video": FileKind(
        _("kein Video im Format MP4 oder WebM"),
        {"mp4": "mp4", "m4v": "mp4", "webm": "webm"},
        _video,
        "VIDEO_MAX_UPLOAD_MB",
    ),
    "captions": FileKind(
        _("keine WebVTT-Datei mit Untertiteln"), {"vtt": "vtt"}, _vtt, "IMAGE_MAX_UPLOAD_MB"
    ),
}


def detect_format(kind: str, file) -> str | None:
    """The format the content is in, if it is one of the kind's; leaves the file at its start.

    Raises ValidationError for content of the kind that is beyond its limits (too many pixels).
    """
    try:
        return KINDS[kind].detect(file)
    except OSError:
        raise missing_file_error() from None
    finally:
        file.seek(0)


def check_upload(kind: str, file, name: str) -> str:
    """Returns the file's format, or raises a German ValidationError naming what is wrong."""
    spec = KINDS[kind]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(f".{ext}" for ext in spec.extensions)
    if extension not in spec.extensions:
        raise ValidationError(
            _("Dateien mit der Endung „.%(ext)s“ sind hier nicht erlaubt; erlaubt: %(allowed)s."),
            code="extension",
            params={"ext": extension, "allowed": allowed},
        )
    found = detect_format(kind, file)
    if found != spec.extensions[extension]:
        raise ValidationError(
            _("Die Datei „%(name)s“ ist %(label)s, auch wenn ihre Endung das verspricht."),
            code="content",
            params={"name": name.rsplit("/", 1)[-1], "label": spec.label},
        )
    return found


def missing_file_error() -> ValidationError:
    # A stored file that went missing on disk: ask for a new upload instead of failing.
    return ValidationError(
        _("Die gespeicherte Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch."),
        code="file_missing",
    )
