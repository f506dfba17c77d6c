"""Addresses that survive: every change of a public address, by any path (admin, publishing a
pending version, a restore, the shell, an import), leaves a permanent redirect from the old
address, subpaths included (/aktuelles/alt/… → /aktuelles/neu/…).

A pre_save receiver compares the stored object's address with the new one, so nobody has to
remember it. Chains collapse as they form (A → B, then B → C makes A → C), and an address taken
back into use stops redirecting. The redirect answers only where the site itself has nothing
(a 404), so a new page at an old address always wins.
"""

from django.db import models
from django.db.models.functions import Length
from django.db.models.signals import pre_save
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _


class Redirect(models.Model):
    # An old address answers 301 instead of 404 (neither is cached; declared for the CDN purge).
    changes_public_pages = True
    # Written by record_move, never typed: an address is what the site answered under.
    old_path = models.CharField(_("alte Adresse"), max_length=300, unique=True, editable=False)
    new_path = models.CharField(_("neue Adresse"), max_length=300, editable=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Weiterleitung")
        verbose_name_plural = _("Weiterleitungen")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


def record_move(old: str, new: str) -> None:
    """``old`` now lives at ``new``."""
    if old == new:
        return
    Redirect.objects.filter(new_path=old).update(new_path=new)  # chains collapse
    Redirect.objects.filter(old_path=new).delete()  # the address is in use again
    Redirect.objects.filter(old_path=models.F("new_path")).delete()
    Redirect.objects.update_or_create(old_path=old, defaults={"new_path": new})


def _moves_address(sender) -> bool:
    return (
        hasattr(sender, "get_absolute_url")
        and any(field.name == "slug" for field in sender._meta.concrete_fields)
        and not sender.__name__.startswith("Historical")
    )


def record_address_change(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver for every model with a public address made of its slug."""
    if raw or instance.pk is None or not _moves_address(sender):
        return
    stored = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if stored is None or stored == instance.slug:
        return
    new = instance.get_absolute_url()
    instance_slug, instance.slug = instance.slug, stored
    try:
        old = instance.get_absolute_url()
    finally:
        instance.slug = instance_slug
    record_move(old, new)


def connect_signals() -> None:
    pre_save.connect(record_address_change, dispatch_uid="editorial_redirects")


def _prefixes(path: str) -> list[str]:
    """ "/a/b/c/" → ["/a/b/c/", "/a/b/", "/a/"]: the path and the folders above it."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[:n]) + "/" for n in range(len(parts), 0, -1)]


def redirect_for(path: str) -> str | None:
    if "\x00" in path:
        return None  # no address of ours holds a NUL, and PostgreSQL cannot compare one
    found = (
        Redirect.objects.filter(old_path__in=_prefixes(path))
        .order_by(Length("old_path").desc())
        .first()
    )
    if found is None:
        return None
    rest = path[len(found.old_path) :] if path.startswith(found.old_path) else ""
    return found.new_path + rest


class RedirectFallbackMiddleware:
    """Turns a 404 at a moved address into a 301 to where it lives now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = redirect_for(request.path)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
