"""The model field for an external video: editors paste a YouTube URL, visitors get a
placeholder until they consent (privacy.views.video_embed plays only what such a field holds)."""

from django.db import models

from core.models import visible_fields

from .video import validate_video_url, youtube_id


class VideoURLField(models.URLField):
    default_validators = [*models.URLField.default_validators, validate_video_url]


def embedding_object(video_id: str, user):
    """Content that embeds this video and that `user` may see (staff: drafts too), or None."""
    for model, field in visible_fields(VideoURLField):
        candidates = model._default_manager.visible_to(user).filter(
            **{f"{field.name}__contains": video_id}
        )
        for obj in candidates:
            if youtube_id(getattr(obj, field.name)) == video_id:
                return obj
    return None
