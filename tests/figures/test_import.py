from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from figures import importing
from figures.models import Value

from .conftest import fill, make_indicator

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent.parent / "data" / "genesis_12411-01i_flat.csv"
IMPORT = reverse("admin:figures_value_import")
CONFIRM = reverse("admin:figures_value_confirm")


def upload(client, content: bytes, fmt: str, name="daten.csv"):
    return client.post(IMPORT, {"format": fmt, "file": SimpleUploadedFile(name, content)})


def test_genesis_flat_csv_finds_the_towns_by_their_key_and_skips_the_rest(indicator, towns):
    parsed = importing.parse_genesis(SAMPLE.read_text(encoding="utf-8"))
    by_town = {town_id: value for (_, town_id, _), (value, _) in parsed.values.items()}
    muenster, ascheberg, havixbeck, _greven = towns
    assert by_town == {
        muenster.pk: Decimal(320946),
        ascheberg.pk: Decimal(16012),
        havixbeck.pk: Decimal(12357),
    }
    assert {year for (_, _, year) in parsed.values} == {2023}
    assert parsed.skipped == {"andere Gebiete": 1, "ohne Wert (Zeichen . x / …)": 1}
    assert parsed.errors == []


def test_genesis_rows_of_a_further_dimension_go_to_the_indicator_of_that_attribute(towns):
    make_indicator()
    old = make_indicator(name="ab 65", slug="ab-65", genesis_attributes="ALT065UM")
    text = (
        "statistics_code;time_code;time;1_variable_code;1_variable_attribute_code;"
        "2_variable_code;2_variable_attribute_code;value;value_unit;value_variable_code\n"
        "12411;STAG;2023-12-31;GEMEIN;05558020;ALTX20;ALT065UM;2.890;Anzahl;BEVSTD\n"
        "12411;STAG;2023-12-31;GEMEIN;05558020;ALTX20;ALT018B65;7.000;Anzahl;BEVSTD\n"
        "12411;STAG;2023-12-31;GEMEIN;05558020;ALTX20;;12357;Anzahl;BEVSTD\n"
    )
    parsed = importing.parse_genesis(text)
    assert len(parsed.values) == 2
    assert parsed.values[(old.pk, towns[2].pk, 2023)][0] == Decimal(2890)
    assert parsed.skipped == {"Merkmale ohne Indikator": 1}


def test_preview_shows_what_changes_and_confirming_stores_it_with_history(
    admin_client, indicator, towns
):
    fill(indicator, towns[:1], [2023], value=lambda i, year: 320000)  # Münster: changes
    response = upload(admin_client, SAMPLE.read_bytes(), "genesis")
    assert response.status_code == 200
    plan = response.context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (2, 1, 0)
    assert "2 neue Werte" in response.content.decode()
    assert Value.objects.count() == 1  # nothing stored before the confirmation

    response = admin_client.post(CONFIRM, {"token": response.context["token"]})
    assert response.status_code == 302
    assert Value.objects.count() == 3
    muenster = Value.objects.get(municipality=towns[0])
    assert muenster.value == Decimal(320946)
    record = muenster.history.first()
    assert record.history_type == "~" and record.history_change_reason.startswith("Import")
    assert record.history_user is not None


def test_the_template_with_german_numbers_and_a_note_on_demo_values(admin_client, towns):
    make_indicator(is_demo=True)
    content = b"indikator;kommune;jahr;wert\nbevoelkerung;havixbeck;2022;12.312,5\n"
    response = upload(admin_client, content, "template")
    [change] = response.context["plan"].new
    assert (change.town, change.year, change.new) == ("Havixbeck", 2022, Decimal("12312.5"))
    html = response.content.decode()
    assert "<td>12.312,5</td>" in html
    assert "Als Beispielwerte gekennzeichnet: Bevölkerung." in html


def test_a_malformed_file_is_refused_in_german_and_nothing_is_stored(
    admin_client, indicator, towns
):
    content = (
        b"indikator;kommune;jahr;wert\n"
        b"bevoelkerung;havixbeck;2023;12357\n"
        b"bevoelkerung;Atlantis;2023;1\n"
        b"bevoelkerug;greven;zweitausend;viele\n"
    )
    response = upload(admin_client, content, "template")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Die Datei wurde nicht übernommen: 2 Zeilen sind fehlerhaft" in html
    assert "Zeile 3: „Atlantis“ ist keine Kommune der Stadtregion." in html
    assert (
        "Zeile 4: den Indikator „bevoelkerug“ gibt es nicht; „zweitausend“ ist kein Jahr; "
        "„viele“ ist keine Zahl." in html
    )
    assert "token" not in response.context or not response.context.get("token")
    assert Value.objects.count() == 0
    assert admin_client.post(CONFIRM, {"token": "x"}).status_code == 302
    assert Value.objects.count() == 0


def test_a_file_that_is_no_genesis_export_gets_a_clear_message(admin_client, indicator, towns):
    response = upload(admin_client, b"a;b;c\n1;2;3\n", "genesis")
    assert "keine GENESIS-Datei im Format „Flatfile CSV“" in response.content.decode()
    assert Value.objects.count() == 0


def test_binary_garbage_is_no_500(admin_client, indicator, towns):
    response = upload(admin_client, bytes(range(256)) * 10, "template")
    assert response.status_code == 200
    assert Value.objects.count() == 0


def test_editors_of_the_redaktion_may_import(editor_client, indicator, towns):
    assert editor_client.get(IMPORT).status_code == 200


def test_the_older_genesis_flat_layout_is_read_too(indicator, towns):
    text = (
        "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;"
        "1_Auspraegung_Code;1_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl;"
        "BEVSTD__Bevoelkerungsstand__q\n"
        "12411;Bevölkerung;STAG;Stichtag;31.12.2022;GEMEIN;Gemeinden;05558020;Havixbeck;12312;e\n"
    )
    parsed = importing.parse_genesis(text)
    assert parsed.errors == []
    assert parsed.values == {(indicator.pk, towns[2].pk, 2022): (Decimal(12312), 2)}


def test_the_admin_lists_and_forms_render_in_german(admin_client, indicator, towns):
    fill(indicator, towns, [2023])
    value = Value.objects.first()
    for url in [
        reverse("admin:figures_indicator_changelist"),
        reverse("admin:figures_indicator_change", args=[indicator.pk]),
        reverse("admin:figures_indicator_add"),
        reverse("admin:figures_value_changelist"),
        reverse("admin:figures_value_change", args=[value.pk]),
        reverse("admin:figures_value_history", args=[value.pk]),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert (
        "Werte importieren"
        in admin_client.get(reverse("admin:figures_value_changelist")).content.decode()
    )
