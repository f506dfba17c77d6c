// The admin's Markdown editor (editorial/markdown_admin.py renders the markup, hidden until here).
// Formatting buttons come from @github/markdown-toolbar-element (static/vendor/); this module
// adds shortcuts, the table template, the "Bild einfügen" dialog and the live preview, whose
// HTML the server renders exactly as visitors get it. No Markdown is rendered in the browser.

const PREVIEW_DELAY_MS = 400;
const SHORTCUTS = { b: "bold", i: "italic", k: "link" };
const TABLE = "| Spalte 1 | Spalte 2 |\n| --- | --- |\n| Inhalt | Inhalt |";

// Typed text goes through insertText, so the browser's undo (Strg+Z) takes it back.
function insert(textarea, text) {
  textarea.focus();
  if (!document.execCommand("insertText", false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

// Tables and images stand in blocks of their own: a lone image becomes a figure.
function insertBlock(textarea, block) {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const after = textarea.value.slice(textarea.selectionEnd);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const tail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  insert(textarea, lead + block + tail);
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function csrfToken(textarea) {
  const input = textarea.form && textarea.form.querySelector("[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function setUpPreview(editor, textarea) {
  const section = editor.querySelector(".markdown-preview");
  const body = editor.querySelector("[data-markdown-preview]");
  const toggle = editor.querySelector("[data-markdown-preview-toggle]");
  let timer = 0;
  let latest = 0;

  async function refresh() {
    const request = ++latest;
    const data = new URLSearchParams({ text: textarea.value });
    try {
      const response = await fetch(editor.dataset.previewUrl, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": csrfToken(textarea) },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const html = await response.text();
      // Sanitised by the server (nh3); a slower, older answer never overwrites a newer one.
      if (request === latest) body.innerHTML = html;
    } catch {
      if (request === latest) {
        body.replaceChildren(element("p", { class: "errornote" }, "Die Vorschau ist gerade nicht verfügbar; der Text wird trotzdem gespeichert."));
      }
    }
  }

  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, PREVIEW_DELAY_MS);
  });
  toggle.addEventListener("click", () => {
    const shown = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(shown));
    section.hidden = !shown;
    if (shown) refresh();
  });
  section.hidden = false;
}

function imageDialog() {
  let dialog = document.getElementById("markdown-image-dialog");
  if (dialog) return dialog;
  dialog = element("dialog", {
    id: "markdown-image-dialog",
    class: "markdown-image-dialog",
    "aria-labelledby": "markdown-image-dialog-title",
  });
  const filter = element("input", { type: "search", id: "markdown-image-filter", class: "vTextField" });
  const close = element("button", { type: "button", class: "button" }, "Abbrechen");
  close.addEventListener("click", () => dialog.close());
  dialog.append(
    element("h2", { id: "markdown-image-dialog-title" }, "Bild aus der Bibliothek einfügen"),
    element("label", { for: "markdown-image-filter" }, "Bilder nach Titel oder Alternativtext filtern"),
    filter,
    element("p", { class: "markdown-image-status", role: "status" }),
    element("ul", { class: "markdown-image-list" }),
    element("p", { class: "markdown-image-actions" }),
  );
  // A new tab: the text being written stays as it is.
  const add = element("a", { target: "_blank", "data-markdown-image-add": "" }, "Neues Bild hochladen (neuer Tab)");
  dialog.querySelector(".markdown-image-actions").append(close, " ", add);
  filter.addEventListener("input", () => {
    const words = filter.value.trim().toLowerCase();
    for (const item of dialog.querySelectorAll(".markdown-image-list li")) {
      item.hidden = words !== "" && !item.dataset.search.includes(words);
    }
  });
  document.body.append(dialog);
  return dialog;
}

async function openPicker(url, textarea) {
  const dialog = imageDialog();
  const status = dialog.querySelector(".markdown-image-status");
  const list = dialog.querySelector(".markdown-image-list");
  const filter = dialog.querySelector("#markdown-image-filter");
  filter.value = "";
  list.replaceChildren();
  status.textContent = "Bilder werden geladen …";
  dialog.showModal();
  let images;
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const library = await response.json();
    images = library.images;
    const add = dialog.querySelector("[data-markdown-image-add]");
    if (library.add_url) add.href = library.add_url;
    else add.hidden = true; // this account may not upload: no link that leads nowhere
  } catch {
    status.textContent = "Die Bildbibliothek konnte nicht geladen werden.";
    return;
  }
  status.textContent = images.length
    ? `${images.length === 1 ? "1 Bild" : `${images.length} Bilder`}. Wählen Sie eines aus, um es einzufügen.`
    : "Die Bildbibliothek enthält noch keine Bilder. Laden Sie zuerst unter „Bildbibliothek“ eines hoch.";
  for (const image of images) {
    const choice = element("button", { type: "button", class: "markdown-image-choice" });
    // The title and alt text name the button; the thumbnail itself adds nothing to read.
    choice.append(
      element("img", { src: image.url, alt: "", class: "image-thumbnail", loading: "lazy" }),
      element("span", { class: "markdown-image-title" }, image.title),
      element("span", { class: "markdown-image-alt" }, `Alternativtext: ${image.alt}`),
    );
    choice.addEventListener("click", () => {
      dialog.close();
      insertBlock(textarea, image.markdown);
    });
    const item = element("li");
    item.dataset.search = `${image.title} ${image.alt}`.toLowerCase();
    item.append(choice);
    list.append(item);
  }
  const first = list.querySelector("button");
  if (first) first.focus();
}

// A list item's start: indent, marker ("-", "*", "+" or a number with "." or ")") and space.
const LIST_ITEM = /^(\s*)([-*+]|(\d{1,9})([.)]))(\s+)/;

// Enter in a list item starts the next one ("1." is followed by "2."); Enter in an empty item
// ends the list instead, as in the editors people know. Shift+Enter stays a plain line break.
function continueList(event, textarea) {
  if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.isComposing || textarea.selectionStart !== textarea.selectionEnd) return;
  const caret = textarea.selectionStart;
  const start = textarea.value.lastIndexOf("\n", caret - 1) + 1;
  const item = LIST_ITEM.exec(textarea.value.slice(start, caret));
  if (!item) return;
  event.preventDefault();
  const end = textarea.value.indexOf("\n", caret);
  const line = textarea.value.slice(start, end === -1 ? undefined : end);
  if (line.trim() === item[0].trim()) {
    // An empty item: its marker goes, the line stays as the blank line that ends the list.
    textarea.setSelectionRange(start, end === -1 ? textarea.value.length : end);
    if (!document.execCommand("delete")) insert(textarea, "");
    return;
  }
  const [, indent, bullet, number, delimiter, space] = item;
  const marker = number === undefined ? bullet : `${Number(number) + 1}${delimiter}`;
  insert(textarea, `\n${indent}${marker}${space}`);
}

// The toolbar's headings insert "## " at the caret; an editor means the line the caret is on.
function caretToLineStart(event, textarea) {
  if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
  if (!event.target.closest('[data-md-button^="header-"]')) return;
  const caret = textarea.selectionStart;
  if (caret !== textarea.selectionEnd) return;
  const start = textarea.value.lastIndexOf("\n", caret - 1) + 1;
  textarea.setSelectionRange(start, start);
}

function setUp(editor) {
  const toolbar = editor.querySelector("markdown-toolbar");
  const textarea = document.getElementById(toolbar.getAttribute("for"));
  toolbar.hidden = false;
  // One tab stop for the whole toolbar, arrow keys within it (the element's roving focus; our
  // own buttons join it through data-md-button values that name no formatting).
  toolbar.removeAttribute("tabindex");
  toolbar.querySelectorAll("[data-md-button]").forEach((button, index) => {
    button.tabIndex = index === 0 ? 0 : -1;
  });
  // Capture phase: before the toolbar element's own handlers apply the style.
  for (const type of ["click", "keydown"]) {
    toolbar.addEventListener(type, (event) => caretToLineStart(event, textarea), true);
  }
  textarea.addEventListener("keydown", (event) => continueList(event, textarea));
  textarea.addEventListener("keydown", (event) => {
    const style = (event.ctrlKey || event.metaKey) && !event.altKey && SHORTCUTS[event.key.toLowerCase()];
    if (!style) return;
    event.preventDefault();
    toolbar.querySelector(`[data-md-button="${style}"]`).click();
  });
  editor.querySelector("[data-markdown-table]").addEventListener("click", () => insertBlock(textarea, TABLE));
  const picker = editor.querySelector("[data-markdown-image]");
  if (picker) picker.addEventListener("click", () => openPicker(picker.dataset.markdownImage, textarea));
  setUpPreview(editor, textarea);
}

for (const editor of document.querySelectorAll("[data-markdown-editor]")) setUp(editor);
