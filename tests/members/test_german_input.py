"""Numbers typed the German way in the admin: "12.512" inhabitants (issue 10, bug 5)."""

import pytest

from core.forms import GermanIntegerField
from tests.admin_helpers import admin_url, form_errors, post_change
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12.512", 12512), ("12512", 12512), ("12.000", 12000), ("1.234.567", 1234567)],
)
def test_population_typed_with_thousands_separator(editor_client, typed, stored):
    municipality = MunicipalityFactory(population=1)

    response = post_change(editor_client, municipality, population=typed)

    assert response.status_code == 302, form_errors(response)
    municipality.refresh_from_db()
    assert municipality.population == stored


def test_population_with_a_decimal_dot_is_a_german_error(editor_client):
    municipality = MunicipalityFactory(population=1)

    response = post_change(editor_client, municipality, population="12.5")

    assert response.status_code == 200
    assert form_errors(response) == ["Bitte eine ganze Zahl eingeben."]
    municipality.refresh_from_db()
    assert municipality.population == 1


def test_population_input_accepts_the_dot_in_the_browser(editor_client):
    """A number input would refuse "12.512" before the form is sent."""
    municipality = MunicipalityFactory()

    response = editor_client.get(admin_url(type(municipality), "change", municipality.pk))

    widget = response.context["adminform"].form.fields["population"].widget
    assert widget.input_type == "text"
    assert widget.attrs["inputmode"] == "numeric"


@pytest.mark.parametrize("typed", ["12 512", "12\u202f512", " 12.512 "])
def test_german_integer_field_reads_spaces_as_grouping(typed):
    assert GermanIntegerField().clean(typed) == 12512
