// Guards an admin change form (editorial.edit_sessions): asks before leaving it with unsaved
// changes, sends the unsaved fields to the server at short intervals (offered back after a crash
// or a closed tab), and shows who else has the same object open.
// Loaded in the page's head with the admin's media: it waits for the form.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const box = document.getElementById("edit-session");
  const form = box && box.closest("form");
  if (!form) {
    return;
  }
  const SKIP = new Set(["csrfmiddlewaretoken"]);

  function fields() {
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && !SKIP.has(name)) {
        data.append(name, value); // files stay out: they are not typing
      }
    }
    return data;
  }

  const initial = fields().toString();
  let changed = false;
  let unsent = false;
  let submitting = false;

  function track() {
    changed = fields().toString() !== initial;
    unsent = true;
  }
  form.addEventListener("input", track);
  form.addEventListener("change", track);
  form.addEventListener("submit", (event) => {
    // The preview opens in its own tab; the form stays, unsaved.
    submitting = !(event.submitter && event.submitter.formTarget === "_blank");
  });
  window.addEventListener("beforeunload", (event) => {
    if (changed && !submitting) {
      event.preventDefault();
      event.returnValue = box.dataset.warning; // browsers show their own wording
    }
  });

  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const others = document.getElementById("edit-session-others");

  function send(extra) {
    const body = unsent && changed ? fields() : new URLSearchParams();
    if (unsent) {
      body.set(changed ? "_typed" : "_discard", "1"); // typed back to the start: nothing to keep
    }
    for (const name of extra || []) {
      body.set(name, "1");
    }
    unsent = false;
    return fetch(box.dataset.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer) => {
        if (answer && others) {
          others.querySelector(".edit-session-names").textContent = answer.others.join(", ");
          others.hidden = answer.others.length === 0;
        }
      })
      .catch(() => {
        unsent = true; // offline for a moment: try again with the next beat
      });
  }
  window.setInterval(send, Number(box.dataset.heartbeat) * 1000);

  const offer = document.getElementById("edit-session-offer");
  const saved = document.getElementById("edit-session-data");
  if (!offer || !saved) {
    return;
  }
  document.getElementById("edit-session-restore").addEventListener("click", () => {
    const data = JSON.parse(saved.textContent);
    for (const element of form.elements) {
      if (!element.name || SKIP.has(element.name) || element.type === "file") {
        continue;
      }
      const values = data[element.name] || [];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value);
      } else if (element.multiple) {
        for (const option of element.options) {
          option.selected = values.includes(option.value);
        }
      } else if (element.type !== "submit" && element.type !== "button") {
        element.value = values[0] || "";
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }
    offer.hidden = true;
  });
  document.getElementById("edit-session-discard").addEventListener("click", () => {
    send(["_discard"]);
    offer.hidden = true;
  });
});
