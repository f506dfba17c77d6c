"""The privacy settings endpoint and the first-party frames that hold external media.

Why frames: a document's Content-Security-Policy is fixed when it arrives. Our pages never name
a third-party host in their policy; maps and videos live in small documents of our own
(/einbettung/...) whose policy names the tile or video host only when the visitor consented. So a
choice made in the banner takes effect without reloading the page (the frame is simply created),
and "Karte laden"/"Video laden" (this once) posts into the frame: that single response carries the
consent, nothing is stored, and the next page shows the placeholder again.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_permissions_policy.decorators import permissions_policy_override

from .consent import (
    VIDEO_ORIGIN,
    get_consent,
    is_same_origin,
    safe_next,
    service_keys,
    services,
    set_consent_cookie,
)
from .embeds import CROSS_SITE_MESSAGE, render_embed
from .fields import embedding_object
from .video import embed_url


class ConsentForm(forms.Form):
    CHOICES = [
        ("all", "Alle akzeptieren"),
        ("necessary", "Nur notwendige"),
        ("custom", "Auswahl speichern"),
        ("allow", "Einen Dienst erlauben"),
    ]
    choice = forms.ChoiceField(choices=CHOICES)
    services = forms.MultipleChoiceField(required=False, choices=())
    service = forms.ChoiceField(required=False, choices=())
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(s.key, s.name) for s in services()]
        self.fields["services"].choices = options
        self.fields["service"].choices = [("", "—"), *options]

    def clean(self):
        data = super().clean()
        if data.get("choice") == "allow" and not data.get("service"):
            raise forms.ValidationError("Bitte angeben, welcher Dienst erlaubt werden soll.")
        return data

    def allowed(self, current: frozenset[str]) -> set[str]:
        choice = self.cleaned_data["choice"]
        if choice == "all":
            return set(service_keys())
        if choice == "necessary":
            return set()
        if choice == "custom":
            return set(self.cleaned_data["services"])
        return set(current) | {self.cleaned_data["service"]}


def _summary(allowed: set[str]) -> str:
    if not allowed:
        return (
            "Ihre Privatsphäre-Einstellung wurde gespeichert: nur notwendige Cookies, externe "
            "Dienste werden nicht geladen."
        )
    names = ", ".join(s.name for s in services() if s.key in allowed)
    return f"Ihre Privatsphäre-Einstellung wurde gespeichert. Erlaubt: {names}."


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _return_path(request) -> str:
    """Where the settings page sends the visitor back to: ?next=, else the page they came from.

    The footer link carries no ?next=, so every page links to one stable address.
    """
    candidate = request.GET.get("next") or request.headers.get("Referer", "")
    parts = urlsplit(safe_next(request, candidate, default=""))
    if parts.path == reverse("consent_settings"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _settings_page(request, next_url, form=None, status=200):
    context = {
        "consent_page": True,  # the page is the form: no banner on top of it
        "services": services(),
        "next": next_url,
        "form": form,
    }
    return render(request, "privacy/settings.html", context, status=status)


@never_cache
@csrf_exempt  # protected by the same-origin check below; see consent.is_same_origin
@require_http_methods(["GET", "POST"])
def consent_settings(request):
    """GET: the settings page (the no-JS way to change the choice). POST: store a choice."""
    if request.method == "GET":
        return _settings_page(request, _return_path(request))
    if not is_same_origin(request):
        return HttpResponseForbidden(CROSS_SITE_MESSAGE, content_type="text/plain; charset=utf-8")
    form = ConsentForm(request.POST)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"error": "Die Auswahl war unvollständig."}, status=400)
        next_url = safe_next(request, request.POST.get("next"), default="")
        return _settings_page(request, next_url, form=form, status=400)
    allowed = form.allowed(get_consent(request).allowed)
    message = _summary(allowed)
    if _wants_json(request):
        response = JsonResponse({"decided": True, "allowed": sorted(allowed), "message": message})
    else:
        messages.success(request, message)
        response = redirect(safe_next(request, form.cleaned_data["next"]), permanent=False)
        response.status_code = 303
    set_consent_cookie(response, request, allowed)
    return response


# The player in our video frame gets what its iframe's allow attribute names (video_frame.html).
PLAYER_FEATURES = ("fullscreen", "picture-in-picture", "encrypted-media")


@never_cache
@csrf_exempt  # one-time consent posts are checked by render_embed's same-origin test
@xframe_options_sameorigin
@require_http_methods(["GET", "POST"])
@permissions_policy_override(
    {**settings.PERMISSIONS_POLICY, **dict.fromkeys(PLAYER_FEATURES, ("self", VIDEO_ORIGIN))}
)
def video_embed(request, video_id: str):
    """A video only plays in our frame if editors embedded it in published content."""
    content = embedding_object(video_id, request.user)
    if content is None:
        raise Http404("Kein solches Video")
    context = {"title": str(content), "player_url": embed_url(f"https://youtu.be/{video_id}")}
    return render_embed(request, "youtube", "privacy/video_frame.html", context)
