/* travelog: a switch that hides or shows the pronunciation above glossary terms.
 * The choice is stored in localStorage and applied as a class on <html>; the button is made
 * here (only on pages with annotated terms), so readers without JavaScript see no dead control.
 * Works with Material's instant navigation (document$) and without it. */
(function () {
  "use strict";
  var KEY = "travelog.readings";
  var HIDDEN_CLASS = "travelog-readings-hidden";
  var root = document.documentElement;

  function hidden() {
    return root.classList.contains(HIDDEN_CLASS);
  }

  function store(value) {
    try {
      localStorage.setItem(KEY, value);
    } catch (error) {
      /* storage disabled: the switch still works for this page */
    }
  }

  // The label says what a press will do; the state is in the words, not in aria-pressed.
  function apply(button, hide) {
    root.classList.toggle(HIDDEN_CLASS, hide);
    button.textContent = hide ? "Show pronunciation" : "Hide pronunciation";
  }

  function setup() {
    if (!document.querySelector("ruby.travelog-term")) return;
    var content = document.querySelector(".md-content__inner");
    if (!content || content.querySelector(".travelog-readings-switch")) return;
    var byline = content.querySelector(".travelog-byline");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "travelog-readings-switch";
    apply(button, hidden());
    button.addEventListener("click", function () {
      var hide = !hidden();
      apply(button, hide);
      store(hide ? "hidden" : "shown");
    });
    if (byline) {
      byline.insertAdjacentElement("afterend", button);
    } else {
      content.insertBefore(button, content.firstChild);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
