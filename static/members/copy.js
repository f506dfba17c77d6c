/* "Code kopieren" on /kommunen/<slug>/einbinden/ and "Adresse kopieren" of calendar
 * subscriptions: the buttons stay hidden without JavaScript, where the read-only text fields
 * can be selected and copied by hand. data-copied, if given, is the message after copying. */
(function () {
  "use strict";

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (!field || !status || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          status.textContent = button.getAttribute("data-copied") || "Der Code ist kopiert.";
        },
        function () {
          field.select();
          status.textContent = "Kopieren nicht möglich: Der Text ist markiert, bitte mit Strg+C kopieren.";
        }
      );
    });
  });
})();
