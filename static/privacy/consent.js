/* Privacy settings banner (templates/privacy/banner.html).
 *
 * Without JavaScript the forms post normally and the server returns to the same page. With it,
 * a choice is saved by fetch() and applied without a reload: "consent:change" tells the
 * placeholders (embeds.js) what is now allowed. The footer link reopens the banner in place and
 * focus returns to it when the banner closes.
 */
(function () {
  "use strict";

  var banner = document.querySelector("[data-consent-banner]");
  if (!banner || !window.fetch) {
    return;
  }
  var heading = banner.querySelector("h2");
  var closeButton = banner.querySelector("[data-consent-close]");
  var status = document.getElementById("consent-status");
  var returnTo = null;

  function announce(text) {
    // Emptied first, so that the same message is announced again on a second choice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function open(trigger) {
    returnTo = trigger;
    banner.hidden = false;
    closeButton.hidden = false;
    heading.focus();
  }

  function close() {
    banner.hidden = true;
    closeButton.hidden = true;
    if (returnTo && document.body.contains(returnTo)) {
      returnTo.focus();
    } else {
      // First visit: the banner opened with the page; continue with the content, in place.
      document.getElementById("main-content").focus({ preventScroll: true });
    }
    returnTo = null;
  }

  function save(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) {
      body.append(submitter.name, submitter.value);
    }
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("Privatsphäre-Einstellung: HTTP " + response.status);
      }
      return response.json();
    });
  }

  function apply(state, source) {
    document.querySelectorAll('[data-consent-form] input[name="services"]').forEach(function (box) {
      box.checked = state.allowed.indexOf(box.value) !== -1;
    });
    document.dispatchEvent(new CustomEvent("consent:change", { detail: { allowed: state.allowed, source: source } }));
    announce(state.message);
  }

  // The banner's form and the "… immer erlauben" buttons of placeholders. The settings page
  // posts normally: it shows the stored choice, which a reload keeps accurate.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var handled = banner.contains(form) || form.hasAttribute("data-embed-form");
    if (!handled || form.getAttribute("data-native-submit")) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    save(form, submitter)
      .then(function (state) {
        apply(state, form);
        if (banner.contains(form)) {
          close();
        }
      })
      .catch(function () {
        // Let the server handle it the way it does without JavaScript.
        form.setAttribute("data-native-submit", "1");
        if (submitter) {
          form.requestSubmit(submitter);
        } else {
          form.requestSubmit();
        }
      });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-consent-open]");
    if (link) {
      event.preventDefault();
      open(link);
    }
  });

  closeButton.addEventListener("click", close);
  banner.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !closeButton.hidden) {
      close();
    }
  });
})();
