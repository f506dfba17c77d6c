// Every admin page (templates/admin/base_site.html): the filter icons that Django's
// SelectFilter2.js puts in the labels of a "filter_horizontal" selector are spans with an
// aria-label, which a span may not carry (aria-prohibited-attr), so the label read out is empty.
// As images, their text names the filter field. SelectFilter2.js builds the selector when the page
// has loaded, inline rows may add more later: hence the observer.
const ICONS = ".search-label-icon[aria-label]:not([role])";

function nameIcons() {
  for (const icon of document.querySelectorAll(ICONS)) icon.setAttribute("role", "img");
}

new MutationObserver(nameIcons).observe(document.documentElement, { childList: true, subtree: true });
nameIcons();
