// Slugs typed in the admin follow German spelling: "Münster" becomes "muenster", not "munster".
// Django's prepopulate.js calls window.URLify on every keystroke; this wraps it once.
(function () {
  "use strict";
  const urlify = window.URLify;
  if (typeof urlify !== "function") {
    return;
  }
  const german = { "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss" };
  window.URLify = function (text, maxLength, allowUnicode) {
    return urlify(text.replace(/[äöüÄÖÜß]/g, (letter) => german[letter]), maxLength, allowUnicode);
  };
})();
