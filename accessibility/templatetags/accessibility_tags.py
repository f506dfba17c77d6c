from django import template

from ..models import SignLanguageVideo

register = template.Library()


@register.inclusion_tag("accessibility/sign_language_videos.html")
def sign_language_videos():
    return {"videos": SignLanguageVideo.objects.published()}
