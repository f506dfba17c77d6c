from django import template

from ..models import SignLanguageVideo

register = template.Library()


@register.inclusion_tag("accessibility/sign_language_videos.html")
def sign_language_videos():
    return {"videos": SignLanguageVideo.objects.published()}


# The topics the Gebärdensprache page promises (the statement names the ones still missing).
PROMISED_TOPICS = (
    SignLanguageVideo.Topic.CONTENT,
    SignLanguageVideo.Topic.NAVIGATION,
    SignLanguageVideo.Topic.ACCESSIBILITY,
)


@register.inclusion_tag("accessibility/sign_language_gaps.html")
def sign_language_gaps(heading: bool = False):
    """The promised videos not yet published, by topic: one query, never out of date."""
    published = set(SignLanguageVideo.objects.published().values_list("topic", flat=True))
    missing = [topic.label for topic in PROMISED_TOPICS if topic not in published]
    return {"missing": missing, "heading": heading}
