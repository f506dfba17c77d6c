/* "Code kopieren" on /kommunen/<slug>/einbinden/, "Adresse kopieren" of calendar subscriptions
 * and "Link kopieren" of the admin's preview links: the buttons stay hidden without JavaScript,
 * where the read-only text fields can be selected and copied by hand. data-copied, if given, is
 * the message after copying; the status (aria-describedby, role="status") announces it. Where
 * the browser has no Clipboard API (no HTTPS) or refuses it, the text is selected for Strg+C. */
(function () {
  "use strict";

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (!field || !status) {
      return;
    }
    function say(message) {
      // Emptied first and refilled a moment later, so that a second click is announced again.
      status.textContent = "";
      setTimeout(function () {
        status.textContent = message;
      }, 100);
    }
    function select() {
      field.focus();
      field.select();
      say("Kopieren nicht möglich: Der Text ist markiert, bitte mit Strg+C kopieren.");
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!navigator.clipboard) {
        select();
        return;
      }
      navigator.clipboard.writeText(field.value).then(function () {
        say(button.getAttribute("data-copied") || "Der Code ist kopiert.");
      }, select);
    });
  });
})();
