import logging
import re
import time

import pytest
from django.core import mail, signing
from django.core.cache import caches
from django.urls import reverse

from accessibility.feedback import _SALT
from accessibility.models import AccessibilityFeedback

URL = "/barrierefreiheit/feedback/"


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
    settings.SITE_URL = "https://www.stadtregion-muenster.de"
    # The visitor chooses the Host header's port; the mail's link must not follow it.
    response = client.post(URL, payload(), HTTP_HOST="testserver:8443")
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback_thanks")
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message.startswith("Die Karte")
    assert feedback.status == AccessibilityFeedback.Status.NEW
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert (
        "Bearbeiten: https://www.stadtregion-muenster.de"
        f"/admin/accessibility/accessibilityfeedback/{feedback.pk}/change/" in mail.outbox[0].body
    )
    assert "testserver" not in mail.outbox[0].body


@pytest.mark.django_db
def test_report_is_kept_when_the_mail_server_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("accessibility.feedback.send_mail", refuse)
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


@pytest.mark.django_db
def test_visitors_behind_a_trusted_proxy_are_counted_apart(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert (
        client.post(URL, payload(), **proxy, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    )
    assert (
        client.post(URL, payload(), **proxy, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    )
    # The proxy appends the real peer: whatever the client put left of it changes nothing.
    forged = "6.6.6.6, 198.51.100.1"
    assert client.post(URL, payload(), **proxy, HTTP_X_FORWARDED_FOR=forged).status_code == 429


@pytest.mark.django_db
def test_forwarded_for_from_an_untrusted_peer_does_not_evade_the_limit(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    peer = {"REMOTE_ADDR": "203.0.113.7"}
    assert client.post(URL, payload(), **peer, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 302
    assert client.post(URL, payload(), **peer, HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429


@pytest.mark.django_db
def test_a_form_can_be_sent_only_once(client, settings):
    settings.STAFF_NOTIFY_EMAILS = ["redaktion@example.org"]
    data = payload()
    assert client.post(URL, data).status_code == 302
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Das Formular ist abgelaufen" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_form_with_errors_comes_back_with_a_fresh_token(client):
    data = payload(message="kurz")
    html = client.post(URL, data).content.decode()
    assert data["started"] not in html  # so "send it again" works after an expired token
    assert 'name="started"' in html
    assert (
        client.post(URL, {**data, "message": "Die Karte ist nicht bedienbar."}).status_code == 302
    )


@pytest.mark.django_db
def test_staff_mails_are_capped_per_hour_but_every_report_is_stored(client, settings, caplog):
    settings.FEEDBACK_MAIL_LIMIT = 2
    for visitor in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        with caplog.at_level(logging.WARNING, logger="accessibility.feedback"):
            assert client.post(URL, payload(), REMOTE_ADDR=visitor).status_code == 302
    assert AccessibilityFeedback.objects.count() == 3
    assert len(mail.outbox) == 2
    assert "letzte Benachrichtigung in dieser Stunde" in mail.outbox[1].body
    assert "without a staff mail" in caplog.text


@pytest.mark.django_db
def test_message_length_is_limited_on_the_server(client):
    assert 'maxlength="5000"' in client.get(URL).content.decode()
    response = client.post(URL, payload(message="x" * 5001))
    assert response.status_code == 200
    assert "höchstens 5.000 Zeichen" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 0
    assert client.post(URL, payload(message="x" * 5000)).status_code == 302


@pytest.mark.django_db
def test_limits_and_used_tokens_hold_whatever_happens_to_the_cache(client, settings):
    """They are rows in the database every worker shares, not cache entries: a cache that is
    flushed, evicts under a flood of pages, or is down changes nothing."""
    settings.FEEDBACK_RATE_LIMIT = 1
    used = payload()
    assert client.post(URL, used).status_code == 302
    caches["default"].clear()
    assert "Das Formular ist abgelaufen" in client.post(URL, used).content.decode()
    caches["default"].clear()
    assert client.post(URL, payload()).status_code == 429
    assert AccessibilityFeedback.objects.count() == 1


@pytest.mark.django_db
def test_personal_fields_name_their_purpose(client):
    html = client.get(URL).content.decode()
    assert re.search(r'<input[^>]*name="name"[^>]*autocomplete="name"', html)
    assert re.search(r'<input[^>]*name="email"[^>]*autocomplete="email"', html)


@pytest.mark.django_db
def test_failed_send_says_so_in_the_title_and_links_each_error_to_its_field(client):
    html = client.post(URL, payload(message="kurz", email="kein-mail")).content.decode()
    assert "<title>Fehler: Barriere melden" in html
    summary = html.split('id="form-errors"')[1].split("</div>")[0]
    assert "autofocus" in summary
    assert '<a href="#id_message">' in summary
    assert '<a href="#id_email">' in summary
    assert 'id="id_message"' in html and 'id="id_email"' in html


@pytest.mark.django_db
def test_a_good_form_keeps_the_plain_title(client):
    assert "<title>Barriere melden" in client.get(URL).content.decode()


@pytest.mark.django_db
def test_every_footer_links_the_form_with_the_current_page(client):
    html = client.get("/projekte/", {"status": "laufend"}).content.decode()
    assert '/barrierefreiheit/feedback/?seite=/projekte/" rel="nofollow">Barriere melden' in html
    html = client.get("/kommunen/").content.decode()
    assert '/barrierefreiheit/feedback/?seite=/kommunen/" rel="nofollow">Barriere melden' in html
    # The form's own footer link does not send the form to itself.
    html = client.get(URL, {"seite": "/kommunen/"}).content.decode()
    assert f'<a href="{URL}" rel="nofollow">Barriere melden' in html
