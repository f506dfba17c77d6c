"""The model field for an external video: editors paste a YouTube URL, visitors get a
placeholder until they consent (privacy.views.video_embed plays only what such a field holds)."""

from functools import cache

from django.apps import apps
from django.db import models

from .video import validate_video_url, youtube_id


class VideoURLField(models.URLField):
    default_validators = [*models.URLField.default_validators, validate_video_url]


@cache
def _video_fields() -> list[tuple[type, str]]:
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        # Only models that say who may see them: history tables copy the field, not the rule.
        if isinstance(field, VideoURLField) and hasattr(model._default_manager, "visible_to")
    ]


def embedding_object(video_id: str, user):
    """Content that embeds this video and that `user` may see (staff: drafts too), or None."""
    for model, field_name in _video_fields():
        candidates = model._default_manager.visible_to(user).filter(
            **{f"{field_name}__contains": video_id}
        )
        for obj in candidates:
            if youtube_id(getattr(obj, field_name)) == video_id:
                return obj
    return None
