import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from stadtregion.feedback import _SALT
from stadtregion.models import AccessibilityFeedback

URL = "/barrierefreiheit/feedback/"


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def started(seconds_ago: float = 30) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=_SALT)


def payload(**overrides):
    data = {
        "page_url": "/kommunen/havixbeck/",
        "message": "Die Karte lässt sich nicht mit der Tastatur bedienen.",
        "name": "",
        "email": "leser@example.org",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_form_page_renders_with_labels_and_remembers_the_page(client):
    response = client.get(URL, {"seite": "/projekte/velorouten/"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Barriere melden</h1>" in html
    assert 'value="/projekte/velorouten/"' in html
    assert '<label for="id_message">' in html
    assert 'aria-describedby="id_message_helptext"' in html


@pytest.mark.django_db
def test_valid_report_is_stored_and_staff_are_mailed(client, settings):
    settings.STAFF_NOTIFY_EMAILS = ["redaktion@example.org"]
    response = client.post(URL, payload())
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback_thanks")
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message.startswith("Die Karte")
    assert feedback.status == AccessibilityFeedback.Status.NEW
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert f"/admin/stadtregion/accessibilityfeedback/{feedback.pk}/change/" in mail.outbox[0].body


@pytest.mark.django_db
def test_report_is_kept_when_the_mail_server_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("stadtregion.feedback.send_mail", refuse)
    response = client.post(URL, payload())
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"message": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"message": "kurz"}, "mindestens 10 Zeichen"),
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"website": "http://spam.example"}, "konnte nicht gesendet werden"),
        ({"started": 0}, "Das ging sehr schnell"),
        ({"started": "manipuliert"}, "Das Formular ist abgelaufen"),
        ({"started": 3 * 60 * 60}, "Das Formular ist abgelaufen"),
    ],
)
def test_invalid_or_spammy_reports_get_a_german_error_and_are_not_stored(client, overrides, error):
    if isinstance(overrides.get("started"), int):
        # Signed when the test runs, not at collection: the age is what is being tested.
        overrides = {"started": started(seconds_ago=overrides["started"])}
    response = client.post(URL, payload(**overrides))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 0


@pytest.mark.django_db
def test_field_errors_are_tied_to_their_fields(client):
    html = client.post(URL, payload(message="")).content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_message_error"' in html
    assert "id_message_helptext id_message_error" in html


@pytest.mark.django_db
def test_rate_limit_answers_429_after_the_allowed_number(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    assert client.post(URL, payload()).status_code == 302
    assert client.post(URL, payload()).status_code == 302
    response = client.post(URL, payload())
    assert response.status_code == 429
    assert "mehrere Nachrichten" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 2


@pytest.mark.django_db
def test_rate_limit_is_per_visitor(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    assert client.post(URL, payload(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, payload(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(URL, payload(), REMOTE_ADDR="10.0.0.2").status_code == 302
