/* The map inside our frame (templates/maps/frame.html): Leaflet from our static files, markers
 * from our GeoJSON endpoint, tiles from the configured server. This document is only served
 * with the visitor's consent, and its CSP names the tile host only then.
 */
(function () {
  "use strict";

  var element = document.getElementById("map");
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var labels = config.labels;

  var map = L.map(element, {
    center: config.center,
    zoom: config.zoom,
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    zoomControl: false,
    // The page around the frame scrolls with the wheel; zoom with the buttons, keys or pinch.
    scrollWheelZoom: false,
  });
  L.control.zoom({ zoomInTitle: "Vergrößern", zoomOutTitle: "Verkleinern" }).addTo(map);
  // Attribution, maximum zoom and the referrer policy tile servers need: LEAFLET_CONFIG's.
  L.tileLayer(config.tileUrl, config.tileOptions).addTo(map);

  // Links in popups lead to our pages (the whole window); links in the attribution open apart.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || link.target) {
      return;
    }
    if (link.origin === window.location.origin) {
      link.target = "_top";
    } else {
      link.target = "_blank";
      link.rel = "noopener";
    }
  });

  function symbol(kind) {
    return '<span class="map-symbol map-symbol-' + kind + '" aria-hidden="true"></span> ';
  }

  function icon(kind) {
    var size = kind === "kommune" ? 26 : 18;
    return L.divIcon({
      className: "map-marker map-marker-" + kind,
      html: '<span class="map-symbol map-symbol-' + kind + '"></span>',
      iconSize: [size, size],
      iconAnchor: kind === "kommune" ? [size / 2, size] : [size / 2, size / 2],
      popupAnchor: [0, kind === "kommune" ? -size : -size / 2],
    });
  }

  function line(box, text, className) {
    if (!text) {
      return;
    }
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    if (className) {
      paragraph.className = className;
    }
    box.appendChild(paragraph);
  }

  function popup(properties) {
    // Built from DOM nodes, never from HTML strings: names come from the database.
    var box = document.createElement("div");
    line(box, properties.name, "map-popup-title");
    if (properties.kind === "projekt") {
      line(box, properties.location);
      line(box, labels.field + ": " + properties.field);
      if (properties.demo) {
        line(box, labels.demo, "map-popup-demo");
      }
    } else {
      line(box, properties.district);
    }
    var link = document.createElement("a");
    link.href = properties.url;
    link.target = "_top";
    link.textContent = properties.kind === "kommune" ? labels.toMunicipality : labels.toProject;
    box.appendChild(link);
    return box;
  }

  function showError() {
    var message = document.createElement("p");
    message.className = "map-error";
    message.setAttribute("role", "alert");
    message.textContent = labels.error;
    element.appendChild(message);
  }

  var groups = { kommune: L.featureGroup(), projekt: L.featureGroup() };

  fetch(config.dataUrl, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("Kartendaten: HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      data.features.forEach(function (feature) {
        var properties = feature.properties;
        var group = groups[properties.kind];
        if (!group) {
          return;
        }
        var coordinates = feature.geometry.coordinates;
        L.marker([coordinates[1], coordinates[0]], {
          icon: icon(properties.kind),
          title: properties.name,
          alt: properties.name,
          keyboard: true,
          riseOnHover: true,
        })
          .bindPopup(popup(properties))
          .addTo(group);
      });
      groups.kommune.addTo(map);
      groups.projekt.addTo(map);
      var overlays = {};
      overlays[symbol("kommune") + labels.municipalities] = groups.kommune;
      overlays[symbol("projekt") + labels.projects] = groups.projekt;
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      if (config.fitToData) {
        var bounds = groups.kommune.getBounds().extend(groups.projekt.getBounds());
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
        }
      }
    })
    .catch(showError);
})();
