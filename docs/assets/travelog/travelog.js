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

  // The lightbox shows each photo with its alt text (GLightbox reads data-alt), on both
  // engines; set before the lightbox starts, which reads the links once.
  function describeLightboxPhotos() {
    document.querySelectorAll("a.glightbox:not([data-alt])").forEach(function (link) {
      var image = link.querySelector("img");
      if (image && image.alt) link.setAttribute("data-alt", image.alt);
    });
  }

  // GLightbox's viewer is a dialog without a name; it is made when a photo is opened.
  new MutationObserver(function () {
    var viewer = document.getElementById("glightbox-body");
    if (viewer && !viewer.hasAttribute("aria-label")) {
      viewer.setAttribute("aria-label", "Photo viewer");
    }
  }).observe(document.body, { childList: true });

  function setup() {
    nameSearchDialog();
    quietCardPhotos();
    describeLightboxPhotos();
  }

  describeLightboxPhotos();

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
