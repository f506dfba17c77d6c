"""The admin's Markdown editor: toolbar, live preview and image check for the text fields that
the templates render with ``|markdown``.

Those are the fields of type MarkdownField (editorial.fields). The field stays a plain textarea (it works without JavaScript);
static/editorial/markdown-editor.js adds the toolbar, the "Bild einfügen" dialog and the preview,
whose HTML the server renders with editorial.markdown, exactly as visitors get it.
"""

from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Script
from django.http import HttpResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from uploads.media import find_visible

from .fields import MarkdownField, markdown_fields
from .markdown import images, library_image_name, render

# image_admin registers the library's JSON list under this name; without it, no picker.
PICKER_URL_NAME = "editorial_image_picker"

# (data-md-button of @github/markdown-toolbar-element, label, keyboard shortcut)
_BUTTONS = [
    ("header-2", _("Überschrift"), ""),
    ("header-3", _("Zwischenüberschrift"), ""),
    ("header-4", _("Kleine Überschrift"), ""),
    ("bold", _("Fett"), "Control+B"),
    ("italic", _("Kursiv"), "Control+I"),
    ("unordered-list", _("Liste"), ""),
    ("ordered-list", _("Nummerierte Liste"), ""),
    ("quote", _("Zitat"), ""),
    ("link", _("Link"), "Control+K"),
]


class MarkdownEditorWidget(AdminTextareaWidget):
    class Media:
        # The site's text styles first: the preview shows a text as visitors read it.
        css = {"all": ["css/prose.css", "editorial/markdown-editor.css"]}
        js = [
            Script("vendor/markdown-toolbar-element/markdown-toolbar-element.js", type="module"),
            Script("editorial/markdown-editor.js", type="module"),
        ]

    def __init__(self, *, preview_url: str, picker_url: str | None, attrs=None):
        self.preview_url = preview_url
        self.picker_url = picker_url
        super().__init__(attrs)

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or f"id_{name}"
        buttons = mark_safe(
            "".join(
                format_html(
                    '<button type="button" class="button" data-md-button="{}"{}>{}</button>',
                    style,
                    format_html(' aria-keyshortcuts="{}"', keys) if keys else "",
                    label,
                )
                for style, label, keys in _BUTTONS
            )
        )
        # Our own buttons join the toolbar's arrow-key focus through data-md-button values that
        # name no formatting, so the element leaves their clicks to markdown-editor.js.
        table = format_html(
            '<button type="button" class="button" data-md-button="table" data-markdown-table>'
            "{}</button>",
            _("Tabelle"),
        )
        picker = (
            format_html(
                '<button type="button" class="button" data-md-button="image-picker" '
                'data-markdown-image="{}" aria-haspopup="dialog">{}</button>',
                self.picker_url,
                _("Bild einfügen"),
            )
            if self.picker_url
            else ""
        )
        # Toolbar and preview stay hidden until the script runs: without it, the textarea is
        # the whole editor, and a preview that does not follow the typing would mislead.
        return format_html(
            '<div class="markdown-editor" data-markdown-editor data-preview-url="{preview_url}">'
            '<markdown-toolbar for="{id}" class="markdown-toolbar" aria-label="{toolbar}" hidden>'
            "{buttons}{table}{picker}"
            '<button type="button" class="button" data-md-button="preview" '
            'data-markdown-preview-toggle aria-expanded="true" aria-controls="{id}-preview">'
            "{preview}</button>"
            "</markdown-toolbar>{textarea}"
            '<section class="markdown-preview" id="{id}-preview" aria-labelledby="{id}-preview-title" '
            "hidden>"
            '<h2 class="markdown-preview-title" id="{id}-preview-title">{preview_title}</h2>'
            '<div class="markdown-preview-body prose" data-markdown-preview>{html}</div>'
            "</section></div>",
            preview_url=self.preview_url,
            id=field_id,
            toolbar=_("Formatierung"),
            buttons=buttons,
            table=table,
            picker=picker,
            preview=_("Vorschau"),
            textarea=textarea,
            preview_title=_("Vorschau: so erscheint der Text auf der Website"),
            html=mark_safe(render(value or "")),
        )


def validate_markdown_images(text: str) -> None:
    """Every image needs an alt text and must come from the library (editorial.markdown)."""
    errors = {}
    for image in images(text):
        src = image.get("src", "")
        if not image.get("alt", "").strip():
            errors["alt"] = _("Bitte für jedes Bild einen Alternativtext angeben.")
        name = library_image_name(src)
        if name is None:
            errors[src] = _(
                "Bilder bitte nur aus der Bildbibliothek einfügen (Schaltfläche „Bild "
                "einfügen“): „%(src)s“ ist kein Bild der Bibliothek."
            ) % {"src": src}
        elif find_visible(name, AnonymousUser()) is None:
            errors[src] = _("Das Bild „%(src)s“ gibt es in der Bildbibliothek nicht (mehr).") % {
                "src": src
            }
    if errors:
        raise ValidationError(
            [ValidationError(message, code="image") for message in errors.values()]
        )


class MarkdownEditorAdminMixin:
    """For every content admin: the editor on the model's Markdown fields, and its preview URL
    (POST, CSRF-protected, behind the admin's login and second factor)."""

    def markdown_fields(self) -> frozenset[str]:
        return frozenset(field.name for model, field in markdown_fields() if model is self.model)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if not isinstance(db_field, MarkdownField):
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        kwargs["widget"] = MarkdownEditorWidget(
            preview_url=reverse(f"{self.admin_site.name}:{self._preview_url_name()}"),
            picker_url=self._picker_url(),
        )
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        formfield.validators.append(validate_markdown_images)
        return formfield

    def _preview_url_name(self) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_markdown_preview"

    def _picker_url(self) -> str | None:
        try:
            return reverse(f"{self.admin_site.name}:{PICKER_URL_NAME}")
        except NoReverseMatch:
            return None

    def get_urls(self):
        urls = super().get_urls()
        if not self.markdown_fields():
            return urls
        view = self.admin_site.admin_view(require_POST(self.markdown_preview_view))
        # Before the model's own "<path:object_id>/" patterns, which would take the address.
        return [path("markdown-vorschau/", view, name=self._preview_url_name()), *urls]

    def markdown_preview_view(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        return HttpResponse(render(request.POST.get("text", "")), content_type="text/html")
