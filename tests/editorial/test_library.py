"""The image library: admin, the editor's picker list, and serving its files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from editorial.models import Image
from stadtregion.permissions import EDITOR_GROUP_NAME
from tests.admin_helpers import admin_url, form_errors, two_factor_login
from tests.factories import ImageFactory, NewsArticleFactory, PageFactory, png_bytes


def upload(name="radweg.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def test_editor_adds_an_image_with_alt_text_and_credit(editor_client):
    response = editor_client.post(
        admin_url(Image, "add"),
        {"title": "Veloroute", "file": upload(), "alt_text": "Radweg an der Werse",
         "credit": "Foto: Stadt Telgte"},
    )  # fmt: skip
    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get()
    assert image.file.name.startswith("bilder/") and image.file.name.endswith(".png")
    assert image.markdown == f'![Radweg an der Werse]({image.url} "Foto: Stadt Telgte")'
    assert image.history.count() == 1


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"alt_text": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"alt_text": "Karte [alt]"}, "Bitte ohne eckige Klammern [ ] schreiben."),
        (
            {"credit": 'Foto: "Presse"'},
            'Bitte ohne gerade Anführungszeichen " und eckige Klammern schreiben; „…“ geht.',
        ),
    ],
)
def test_alt_text_is_required_and_must_fit_into_markdown(editor_client, values, message):
    data = {"title": "Karte", "file": upload(), "alt_text": "Karte der Region", "credit": ""}
    response = editor_client.post(admin_url(Image, "add"), {**data, **values})
    assert message in form_errors(response)
    assert not Image.objects.exists()


def test_changelist_shows_thumbnails_and_searches_alt_texts(
    editor_client, django_assert_max_num_queries
):
    image = ImageFactory(alt_text="Fahrradparkhaus am Bahnhof")
    ImageFactory(alt_text="Rathaus")
    with django_assert_max_num_queries(12):
        response = editor_client.get(admin_url(Image, "changelist"), {"q": "fahrrad"})
    html = response.content.decode()
    assert f'<img class="image-thumbnail" src="{image.url}" alt="">' in html
    assert [obj.pk for obj in response.context["cl"].result_list] == [image.pk]


def test_change_form_shows_the_markdown_to_paste_without_javascript(editor_client):
    image = ImageFactory()
    html = editor_client.get(admin_url(Image, "change", image.pk)).content.decode()
    assert f"<code>![{image.alt_text}]({image.url} &quot;{image.credit}&quot;)</code>" in html


def test_picker_lists_the_library_as_json(editor_client, django_assert_num_queries):
    images = [ImageFactory(title="B"), ImageFactory(title="A", credit="")]
    editor_client.get(admin_url(Image, "picker"))  # warms the session
    with django_assert_num_queries(6):  # login (5) and one for all images
        response = editor_client.get(admin_url(Image, "picker"))
    assert response.json()["add_url"] == admin_url(Image, "add")
    assert response.json()["images"] == [
        {"title": image.title, "alt": image.alt_text, "credit": image.credit, "url": image.url,
         "markdown": image.markdown}
        for image in reversed(images)
    ]  # fmt: skip


def test_picker_is_for_staff_with_access_to_the_library(client, db, django_user_model):
    response = client.get(admin_url(Image, "picker"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    two_factor_login(
        client, django_user_model.objects.create_user("x", password="x", is_staff=True)
    )
    assert client.get(admin_url(Image, "picker")).status_code == 403


def test_the_picker_offers_an_upload_only_to_those_who_may(client, db, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("leser", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_image"))
    two_factor_login(client, viewer)
    response = client.get(admin_url(Image, "picker"))
    assert response.status_code == 200 and response.json()["add_url"] is None


def test_redaktion_manages_the_library(editor):
    assert {"editorial.add_image", "editorial.change_image", "editorial.delete_image"} <= (
        editor.get_all_permissions()
    )
    assert editor.groups.filter(name=EDITOR_GROUP_NAME).exists()


def test_library_images_are_served_to_visitors(client, db):
    image = ImageFactory()
    response = client.get(image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()


def test_deleted_library_images_are_gone(client, db):
    image = ImageFactory()
    url = image.url
    image.delete()
    assert client.get(url).status_code == 404


def test_an_image_shown_in_a_text_cannot_be_deleted(editor_client):
    image, unused = ImageFactory(), ImageFactory()
    article = NewsArticleFactory(is_published=False, text=f"Text\n\n{image.markdown}")
    PageFactory(body="Ohne Bild")
    url = admin_url(Image, "delete", image.pk)
    response = editor_client.get(url)
    assert f"Meldung „{article}“ zeigt das Bild „{image}“" in response.content.decode()
    editor_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()

    editor_client.post(
        admin_url(Image, "changelist"),
        {"action": "delete_selected", "_selected_action": [image.pk, unused.pk], "post": "yes"},
    )
    assert Image.objects.filter(pk=image.pk).exists()  # the whole selection is refused
    editor_client.post(admin_url(Image, "delete", unused.pk), {"post": "yes"})
    assert not Image.objects.filter(pk=unused.pk).exists()
