"""The region map: GeoJSON endpoint, /karte/, the small town maps and the map frame."""

import datetime
import html as html_lib
import json
import re
from decimal import Decimal

import pytest
from django.test import override_settings

from privacy.consent import CONSENT_COOKIE, encode_consent
from tests.factories import FieldOfActionFactory, MunicipalityFactory, ProjectFactory
from tests.tiles import leaflet_config

pytestmark = pytest.mark.django_db

TILE_HOST = "https://tile.openstreetmap.org"


def allow_osm(client):
    client.cookies[CONSENT_COOKIE] = encode_consent({"osm"}, datetime.date.today())


def frame_config(response) -> dict:
    match = re.search(
        r'<script id="map-config" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "the frame carries its configuration as json_script"
    return json.loads(match.group(1))


def picker_config(response) -> dict:
    match = re.search(r'data-map="([^"]+)"', response.content.decode())
    assert match, "the admin's map picker carries its configuration as data-map"
    return json.loads(html_lib.unescape(match.group(1)))


@pytest.fixture
def region():
    telgte = MunicipalityFactory(
        name="Telgte", slug="telgte", latitude=Decimal("51.98170"), longitude=Decimal("7.78580")
    )
    greven = MunicipalityFactory(
        name="Greven", slug="greven", latitude=Decimal("52.09170"), longitude=Decimal("7.60830")
    )
    unlocated = MunicipalityFactory(
        name="Nirgendwo", slug="nirgendwo", latitude=None, longitude=None
    )
    mobility = FieldOfActionFactory(name="Mobilität")
    velo = ProjectFactory(
        title="Veloroute Telgte",
        slug="veloroute-telgte",
        field_of_action=mobility,
        latitude=Decimal("51.97000"),
        longitude=Decimal("7.70000"),
        location_name="Bahnhof Telgte",
        municipalities=[telgte],
        is_demo=True,
    )
    ProjectFactory(
        title="Entwurf",
        latitude=Decimal("51.9"),
        longitude=Decimal("7.6"),
        is_published=False,
        municipalities=[telgte],
    )
    ProjectFactory(title="Ohne Ort", latitude=None, longitude=None, municipalities=[greven])
    return {"telgte": telgte, "greven": greven, "unlocated": unlocated, "velo": velo}


# --- GeoJSON ----------------------------------------------------------------------------------


def test_geojson_has_every_located_municipality_and_published_project(client, region):
    response = client.get("/karte/daten.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    names = {f["properties"]["name"]: f for f in data["features"]}
    assert set(names) == {"Telgte", "Greven", "Veloroute Telgte"}
    telgte = names["Telgte"]
    assert telgte["geometry"] == {"type": "Point", "coordinates": [7.7858, 51.9817]}
    assert telgte["properties"]["kind"] == "kommune"
    assert telgte["properties"]["url"] == "/kommunen/telgte/"
    velo = names["Veloroute Telgte"]["properties"]
    assert velo["kind"] == "projekt" and velo["url"] == "/projekte/veloroute-telgte/"
    assert velo["field"] == "Mobilität" and velo["location"] == "Bahnhof Telgte"
    assert velo["municipalities"] == ["Telgte"] and velo["demo"] is True


def test_geojson_of_one_town(client, region):
    data = client.get("/karte/daten.geojson?kommune=telgte").json()
    assert [f["properties"]["name"] for f in data["features"]] == ["Telgte", "Veloroute Telgte"]
    data = client.get("/karte/daten.geojson?kommune=greven").json()
    assert [f["properties"]["name"] for f in data["features"]] == ["Greven"]


@pytest.mark.parametrize("slug", ["unbekannt", "nirgendwo", "<script>"])
def test_geojson_of_unknown_or_unlocated_town_is_404(client, region, slug):
    assert client.get("/karte/daten.geojson", {"kommune": slug}).status_code == 404


def test_geojson_queries_do_not_grow_with_data(client, region, django_assert_num_queries):
    with django_assert_num_queries(3):
        client.get("/karte/daten.geojson")
    for n in range(5):
        ProjectFactory(
            latitude=Decimal("51.9"),
            longitude=Decimal("7.6"),
            municipalities=[MunicipalityFactory(slug=f"mehr-{n}")],
        )
    with django_assert_num_queries(3):
        client.get("/karte/daten.geojson")


def test_geojson_sets_no_cookie_and_is_revalidated(client, region):
    response = client.get("/karte/daten.geojson")
    # Browsers revalidate, so a withdrawn project leaves the map at once.
    assert response["Cache-Control"] == "no-cache"
    assert not response.cookies


# --- Pages with maps --------------------------------------------------------------------------


def test_map_page_without_consent_shows_placeholder_legend_and_list(client, region):
    response = client.get("/karte/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<iframe" not in html and "tile.openstreetmap.org" not in html
    assert 'data-embed-src="/einbettung/karte/"' in html
    assert "Karte laden" in html and "OpenStreetMap immer erlauben" in html
    assert "IP-Adresse" in html  # what loading transmits, and to whom
    assert '<a href="/kommunen/">Liste der Kommunen (ohne Karte)</a>' in html
    assert "Legende" in html
    assert '<a href="/projekte/veloroute-telgte/">Veloroute Telgte</a>' in html
    assert "Entwurf" not in html and "Ohne Ort" not in html


def test_map_page_with_consent_shows_our_frame(client, region):
    allow_osm(client)
    html = client.get("/karte/").content.decode()
    assert '<iframe class="embed-frame" src="/einbettung/karte/"' in html
    assert "tile.openstreetmap.org" not in html  # the page itself never loads tiles


def test_home_has_the_region_map(client, region):
    html = client.get("/").content.decode()
    assert 'data-embed-src="/einbettung/karte/"' in html
    assert 'href="/karte/"' in html


def test_municipality_page_has_a_small_town_map(client, region):
    html = client.get("/kommunen/telgte/").content.decode()
    assert 'data-embed-src="/einbettung/karte/telgte/"' in html
    assert "Karte von Telgte" in html


def test_municipality_without_location_has_no_map(client, region):
    html = client.get("/kommunen/nirgendwo/").content.decode()
    assert "data-embed-src" not in html


# --- The map frame ----------------------------------------------------------------------------


def test_region_frame_uses_settings_and_own_static_files(client, region):
    allow_osm(client)
    response = client.get("/einbettung/karte/")
    html = response.content.decode()
    config = frame_config(response)
    assert config["tileUrl"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in config["tileOptions"]["attribution"]
    assert config["tileOptions"]["referrerPolicy"] == "strict-origin-when-cross-origin"
    assert (config["center"], config["zoom"]) == ([51.93, 7.62], 10)
    assert config["dataUrl"] == "/karte/daten.geojson"
    assert config["fitToData"] is True
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert "/static/leaflet/leaflet.js" in scripts and "/static/leaflet/leaflet.css" in styles
    assert all(url.startswith("/static/") for url in scripts + styles)
    assert "<script>" not in html  # no inline script


def test_town_frame_centres_on_the_town(client, region):
    allow_osm(client)
    config = frame_config(client.get("/einbettung/karte/telgte/"))
    assert config["center"] == [51.9817, 7.7858]
    assert config["zoom"] == 13
    assert config["dataUrl"] == "/karte/daten.geojson?kommune=telgte"
    assert config["focus"] == "telgte"


@pytest.mark.parametrize("slug", ["unbekannt", "nirgendwo"])
def test_town_frame_of_unknown_town_is_404(client, region, slug):
    allow_osm(client)
    assert client.get(f"/einbettung/karte/{slug}/").status_code == 404


OWN_TILES = "https://karte.telgte.example/tiles/{z}/{x}/{y}.png"
OWN_ATTRIBUTION = "&copy; Stadt Telgte, OpenStreetMap-Mitwirkende"


def test_a_municipality_can_use_its_own_tile_server(client, admin_client, region):
    """LEAFLET_CONFIG is the one source: the frame, its policy and the admin picker follow it."""
    allow_osm(client)
    config = leaflet_config(OWN_TILES, OWN_ATTRIBUTION)
    config.update(DEFAULT_CENTER=(52.0, 7.7), DEFAULT_ZOOM=11)
    with override_settings(LEAFLET_CONFIG=config):
        response = client.get("/einbettung/karte/")
        frame = frame_config(response)
        assert frame["tileUrl"] == OWN_TILES
        assert frame["tileOptions"]["attribution"] == OWN_ATTRIBUTION
        assert (frame["center"], frame["zoom"]) == ([52.0, 7.7], 11)
        policy = response["Content-Security-Policy"]
        assert "https://karte.telgte.example" in policy and TILE_HOST not in policy

        response = admin_client.get(f"/admin/members/municipality/{region['telgte'].pk}/change/")
        picker = picker_config(response)
        assert "https://karte.telgte.example" in response["Content-Security-Policy"]
        assert picker["tileUrl"] == OWN_TILES
        assert picker["tileOptions"]["attribution"] == OWN_ATTRIBUTION
        assert (picker["center"], picker["zoom"]) == ([52.0, 7.7], 11)


# --- The admin's map picker --------------------------------------------------------------------


@pytest.mark.parametrize("model", ["members/municipality", "projects/project"])
def test_admin_change_form_has_the_map_picker(admin_client, region, model):
    obj = region["telgte"] if model.startswith("members") else region["velo"]
    response = admin_client.get(f"/admin/{model}/{obj.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-latitude-input="id_latitude"' in html
    assert 'data-longitude-input="id_longitude"' in html
    picker = picker_config(response)
    assert picker["tileUrl"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert picker["tileOptions"]["referrerPolicy"] == "strict-origin-when-cross-origin"
    assert "/static/leaflet/leaflet.js" in html and "/static/editorial/admin-map-picker.js" in html
    assert "leaflet.forms" not in html  # django-leaflet's GDAL-bound widget stays out
    assert TILE_HOST in response["Content-Security-Policy"]
