/* Tables wider than the screen say so: a hint above the scroll box, shown only while the table
 * does not fit (it changes with the width, the zoom and text spacing). */
(function () {
  "use strict";

  var HINT = "Die Tabelle ist breiter als die Anzeige: seitlich wischen oder mit den Pfeiltasten verschieben.";
  var boxes = document.querySelectorAll(".table-scroll");
  if (!boxes.length || !window.ResizeObserver) {
    return;
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.closest(".table-scroll");
      box.tableHint.hidden = box.scrollWidth <= box.clientWidth + 1;
    });
  });

  boxes.forEach(function (box) {
    var hint = document.createElement("p");
    hint.className = "table-scroll-hint";
    hint.textContent = HINT;
    hint.hidden = true;
    box.parentNode.insertBefore(hint, box);
    box.tableHint = hint;
    observer.observe(box);
    var table = box.querySelector("table");
    if (table) {
      observer.observe(table);
    }
  });
})();
