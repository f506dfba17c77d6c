"""The admin's "Als neu speichern" for content that comes back (meetings with their agenda, news).

Django's ``save_as`` posts the form as a new object and its inline rows as new rows. On top:
the copy gets a free address (slug), starts as an unpublished draft, inlines that belong to the
original only (a meeting's minutes and papers) are left behind, and fields of copied rows that
describe what happened (an agenda item's result and votes) start empty.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from .versions import FIELD as VERSION_FIELD

SAVE_AS_NEW = "_saveasnew"


def free_slug(model, slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … whichever no object of ``model`` has."""
    max_length = model._meta.get_field("slug").max_length
    taken = set(
        model._default_manager.filter(slug__startswith=slug[: max_length - 4]).values_list(
            "slug", flat=True
        )
    )
    candidate, number = slug, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)].rstrip("-") + suffix
        number += 1
    return candidate


def saving_as_new(request) -> bool:
    return request.method == "POST" and SAVE_AS_NEW in request.POST


class SaveAsNewAdminMixin:
    save_as = True
    save_as_continue = True  # the editor goes on with the copy's form
    # Inline models that stay with the original.
    save_as_new_skips: tuple = ()
    # Per inline model: field values its copied rows start with.
    save_as_new_resets: dict = {}
    DRAFT_FIELDS = ("is_published", "publish_from", "visible_until")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if saving_as_new(request):
            data = request.POST.copy()
            for name in self.DRAFT_FIELDS:  # the copy starts as a draft
                for key in [k for k in data if k == name or k.startswith(f"{name}_")]:
                    del data[key]
            if data.get("slug"):
                data["slug"] = free_slug(self.model, data["slug"])
            data.pop(VERSION_FIELD, None)  # a new object: no version to collide with
            request.POST = data
        return super().change_view(request, object_id, form_url, extra_context)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if saving_as_new(request):
            inlines = [i for i in inlines if i.model not in self.save_as_new_skips]
        return inlines

    def save_formset(self, request, form, formset, change):
        resets = self.save_as_new_resets.get(formset.model) if saving_as_new(request) else None
        if resets:
            for inline_form in formset.forms:
                for name, value in resets.items():
                    setattr(inline_form.instance, name, value)
        super().save_formset(request, form, formset, change)

    def response_add(self, request, obj, post_url_continue=None):
        if saving_as_new(request):
            self.message_user(
                request,
                _(
                    "Die Kopie ist als Entwurf unter der Adresse „%(slug)s“ angelegt. Prüfen "
                    "Sie sie und veröffentlichen Sie sie, wenn sie stimmt."
                )
                % {"slug": obj.slug},
                messages.INFO,
            )
        return super().response_add(request, obj, post_url_continue)
