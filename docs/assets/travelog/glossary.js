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

  // A term's meaning opens on tap, click or keyboard: each term with a meaning becomes a
  // button that shows it in a note below (Escape or another press closes it). The button is
  // named by the term and its reading once, so screen readers do not read the reading twice.
  var meanings = 0;
  function readingOf(ruby) {
    return Array.prototype.map.call(ruby.querySelectorAll("rt"), function (rt) {
      return rt.textContent;
    }).join(" ");
  }
  function baseOf(ruby) {
    var text = "";
    ruby.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    });
    return text;
  }
  function close(button) {
    button.setAttribute("aria-expanded", "false");
    document.getElementById(button.getAttribute("aria-controls")).hidden = true;
  }
  function makeDisclosure(ruby) {
    var meaning = ruby.getAttribute("title");
    if (!meaning || ruby.closest(".travelog-term-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "travelog-term-button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", baseOf(ruby) + ", " + readingOf(ruby));
    var note = document.createElement("span");
    note.className = "travelog-meaning";
    note.id = "travelog-meaning-" + (meanings += 1);
    note.setAttribute("role", "note");
    note.hidden = true;
    note.textContent = meaning;
    button.setAttribute("aria-controls", note.id);
    ruby.removeAttribute("title");
    ruby.parentNode.insertBefore(button, ruby);
    button.appendChild(ruby);
    button.insertAdjacentElement("afterend", note);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      document.querySelectorAll(".travelog-term-button[aria-expanded='true']").forEach(close);
      if (!open) {
        button.setAttribute("aria-expanded", "true");
        note.hidden = false;
      }
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close(button);
    });
  }

  function setup() {
    document.querySelectorAll(".md-content ruby.travelog-term[title]").forEach(makeDisclosure);
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
