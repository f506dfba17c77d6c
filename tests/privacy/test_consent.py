"""Privacy settings: the registry, the consent cookie, the endpoint, and the CSP per consent."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import signing
from django.test import override_settings

from privacy import consent
from privacy.consent import (
    CONSENT_COOKIE,
    NO_CONSENT,
    encode_consent,
    human_duration,
    parse_consent,
    tile_source,
)
from tests.admin_helpers import two_factor_login
from tests.factories import MunicipalityFactory, PageFactory, ProjectFactory
from tests.tiles import leaflet_config

TODAY = datetime.date(2026, 11, 25)
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}
TILE_HOST = "https://tile.openstreetmap.org"
VIDEO_HOST = "https://www.youtube-nocookie.com"
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def consent_cookie(*allowed: str, date: datetime.date | None = None) -> str:
    return encode_consent(set(allowed), date or datetime.date.today())


def sign(value: str) -> str:
    return signing.Signer(salt="privacy.consent", sep="~").sign(value)


# --- Registry ---------------------------------------------------------------------------------


def test_registry_names_every_cookie_the_site_sets():
    names = [c.name for c in consent.site_cookies()]
    assert len(names) == len(set(names))
    assert {
        CONSENT_COOKIE,
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        "messages",
    } <= set(names)
    assert all(c.category == consent.Category.NECESSARY for c in consent.site_cookies())


@override_settings(SESSION_COOKIE_NAME="portal_session", CSRF_COOKIE_NAME="portal_csrf")
def test_registry_follows_renamed_cookies():
    names = {c.name for c in consent.site_cookies()}
    assert {"portal_session", "portal_csrf"} <= names
    assert "sessionid" not in names


def test_every_service_is_described_and_names_its_hosts():
    services = consent.services()
    assert [s.key for s in services] == ["osm", "youtube"]
    for service in services:
        assert service.name and service.purpose and service.provider and service.transmits
        assert service.privacy_url.startswith("https://")
        assert service.csp and all(v for v in service.csp.values())
        assert service.category == consent.Category.EXTERNAL
    assert consent.get_service("youtube").csp == {"frame-src": (VIDEO_HOST,)}
    assert consent.get_service("nope") is None


@override_settings(
    LEAFLET_CONFIG=leaflet_config("https://{s}.tiles.kommune.example/{z}/{x}/{y}.png"),
    MAP_TILE_PROVIDER="Stadt Telgte, Baßfeld 4–6, 48291 Telgte",
)
def test_own_tile_server_changes_provider_and_policy():
    osm = consent.get_service("osm")
    assert osm.csp == {"img-src": ("https://*.tiles.kommune.example",)}
    assert "Stadt Telgte" in osm.provider and "Stadt Telgte" in osm.transmits


def test_tile_source():
    assert tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == TILE_HOST
    assert tile_source("http://localhost:8080/t/{z}/{x}/{y}.png") == "http://localhost:8080"
    with pytest.raises(ValueError):
        tile_source("/tiles/{z}/{x}/{y}.png")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "bis zum Schließen des Browsers"),
        (365 * 86400, "1 Jahr"),
        (2 * 365 * 86400, "2 Jahre"),
        (1209600, "2 Wochen"),
        (31449600, "52 Wochen"),
        (86400, "1 Tag"),
        (3 * 86400, "3 Tage"),
        (3600, "1 Stunde"),
        (5400, "2 Stunden"),
    ],
)
def test_human_duration(seconds, text):
    assert human_duration(seconds) == text


def test_consent_cookie_lifetime_is_listed():
    entry = next(c for c in consent.site_cookies() if c.name == CONSENT_COOKIE)
    assert entry.lifetime == "1 Jahr"


# --- Cookie parsing ---------------------------------------------------------------------------


def test_round_trip():
    parsed = parse_consent(encode_consent({"osm"}, TODAY), today=TODAY)
    assert parsed.decided and parsed.allowed == {"osm"} and parsed.date == TODAY
    assert parsed.allows("osm") and not parsed.allows("youtube")


def test_value_holds_only_version_date_and_choice():
    value = encode_consent({"youtube"}, TODAY)
    assert value.startswith("v1|2026-11-25|osm:nein|youtube:ja~")


def test_refusal_is_a_decision():
    parsed = parse_consent(encode_consent(set(), TODAY), today=TODAY)
    assert parsed.decided and parsed.allowed == frozenset()


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "garbage",
        "v1|2026-11-25|osm:ja|youtube:ja",  # unsigned
        "~~~",
        "v1|2026-11-25|osm:ja|youtube:ja~" + "A" * 27,  # forged signature
    ],
)
def test_malformed_values_are_no_consent(raw):
    assert parse_consent(raw, today=TODAY) == NO_CONSENT


def test_tampered_value_is_no_consent():
    value = encode_consent(set(), TODAY)
    tampered = value.replace("osm:nein", "osm:ja")
    assert tampered != value
    assert parse_consent(tampered, today=TODAY) == NO_CONSENT


@pytest.mark.parametrize(
    "payload",
    [
        "v0|2026-11-25|osm:ja|youtube:ja",  # an older version of the settings
        "v2|2026-11-25|osm:ja|youtube:ja",
        "v1|2026-11-25|osm:ja",  # a service was added since
        "v1|2026-11-25|osm:ja|youtube:ja|vimeo:ja",  # a service was removed since
        "v1|2026-11-25|osm:ja|osm:nein|youtube:ja",
        "v1|2026-11-25|osm:vielleicht|youtube:ja",
        "v1|2026-13-45|osm:ja|youtube:ja",
        "v1|2026-11-30|osm:ja|youtube:ja",  # in the future
        "v1|2025-11-01|osm:ja|youtube:ja",  # older than the cookie may live
        "v1|2026-11-25|",
        "v1",
    ],
)
def test_signed_but_invalid_choices_are_no_consent(payload):
    assert parse_consent(sign(payload), today=TODAY) == NO_CONSENT


def test_signed_current_choice_is_consent():
    parsed = parse_consent(sign("v1|2026-11-24|osm:ja|youtube:nein"), today=TODAY)
    assert parsed.decided and parsed.allowed == {"osm"}


# --- Same-origin check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "https://evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_REFERER": "http://testserver/kommunen/"}, True),
        ({"HTTP_REFERER": "http://testserver.evil.example/"}, False),
        ({}, False),
    ],
)
def test_is_same_origin(rf, headers, expected):
    assert consent.is_same_origin(rf.post("/", **headers)) is expected


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("/kommunen/telgte/", "/kommunen/telgte/"),
        ("/projekte/?seite=2", "/projekte/?seite=2"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_safe_next(rf, candidate, expected):
    assert consent.safe_next(rf.get("/"), candidate) == expected


# --- The endpoint -----------------------------------------------------------------------------


def post_choice(client, data, **headers):
    return client.post("/datenschutz-einstellungen/", data, **{**SAME_ORIGIN, **headers})


def stored(response):
    return parse_consent(response.cookies[CONSENT_COOKIE].value)


def test_accept_all_without_javascript_returns_to_the_page(client):
    response = post_choice(client, {"choice": "all", "next": "/kommunen/"})
    assert response.status_code == 303
    assert response["Location"] == "/kommunen/"
    assert stored(response).allowed == {"osm", "youtube"}
    morsel = response.cookies[CONSENT_COOKIE]
    assert morsel["max-age"] == 365 * 24 * 3600
    assert morsel["samesite"] == "Lax"
    assert morsel["httponly"]
    assert morsel["path"] == "/"


def test_only_necessary(client):
    response = post_choice(client, {"choice": "necessary", "next": "/"})
    assert stored(response).decided and stored(response).allowed == frozenset()


def test_custom_choice(client):
    response = post_choice(client, {"choice": "custom", "services": ["youtube"]})
    assert stored(response).allowed == {"youtube"}


def test_allow_one_service_keeps_the_others(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie("youtube")
    response = post_choice(client, {"choice": "allow", "service": "osm"})
    assert stored(response).allowed == {"osm", "youtube"}


def test_with_javascript_answers_json(client):
    response = post_choice(client, {"choice": "all"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["allowed"] == ["osm", "youtube"] and data["decided"] is True
    assert "gespeichert" in data["message"]
    assert stored(response).allowed == {"osm", "youtube"}


def test_confirmation_message_after_redirect(client):
    response = post_choice(client, {"choice": "necessary", "next": "/datenschutz-einstellungen/"})
    page = client.get(response["Location"])
    assert "nur notwendige Cookies" in page.content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_foreign_next_falls_back_to_home(client, target):
    response = post_choice(client, {"choice": "all", "next": target})
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": None, "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": None},
    ],
)
def test_cross_site_posts_are_refused(client, headers):
    headers = {k: v for k, v in headers.items() if v is not None}
    response = client.post("/datenschutz-einstellungen/", {"choice": "all"}, **headers)
    assert response.status_code == 403
    assert "nicht von den Seiten der Stadtregion" in response.content.decode()
    assert CONSENT_COOKIE not in response.cookies


@pytest.mark.parametrize(
    "data",
    [{}, {"choice": "alles"}, {"choice": "allow"}, {"choice": "custom", "services": ["vimeo"]}],
)
def test_invalid_choice_is_a_german_400(client, data):
    response = post_choice(client, data)
    assert response.status_code == 400
    assert "konnte nicht gespeichert werden" in response.content.decode()
    assert CONSENT_COOKIE not in response.cookies
    assert post_choice(client, data, HTTP_ACCEPT="application/json").status_code == 400


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"HTTP_REFERER": "http://testserver/karte/?ansicht=1"}, "/karte/?ansicht=1"),
        ({"HTTP_REFERER": "https://evil.example/karte/"}, ""),
        ({"HTTP_REFERER": "http://testserver/datenschutz-einstellungen/"}, ""),
        ({}, ""),
    ],
)
def test_settings_page_returns_to_the_page_the_visitor_came_from(client, headers, expected):
    html = client.get("/datenschutz-einstellungen/", **headers).content.decode()
    # Without a page to return to, the form comes back to the settings page itself.
    assert f'name="next" value="{expected or "/datenschutz-einstellungen/"}"' in html


def test_settings_page_shows_form_and_current_choice(client):
    response = client.get("/datenschutz-einstellungen/?next=/karte/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "noch keine Auswahl" in html
    assert 'name="next" value="/karte/"' in html
    # The page itself is the form: the banner is not shown on top of it.
    assert re.search(r'<section id="consent-banner"[^>]*hidden', html)
    client.cookies[CONSENT_COOKIE] = consent_cookie("osm")
    html = client.get("/datenschutz-einstellungen/").content.decode()
    assert "OpenStreetMap: erlaubt" in html and "YouTube: nicht erlaubt" in html


# --- Pages: banner, cookies, Vary ----------------------------------------------------------------


def test_first_visit_shows_banner_and_sets_no_cookie(client):
    response = client.get("/")
    html = response.content.decode()
    assert not response.cookies
    assert re.search(r'<section id="consent-banner"[^>]*data-consent-banner>', html)
    for label in ("Alle akzeptieren", "Nur notwendige", "Einstellungen", "Datenschutzerklärung"):
        assert label in html
    assert "Privatsphäre-Einstellung</a>" in html  # the footer link
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize(
    "cookie",
    [
        lambda: "garbage",
        lambda: sign("v0|" + datetime.date.today().isoformat() + "|osm:ja|youtube:ja"),
        lambda: consent_cookie("osm").replace("osm:ja", "osm:nein"),
    ],
)
def test_invalid_cookie_shows_banner_again(client, cookie):
    client.cookies[CONSENT_COOKIE] = cookie()
    html = client.get("/").content.decode()
    assert re.search(r'<section id="consent-banner"[^>]*data-consent-banner>', html)


def test_decided_visitor_gets_hidden_banner_with_current_choice(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie("youtube")
    html = client.get("/").content.decode()
    assert re.search(r'<section id="consent-banner"[^>]*hidden>', html)
    assert re.search(r'value="youtube"[^>]*checked', html)
    assert not re.search(r'value="osm"[^>]*checked', html)


def test_datenschutz_page_lists_every_cookie(client):
    PageFactory(slug="datenschutz", title="Datenschutzerklärung")
    html = client.get("/datenschutz/").content.decode()
    for cookie in consent.all_cookies():
        assert f"<code>{cookie.name}</code>" in html
    for service in consent.services():
        assert f'id="dienst-{service.key}"' in html and service.provider in html


def test_other_pages_have_no_cookie_table(client):
    PageFactory(slug="impressum", title="Impressum")
    assert "cookie-table" not in client.get("/impressum/").content.decode()


# --- CSP per consent state --------------------------------------------------------------------


def test_policy_without_consent_names_no_foreign_host(client):
    policy = csp(client.get("/"))
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-src"] == ["'self'"]
    assert "unsafe-inline" not in str(policy)
    assert all(TILE_HOST not in s and VIDEO_HOST not in s for s in policy.values())


def test_policy_after_refusal_names_no_foreign_host(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie()
    policy = csp(client.get("/"))
    assert TILE_HOST not in policy["img-src"] and VIDEO_HOST not in policy["frame-src"]


def test_policy_follows_each_consent(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie("osm")
    policy = csp(client.get("/"))
    assert TILE_HOST in policy["img-src"] and VIDEO_HOST not in policy["frame-src"]
    client.cookies[CONSENT_COOKIE] = consent_cookie("youtube")
    policy = csp(client.get("/"))
    assert TILE_HOST not in policy["img-src"]
    assert policy["frame-src"] == ["'self'", VIDEO_HOST]


def test_tampered_consent_gets_the_strict_policy(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie().replace("osm:nein", "osm:ja")
    assert TILE_HOST not in csp(client.get("/"))["img-src"]


def test_admin_map_picker_may_load_tiles_for_staff_only(client, django_user_model):
    assert TILE_HOST not in csp(client.get("/admin/login/"))["img-src"]
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    two_factor_login(client, staff)
    assert TILE_HOST in csp(client.get("/admin/"))["img-src"]
    # Outside the admin, staff are visitors like everyone else.
    assert TILE_HOST not in csp(client.get("/"))["img-src"]


# --- The frames for external media -------------------------------------------------------------


def test_map_frame_needs_consent(client):
    response = client.get("/einbettung/karte/")
    assert response.status_code == 403
    assert "erst nach Ihrer Einwilligung" in response.content.decode()
    assert TILE_HOST not in csp(response)["img-src"]


def test_map_frame_with_stored_consent(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie("osm")
    response = client.get("/einbettung/karte/")
    assert response.status_code == 200
    policy = csp(response)
    assert TILE_HOST in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "noindex" in response["X-Robots-Tag"]


def test_one_time_map_consent_is_not_stored(client):
    response = client.post("/einbettung/karte/", {"einmalig": "osm"}, **SAME_ORIGIN)
    assert response.status_code == 200
    assert TILE_HOST in csp(response)["img-src"]
    assert not response.cookies
    # The next response is strict again.
    assert client.get("/einbettung/karte/").status_code == 403
    assert TILE_HOST not in csp(client.get("/"))["img-src"]


def test_one_time_consent_from_another_site_is_refused(client):
    response = client.post(
        "/einbettung/karte/", {"einmalig": "osm"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert TILE_HOST not in csp(response)["img-src"]


def test_video_frame_only_for_published_videos(client):
    client.cookies[CONSENT_COOKIE] = consent_cookie("youtube")
    assert client.get("/einbettung/video/dQw4w9WgXcQ/").status_code == 404
    ProjectFactory(video_url=VIDEO_URL, is_published=False)
    assert client.get("/einbettung/video/dQw4w9WgXcQ/").status_code == 404
    ProjectFactory(title="Velorouten", video_url=VIDEO_URL)
    response = client.get("/einbettung/video/dQw4w9WgXcQ/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert csp(response)["frame-src"] == ["'self'", VIDEO_HOST]


def test_video_frame_from_a_page(client):
    PageFactory(slug="gebaerdensprache", video_url="https://youtu.be/dQw4w9WgXcQ")
    assert client.get("/einbettung/video/dQw4w9WgXcQ/").status_code == 403
    response = client.post("/einbettung/video/dQw4w9WgXcQ/", {"einmalig": "youtube"}, **SAME_ORIGIN)
    assert response.status_code == 200
    assert VIDEO_HOST in csp(response)["frame-src"]


def test_video_placeholder_on_project_page(client):
    project = ProjectFactory(
        title="Velorouten", summary="Radwege für die Region.", video_url=VIDEO_URL
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "youtube-nocookie.com/embed" not in html
    assert "Video: Velorouten" in html and "Radwege für die Region." in html
    assert "Video laden" in html and "YouTube immer erlauben" in html
    assert 'data-embed-src="/einbettung/video/dQw4w9WgXcQ/"' in html
    assert "<iframe" not in html
    client.cookies[CONSENT_COOKIE] = consent_cookie("youtube")
    html = client.get(project.get_absolute_url()).content.decode()
    assert '<iframe class="embed-frame" src="/einbettung/video/dQw4w9WgXcQ/"' in html


def test_municipality_page_embeds_nothing_foreign_before_consent(client):
    municipality = MunicipalityFactory(name="Telgte", slug="telgte")
    html = client.get(municipality.get_absolute_url()).content.decode()
    assert "tile.openstreetmap.org" not in html
    assert "<iframe" not in html
