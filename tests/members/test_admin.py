import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import ContactPerson, Municipality
from tests.admin_helpers import (
    AdminCase,
    admin_url,
    check_changelist_queries_constant,
    check_pages,
    check_save_recorded,
    form_data,
    form_errors,
)
from tests.factories import ContactPersonFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def _municipalities():
    return (
        MunicipalityFactory(name="Havixbeck", district="Kreis Coesfeld"),
        MunicipalityFactory(name="Telgte", district="Kreis Warendorf"),
    )


def _contacts():
    return (
        ContactPersonFactory(
            name="Erika Muster", municipality=MunicipalityFactory(name="Havixbeck")
        ),
        ContactPersonFactory(
            name="Max Beispiel", municipality=MunicipalityFactory(name="Telgte"), is_public=False
        ),
    )


CASES = [
    AdminCase(
        _municipalities,
        search="Havix",
        filters={"district__exact": "Kreis Coesfeld"},
        change={"population": "12400"},
    ),
    AdminCase(
        _contacts,
        search="Havixbeck",
        filters={"is_public__exact": "1"},
        change={"phone": "02507 33-0"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_can_use_every_page(editor_client, case):
    check_pages(editor_client, case)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_saves_are_kept_in_history(editor_client, editor, case):
    check_save_recorded(editor_client, editor, case)


def test_editor_may_not_manage_accounts(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert editor_client.get("/admin/auth/user/add/").status_code == 403


def test_admin_index_lists_the_content_in_german(editor_client):
    response = editor_client.get("/admin/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Kommunen" in content
    assert "Ansprechpersonen" in content
    assert "Benutzer" not in content


def test_municipality_added_with_contact_inline(editor_client, editor):
    url = admin_url(Municipality, "add")
    data = form_data(editor_client.get(url))
    data.update(
        name="Ostbevern",
        slug="ostbevern",
        district="Kreis Warendorf",
        ags="05570032",
        population="11116",
        population_year="2020",
        area_km2="89.65",
        website="https://www.ostbevern.de/",
        latitude="52.03900",
        longitude="7.84600",
        order="9",
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": "Erika Muster",
            "contacts-0-role": "Ansprechperson Stadtregion",
            "contacts-0-order": "0",
        },
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    municipality = Municipality.objects.get(slug="ostbevern")
    assert municipality.contacts.get().name == "Erika Muster"
    assert municipality.history.get().history_user == editor
    assert ContactPerson.history.get().history_user == editor


def test_view_on_site_leads_to_the_public_page(editor_client):
    municipality = MunicipalityFactory(slug="telgte")
    content_type = ContentType.objects.get_for_model(Municipality)
    link = reverse("admin:view_on_site", args=[content_type.pk, municipality.pk])

    page = editor_client.get(admin_url(Municipality, "change", municipality.pk))
    response = editor_client.get(link)

    assert f'href="{link}"' in page.content.decode()
    assert response.status_code == 302
    assert response["Location"].endswith("/kommunen/telgte/")


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("wappen.png", buffer.getvalue(), content_type="image/png")


def _post_coat_of_arms(client, municipality, alt: str):
    url = admin_url(Municipality, "change", municipality.pk)
    data = form_data(client.get(url))
    data.update(coat_of_arms=_png(), coat_of_arms_alt=alt)
    return client.post(url, data)


def test_image_without_alt_text_is_rejected(editor_client):
    municipality = MunicipalityFactory()

    response = _post_coat_of_arms(editor_client, municipality, alt="  ")

    assert response.status_code == 200
    assert "Bitte einen Alternativtext für das Bild angeben." in form_errors(response)
    municipality.refresh_from_db()
    assert not municipality.coat_of_arms


def test_image_with_alt_text_is_saved(editor_client):
    municipality = MunicipalityFactory()

    response = _post_coat_of_arms(editor_client, municipality, alt="Wappen der Gemeinde")

    assert response.status_code == 302, form_errors(response)
    municipality.refresh_from_db()
    assert municipality.coat_of_arms.name.startswith("wappen/")
    assert municipality.coat_of_arms_alt == "Wappen der Gemeinde"


def test_image_that_is_no_image_is_rejected(editor_client):
    municipality = MunicipalityFactory()
    url = admin_url(Municipality, "change", municipality.pk)
    data = form_data(editor_client.get(url))
    data.update(
        coat_of_arms=SimpleUploadedFile("wappen.png", b"kein Bild", content_type="image/png"),
        coat_of_arms_alt="Wappen",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any("ist kein Bild" in message for message in form_errors(response))


def test_oversized_image_is_rejected(editor_client, settings):
    settings.IMAGE_MAX_UPLOAD_MB = 0

    response = _post_coat_of_arms(editor_client, MunicipalityFactory(), alt="Wappen")

    assert response.status_code == 200
    assert any("erlaubt sind höchstens" in message for message in form_errors(response))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "über uns"}, "Bitte ein gültiges Kürzel"),
        ({"latitude": "51.9", "longitude": ""}, "Bitte Breiten- und Längengrad gemeinsam angeben."),
        ({"latitude": "91"}, "kleiner oder gleich 90"),
    ],
)
def test_invalid_values_get_german_errors(editor_client, changes, message):
    municipality = MunicipalityFactory()
    url = admin_url(Municipality, "change", municipality.pk)
    data = form_data(editor_client.get(url))
    data.update(changes)

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)


def test_contact_person_admin_links_public_contacts_to_their_municipality(editor_client):
    public = ContactPersonFactory(is_public=True)
    hidden = ContactPersonFactory(is_public=False)

    public_page = editor_client.get(admin_url(ContactPerson, "change", public.pk))
    hidden_page = editor_client.get(admin_url(ContactPerson, "change", hidden.pk))

    assert 'class="viewsitelink"' in public_page.content.decode()
    assert 'class="viewsitelink"' not in hidden_page.content.decode()


@pytest.mark.parametrize(
    ("model", "make"),
    [(ContactPerson, ContactPersonFactory), (Municipality, MunicipalityFactory)],
    ids=["ContactPerson", "Municipality"],
)
def test_changelists_need_no_query_per_row(editor_client, model, make):
    check_changelist_queries_constant(editor_client, model, make)


def test_the_list_writes_population_with_a_thousands_separator(editor_client):
    from members.models import Municipality
    from tests.admin_helpers import admin_url
    from tests.factories import MunicipalityFactory

    MunicipalityFactory(name="Ascheberg", population=16012)

    html = editor_client.get(admin_url(Municipality, "changelist")).content.decode()

    assert "16.012" in html
    assert "16012" not in html
