from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .admin import TIMESTAMPS_FIELDSET, EditorialAdmin
from .markdown_admin import PICKER_URL_NAME
from .models import Image


@admin.register(Image)
class ImageAdmin(EditorialAdmin):
    list_display = ["thumbnail", "title", "alt_text", "credit", "updated_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text", "credit"]
    fieldsets = [
        (None, {"fields": ["title", "file", "preview", "alt_text", "credit"]}),
        (_("In Texte einfügen"), {"fields": ["markdown_snippet"]}),
        TIMESTAMPS_FIELDSET,
    ]
    readonly_fields = [*EditorialAdmin.readonly_fields, "preview", "markdown_snippet"]

    class Media:
        css = {"all": ["editorial/markdown-editor.css"]}

    @admin.display(description=_("Vorschau"))
    def thumbnail(self, obj):
        # The row's title names the picture; the thumbnail adds nothing for screen readers.
        return format_html('<img class="image-thumbnail" src="{}" alt="">', obj.url)

    @admin.display(description=_("Bild"))
    def preview(self, obj):
        if not obj.pk:
            return _("erscheint nach dem Speichern")
        return format_html('<img class="image-preview" src="{}" alt="{}">', obj.url, obj.alt_text)

    @admin.display(description=_("Markdown"))
    def markdown_snippet(self, obj):
        if not obj.pk:
            return _("erscheint nach dem Speichern")
        return format_html(
            '<code>{}</code><p class="help">{}</p>',
            obj.markdown,
            _(
                "Die Schaltfläche „Bild einfügen“ über jedem Textfeld setzt diese Zeile ein; "
                "ohne JavaScript kopieren Sie sie in den Text."
            ),
        )

    def get_deleted_objects(self, objs, request):
        # An image still shown in a text stays: deleting it would leave a gap on public pages.
        # The admin then refuses the deletion and lists these, also for "delete selected".
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [
            format_html(
                "{} „{}“ zeigt das Bild „{}“; bitte zuerst dort entfernen.",
                capfirst(obj._meta.verbose_name),
                obj,
                image,
            )
            for image in objs
            for obj in image.uses()
        ]
        return deleted, counts, perms_needed, [*protected, *in_use]

    def get_urls(self):
        picker = path(
            "auswahl/", self.admin_site.admin_view(self.picker_view), name=PICKER_URL_NAME
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The library as JSON for the Markdown editor's "Bild einfügen" dialog (one query)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = [
            {"title": image.title, "alt": image.alt_text, "credit": image.credit,
             "url": image.url, "markdown": image.markdown}
            for image in Image.objects.only("title", "alt_text", "credit", "file")
        ]  # fmt: skip
        # Only for those who may upload (not town editors): the dialog offers no dead end.
        may_add = self.has_add_permission(request)
        add_url = reverse(f"{self.admin_site.name}:editorial_image_add") if may_add else None
        return JsonResponse({"images": images, "add_url": add_url})
