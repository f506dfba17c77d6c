"""The admin's Markdown editor: which fields get it, the preview endpoint, the image check."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client

from editorial.fields import markdown_fields
from editorial.templatetags.editorial_tags import markdown
from pages.models import NewsArticle
from tests.admin_helpers import admin_url, form_data, form_errors, two_factor_login
from tests.factories import ImageFactory, NewsArticleFactory, PageFactory

# The filters between (as_markdown_list) turn lists of goals into Markdown: not editors' Markdown.
MARKDOWN_USE = re.compile(r"\{\{\s*\w+\.(\w+)\|markdown\s*\}\}")
PREVIEW_TEXT = (
    "# Titel\n\n**fett** und _kursiv_\n\n- eins\n- zwei\n\n| A | B |\n|---|---|\n| 1 | 2 |"
)


def preview_url(model=NewsArticle):
    return admin_url(model, "markdown_preview")


def _markdown_models() -> dict[type, set[str]]:
    found = {}
    for model, field in markdown_fields():
        found.setdefault(model, set()).add(field.name)
    return found


def test_the_markdown_fields_are_the_ones_editors_write():
    assert {model._meta.label_lower: names for model, names in _markdown_models().items()} == {
        "pages.page": {"body"},
        "pages.newsarticle": {"text"},
        "members.municipality": {"description"},
        "projects.fieldofaction": {"description"},
        "projects.workinggroup": {"description"},
        "projects.project": {"description"},
        "governance.body": {"description"},
        "governance.meeting": {"description"},
        "figures.indicator": {"explanation"},
    }


@pytest.mark.parametrize(
    "label", sorted(model._meta.label_lower for model, _field in markdown_fields())
)
def test_every_markdown_field_gets_the_editor_and_stays_a_textarea(editor_client, label):
    model = apps.get_model(label)
    html = editor_client.get(admin_url(model, "add")).content.decode()
    for name in _markdown_models()[model]:
        assert f'<markdown-toolbar for="id_{name}"' in html
        assert f'<textarea name="{name}"' in html  # without JavaScript, the plain field
    assert "markdown-toolbar-element.js" in html and 'type="module"' in html


def test_every_field_the_templates_render_as_markdown_is_a_markdown_field():
    # "<app>/<template>": "{{ obj.field|markdown }}" must name a MarkdownField of that app.
    declared = {}
    for model, names in _markdown_models().items():
        declared.setdefault(model._meta.app_label, set()).update(names)
    uses = 0
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        app = template.relative_to(Path(settings.BASE_DIR, "templates")).parts[0]
        for field in MARKDOWN_USE.findall(template.read_text()):
            assert field in declared.get(app, set()), f"{template}: {field}"
            uses += 1
    assert uses >= len(_markdown_models())  # the pattern still finds them


def test_other_text_fields_keep_the_plain_textarea(editor_client):
    html = editor_client.get(admin_url(NewsArticle, "add")).content.decode()
    assert html.count("<markdown-toolbar") == 1  # the teaser is no Markdown field


def test_toolbar_is_german_and_hidden_until_the_script_runs(editor_client):
    html = editor_client.get(admin_url(NewsArticle, "add")).content.decode()
    assert 'aria-label="Formatierung" hidden>' in html
    for label in ("Überschrift", "Fett", "Kursiv", "Liste", "Nummerierte Liste", "Link",
                  "Tabelle", "Bild einfügen", "Vorschau"):  # fmt: skip
        assert f">{label}</button>" in html


def test_preview_is_the_public_html(editor_client):
    response = editor_client.post(preview_url(), {"text": PREVIEW_TEXT})
    assert response.status_code == 200
    assert response.content.decode() == markdown(PREVIEW_TEXT)
    assert "<h2>Titel</h2>" in response.content.decode()


def test_preview_of_a_page_is_served_by_the_page_admin(editor_client):
    page = PageFactory.build()
    response = editor_client.post(preview_url(type(page)), {"text": page.body})
    assert response.content.decode() == markdown(page.body)


def test_preview_costs_only_the_login_queries(editor_client, django_assert_num_queries):
    editor_client.post(preview_url(), {"text": "x"})  # warms the session
    # Session, user, second factor, user and group permissions: the text costs none.
    with django_assert_num_queries(5):
        editor_client.post(preview_url(), {"text": PREVIEW_TEXT * 20})


def test_preview_is_for_staff_only(client, db, django_user_model):
    response = client.post(preview_url(), {"text": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    visitor = django_user_model.objects.create_user("besuch", password="x", is_staff=True)
    two_factor_login(client, visitor)  # staff, but without permission for news
    assert client.post(preview_url(), {"text": "x"}).status_code == 403


def test_preview_needs_post_and_a_csrf_token(editor, editor_client):
    assert editor_client.get(preview_url(), {"text": "x"}).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    two_factor_login(strict, editor)
    assert strict.post(preview_url(), {"text": "x"}).status_code == 403


def post_article_text(client, text):
    article = NewsArticleFactory(is_published=False)  # a draft saves directly
    url = admin_url(NewsArticle, "change", article.pk)
    data = form_data(client.get(url))
    data["text"] = text
    return article, client.post(url, data)


def test_text_with_a_library_image_is_saved(editor_client):
    image = ImageFactory()
    article, response = post_article_text(editor_client, f"Text\n\n{image.markdown}")
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert image.url in article.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("![](IMAGE)", "Bitte für jedes Bild einen Alternativtext angeben."),
        ('<img src="IMAGE">', "Bitte für jedes Bild einen Alternativtext angeben."),
        (
            "![Logo](https://example.com/logo.png)",
            "Bilder bitte nur aus der Bildbibliothek einfügen (Schaltfläche „Bild einfügen“): "
            "„https://example.com/logo.png“ ist kein Bild der Bibliothek.",
        ),
        (
            "![Logo](/media/bilder/" + "0" * 32 + ".png)",
            "Das Bild „/media/bilder/" + "0" * 32 + ".png“ gibt es in der Bildbibliothek "
            "nicht (mehr).",
        ),
    ],
)
def test_images_without_alt_text_or_from_elsewhere_are_refused(editor_client, text, message):
    image = ImageFactory()
    _article, response = post_article_text(editor_client, text.replace("IMAGE", image.url))
    assert response.status_code == 200
    assert message in form_errors(response)
