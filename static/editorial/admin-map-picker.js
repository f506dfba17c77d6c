/* Map picker for latitude/longitude in the admin (core/widgets.py). The number fields stay
 * the source of truth: a click or a dragged marker writes them, typing moves the marker.
 * Staff consent to the tile server by using the admin; its CSP allows that host only there.
 */
(function () {
  "use strict";

  function number(input) {
    var value = parseFloat(input.value.replace(",", "."));
    return isFinite(value) ? value : null;
  }

  function init(container) {
    var latitude = document.getElementById(container.getAttribute("data-latitude-input"));
    var longitude = document.getElementById(container.getAttribute("data-longitude-input"));
    if (!latitude || !longitude || !window.L) {
      return;
    }
    // Tiles, centre and zoom from LEAFLET_CONFIG (core/tiles.py), as the public maps use them.
    var config = JSON.parse(container.getAttribute("data-map"));
    var map = L.map(container.querySelector(".admin-map-picker-map"), {
      center: config.center,
      zoom: config.zoom,
      scrollWheelZoom: false,
    });
    L.tileLayer(config.tileUrl, config.tileOptions).addTo(map);
    var marker = null;
    // A marker drawn by our CSS, not Leaflet's default image: that one finds its folder through
    // a CSS background URL, which the hashed names of collectstatic (ManifestStaticFilesStorage)
    // break, and then requests marker-icon.png relative to the admin page. The centre of the
    // circle is the chosen point.
    var icon = L.divIcon({
      className: "admin-map-picker-marker",
      html: '<span class="admin-map-picker-symbol"></span>',
      iconSize: [22, 22],
      iconAnchor: [11, 11],
    });

    function write(position) {
      latitude.value = position.lat.toFixed(5);
      longitude.value = position.lng.toFixed(5);
    }

    function place(position) {
      if (marker) {
        marker.setLatLng(position);
        return;
      }
      marker = L.marker(position, {
        icon: icon,
        draggable: true,
        title: "Gewählte Lage",
        alt: "Gewählte Lage",
      }).addTo(map);
      marker.on("dragend", function () {
        write(marker.getLatLng());
      });
    }

    function fromInputs() {
      var lat = number(latitude);
      var lng = number(longitude);
      return lat === null || lng === null ? null : L.latLng(lat, lng);
    }

    map.on("click", function (event) {
      place(event.latlng);
      write(event.latlng);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        var position = fromInputs();
        if (position) {
          place(position);
          map.panTo(position);
        }
      });
    });
    var start = fromInputs();
    if (start) {
      place(start);
      map.setView(start, config.locatedZoom);
    }
  }

  // Admin media load in <head>, before the form exists.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-picker]").forEach(init);
  });
})();
