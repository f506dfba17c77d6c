"""What every answer promises: JSON in UTF-8 without BOM, CORS for every origin, read-only,
and no private contact data anywhere."""

import pytest
from django.test import Client

from .conftest import BODY, LISTS, ROOT, get_json, list_url
from .test_schema import crawl


def test_every_answer_is_open_json_without_private_contact_data(client, council):
    answers = crawl(client)  # get_json checks content type, CORS header and BOM on each
    text = str(answers)
    for private in (council.contact.email, council.contact.phone, council.contact.name):
        assert private not in text
    assert council.member.function not in text  # only name, role, municipality and period
    assert "Erika Muster" in text


def test_person_and_membership_publish_name_role_municipality_and_period(client, council):
    [person] = get_json(client, list_url("person"))["data"]
    assert set(person) == {"id", "type", "created", "modified", "body", "name", "membership"}
    [membership] = person["membership"]
    assert membership["role"] == "Mitglied"
    assert membership["startDate"] == "2020-01-01" and "endDate" not in membership
    assert membership["stadtregion:municipalityName"] == "Havixbeck"
    assert membership["stadtregion:municipalityWeb"] == "http://testserver/kommunen/havixbeck/"
    assert "email" not in person and "phone" not in person


def test_text_is_utf8_not_escaped(client, council):
    response = client.get(list_url("organization"))
    assert "Mobilität".encode() in response.content


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_read_only(db, method):
    # As a real client meets it: with CSRF checks, which must not answer their HTML page.
    response = getattr(Client(enforce_csrf_checks=True), method)(ROOT)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["type"] == "https://schema.oparl.org/1.1/Error"


def test_unknown_paths_below_the_endpoint_answer_json(client, db):
    for path in (f"{ROOT}gibt/es/nicht", f"{ROOT}body/stadtregion/meeting/1/2/3/"):
        assert get_json(client, path, status=404)["type"].endswith("/Error")


def test_system_is_the_entry_point(client, db):
    system = get_json(client, ROOT)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    body_list = get_json(client, system["body"].removeprefix("http://testserver"))
    assert body_list["data"][0]["id"] == f"http://testserver{BODY}"
    assert {body_list["data"][0][name] for name in ("meeting", "paper", "person")} <= {
        f"http://testserver{list_url(kind)}" for kind in LISTS
    }


def test_download_only_of_published_documents(client, council):
    council.paper.is_published = False
    council.paper.save()
    assert client.get(f"{ROOT}file/{council.paper.pk}/download/").status_code == 404
    response = client.get(f"{ROOT}file/{council.invitation.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{council.invitation.slug}.pdf"'
    )


@pytest.mark.parametrize("key", ["99999999999999999999999", "007", "x"])
def test_download_of_unknown_or_non_canonical_keys_is_404(client, council, key):
    assert get_json(client, f"{ROOT}file/{key}/download/", status=404)["type"].endswith("/Error")
