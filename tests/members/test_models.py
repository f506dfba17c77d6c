from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from members.models import ContactPerson, Municipality
from tests.factories import ContactPersonFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_municipality_str_and_url():
    municipality = MunicipalityFactory(name="Havixbeck", slug="havixbeck")

    assert str(municipality) == "Havixbeck"
    assert municipality.get_absolute_url() == "/kommunen/havixbeck/"


def test_municipalities_are_ordered_by_order_then_name():
    MunicipalityFactory(name="Telgte", order=2)
    MunicipalityFactory(name="Altenberge", order=2)
    MunicipalityFactory(name="Münster", order=1)

    assert [m.name for m in Municipality.objects.all()] == ["Münster", "Altenberge", "Telgte"]


def test_has_location():
    assert MunicipalityFactory().has_location
    assert not MunicipalityFactory(latitude=None, longitude=None).has_location


def test_half_a_location_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        MunicipalityFactory(latitude=Decimal("51.9"), longitude=None)


def test_half_a_location_is_a_german_validation_error():
    municipality = MunicipalityFactory.build(longitude=None)

    with pytest.raises(ValidationError) as error:
        municipality.full_clean()

    assert "Bitte Breiten- und Längengrad gemeinsam angeben." in error.value.messages


def test_coordinates_out_of_range_are_rejected():
    municipality = MunicipalityFactory.build(latitude=Decimal("91"))

    with pytest.raises(ValidationError) as error:
        municipality.full_clean()

    assert "latitude" in error.value.message_dict


def test_coat_of_arms_needs_alt_text():
    municipality = MunicipalityFactory.build(coat_of_arms="wappen/havixbeck.png")

    with pytest.raises(ValidationError) as error:
        municipality.clean()

    assert error.value.message_dict == {
        "coat_of_arms_alt": ["Bitte einen Alternativtext für das Bild angeben."]
    }
    municipality.coat_of_arms_alt = "Wappen der Gemeinde Havixbeck"
    municipality.clean()


def test_contact_person_str_names_the_organisation():
    contact = ContactPersonFactory(name="Erika Muster", municipality__name="Telgte")
    office = ContactPersonFactory(name="Max Beispiel", municipality=None)

    assert str(contact) == "Erika Muster (Telgte)"
    assert str(office) == "Max Beispiel (Geschäftsstelle)"
    assert office.organisation == "Geschäftsstelle"


def test_only_public_contacts_are_listed(django_assert_num_queries):
    municipality = MunicipalityFactory()
    public = ContactPersonFactory(municipality=municipality, is_public=True)
    ContactPersonFactory(municipality=municipality, is_public=False)
    MunicipalityFactory()

    assert list(ContactPerson.objects.public()) == [public]
    with django_assert_num_queries(2):
        contacts = {m.pk: m.public_contacts for m in Municipality.objects.with_public_contacts()}
    assert contacts[municipality.pk] == [public]


def test_contact_keeps_its_municipality_from_deletion():
    contact = ContactPersonFactory()

    with pytest.raises(IntegrityError):
        contact.municipality.delete()


@pytest.mark.django_db
def test_svg_coat_of_arms_is_refused():
    # SVG can carry scripts and cannot be checked by Pillow: raster formats only.
    from django.core.exceptions import ValidationError

    from tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory.build(
        coat_of_arms=SimpleUploadedFile("wappen.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        coat_of_arms_alt="Wappen",
    )
    with pytest.raises(ValidationError) as excinfo:
        municipality.full_clean()
    assert "coat_of_arms" in excinfo.value.message_dict
