/* travelog: small fixes to Material's markup that the theme needs on both engines.
 * Works with Material's instant navigation (document$) and without it. */
(function () {
  "use strict";

  // Material's search dialog has no accessible name.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Search the journal");
    }
  }

  // On a card the title's link covers the whole card: the photo's own lightbox link is
  // neither a second tab stop nor a second announcement of the same entry.
  function quietCardPhotos() {
    document.querySelectorAll(".travelog-card figure a").forEach(function (link) {
      link.setAttribute("tabindex", "-1");
      link.setAttribute("aria-hidden", "true");
    });
  }

  function setup() {
    nameSearchDialog();
    quietCardPhotos();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
