"""YouTube URLs as editors paste them, turned into privacy-enhanced embeds."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}


def youtube_id(url: str) -> str | None:
    """The 11-character video id of a YouTube watch, share, shorts or embed URL, else None."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in {"http", "https"} or parsed.hostname not in _HOSTS:
        return None
    if parsed.hostname == "youtu.be":
        candidate = parsed.path.lstrip("/")
    elif parsed.path == "/watch":
        candidate = parse_qs(parsed.query).get("v", [""])[0]
    else:
        parts = parsed.path.strip("/").split("/")
        candidate = parts[1] if len(parts) == 2 and parts[0] in {"embed", "shorts", "live"} else ""
    return candidate if _VIDEO_ID.match(candidate) else None


def validate_video_url(url: str) -> None:
    if youtube_id(url) is None:
        raise ValidationError(
            _(
                "Bitte die Adresse eines YouTube-Videos angeben, z. B. https://www.youtube.com/watch?v=…"
            ),
            code="invalid_video_url",
        )


def embed_url(url: str) -> str:
    """The youtube-nocookie.com player URL, which sets no cookie until the video plays."""
    return f"https://www.youtube-nocookie.com/embed/{youtube_id(url)}"
