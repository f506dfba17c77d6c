/* The map inside our frame (templates/maps/frame.html): Leaflet from our static files, markers
 * from our GeoJSON endpoint, tiles from the configured server. This document is only served
 * with the visitor's consent, and its CSP names the tile host only then.
 */
(function () {
  "use strict";

  var element = document.getElementById("map");
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var labels = config.labels;

  // On touch screens one finger scrolls the page, two fingers move and zoom the map (Leaflet's
  // pinch handler pans too): a map filling the phone's screen would otherwise trap scrolling.
  var touch = L.Browser.mobile || window.matchMedia("(pointer: coarse)").matches;

  var map = L.map(element, {
    center: config.center,
    zoom: config.zoom,
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    zoomControl: false,
    // The page around the frame scrolls with the wheel; zoom with the buttons, keys or pinch.
    scrollWheelZoom: false,
    dragging: !touch,
  });
  L.control
    .zoom({
      zoomInTitle: labels.zoomIn,
      zoomOutTitle: labels.zoomOut,
    })
    .addTo(map);
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" title="' + labels.leaflet + '">Leaflet</a>',
  );
  if (touch) {
    window.StadtregionMap.touchHint(element, labels.twoFingers);
  }
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

  // Targets of at least 24 x 24 px (WCAG 2.5.8); map-access.js keeps them apart.
  var SIZES = { kommune: 32, projekt: 24 };

  function icon(kind) {
    var size = SIZES[kind];
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
    box.firstChild.id = "map-popup-title-" + properties.kind + "-" + properties.slug;
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
        var marker = L.marker([coordinates[1], coordinates[0]], {
          icon: icon(properties.kind),
          title: properties.name,
          alt: properties.name,
          keyboard: true,
          riseOnHover: true,
        })
          .bindPopup(popup(properties), { minWidth: 160 })
          .addTo(group);
        marker.size = SIZES[properties.kind];
        marker.pin = properties.kind === "kommune";
      });
      groups.kommune.addTo(map);
      groups.projekt.addTo(map);
      var overlays = {};
      overlays[symbol("kommune") + labels.municipalities] = groups.kommune;
      overlays[symbol("projekt") + labels.projects] = groups.projekt;
      var layers = L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      var toggle = layers.getContainer().querySelector(".leaflet-control-layers-toggle");
      toggle.title = labels.layers;
      toggle.setAttribute("aria-label", labels.layers);
      if (config.fitToData) {
        var bounds = groups.kommune.getBounds().extend(groups.projekt.getBounds());
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
        }
      }
      // Towns first: their pins keep their place, project circles move aside.
      var markers = groups.kommune.getLayers().concat(groups.projekt.getLayers());
      window.StadtregionMap.declutter(map, markers);
      window.StadtregionMap.popups(map, labels);
    })
    .catch(showError);
})();
