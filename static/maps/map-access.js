/* What makes the region map usable beyond the mouse, loaded before map.js:
 * markers that never overlap (WCAG 2.5.8), popups that take focus, are announced and close on
 * Escape (2.4.3, 4.1.3), and a hint for one-finger touches when two fingers move the map.
 */
(function () {
  "use strict";

  var GAP = 4; // pixels between two targets
  var STEP = 8;
  var DIRECTIONS = 12;
  var RINGS = 12;

  // A marker's box in layer pixels: pins stand on their point, circles sit on it.
  function box(map, marker, dx, dy) {
    var point = map.latLngToLayerPoint(marker.getLatLng());
    var half = marker.size / 2;
    var x = point.x + dx;
    var y = point.y + dy - (marker.pin ? half : 0);
    return { left: x - half, right: x + half, top: y - half, bottom: y + half };
  }

  function overlaps(a, b) {
    return (
      a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP
    );
  }

  function free(candidate, placed) {
    return placed.every(function (other) {
      return !overlaps(candidate, other);
    });
  }

  // The first offset on a widening spiral where the marker touches none placed before it.
  function offset(map, marker, placed) {
    if (free(box(map, marker, 0, 0), placed)) {
      return [0, 0];
    }
    for (var ring = 1; ring <= RINGS; ring++) {
      for (var step = 0; step < DIRECTIONS; step++) {
        var angle = (2 * Math.PI * step) / DIRECTIONS;
        var dx = Math.round(Math.cos(angle) * ring * STEP);
        var dy = Math.round(Math.sin(angle) * ring * STEP);
        if (free(box(map, marker, dx, dy), placed)) {
          return [dx, dy];
        }
      }
    }
    return [0, 0];
  }

  function shift(marker, dx, dy) {
    var element = marker.getElement();
    var anchor = marker.options.icon.options.iconAnchor;
    element.style.marginLeft = dx - anchor[0] + "px";
    element.style.marginTop = dy - anchor[1] + "px";
    // Leaflet's default popup offset is [0, 7]; the popup follows its moved marker.
    marker.getPopup().options.offset = L.point(dx, 7 + dy);
    element.classList.toggle("map-marker-moved", dx !== 0 || dy !== 0);
  }

  function declutter(map, markers) {
    function place() {
      var placed = [];
      markers.forEach(function (marker) {
        if (!map.hasLayer(marker) || !marker.getElement()) {
          return;
        }
        var moved = offset(map, marker, placed);
        shift(marker, moved[0], moved[1]);
        placed.push(box(map, marker, moved[0], moved[1]));
      });
    }
    map.on("zoomend viewreset overlayadd", place);
    place();
  }

  // Focus moves into an opened popup, which is a labelled dialog; Escape or the close button
  // closes it and focus returns to its marker.
  function popups(map, labels) {
    var opener = null;

    map.on("popupopen", function (event) {
      var popup = event.popup;
      var container = popup.getElement();
      var title = container.querySelector(".map-popup-title");
      var close = container.querySelector(".leaflet-popup-close-button");
      container.setAttribute("role", "dialog");
      if (title) {
        container.setAttribute("aria-labelledby", title.id);
      }
      if (close) {
        close.setAttribute("aria-label", labels.close);
        close.title = labels.close;
      }
      opener = popup._source ? popup._source.getElement() : null;
      var content = container.querySelector(".leaflet-popup-content");
      content.tabIndex = -1;
      content.focus({ preventScroll: true });
    });

    map.on("popupclose", function (event) {
      var container = event.popup.getElement();
      var focusInside = container && container.contains(document.activeElement);
      if (opener && (focusInside || document.activeElement === document.body)) {
        opener.focus({ preventScroll: true });
      }
      opener = null;
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && opener) {
        map.closePopup();
      }
    });
  }

  var HINT_TIME = 1800;

  function touchHint(element, text) {
    var hint = document.createElement("p");
    hint.className = "map-touch-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = text;
    element.appendChild(hint);
    var timer = null;
    element.addEventListener(
      "touchstart",
      function (event) {
        if (event.touches.length !== 1) {
          hint.classList.remove("map-touch-hint-shown");
          return;
        }
        hint.classList.add("map-touch-hint-shown");
        clearTimeout(timer);
        timer = setTimeout(function () {
          hint.classList.remove("map-touch-hint-shown");
        }, HINT_TIME);
      },
      { passive: true },
    );
  }

  window.StadtregionMap = { declutter: declutter, popups: popups, touchHint: touchHint };
})();
