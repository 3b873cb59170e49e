(function () {
  "use strict";
  var live = document.currentScript.closest(".travelog-live");
  var endpoint = live.getAttribute("data-isso-endpoint");
  var status = live.querySelector(".travelog-comments-status");
  var thread = live.querySelector("#isso-thread");
  var TIMEOUT_MS = 8000;

  function unavailable() {
    status.textContent = live.getAttribute("data-unavailable");
    status.hidden = false;
    thread.hidden = true;
  }

  // Isso's comment boxes have placeholders but no labels: name them for screen readers.
  function labelFields() {
    live.querySelectorAll("textarea.isso-textarea:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", "Your comment");
    });
  }

  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
  fetch(endpoint + "config", { signal: controller.signal, credentials: "include" })
    .then(function (response) {
      clearTimeout(timer);
      if (!response.ok) { throw new Error("Isso answered " + response.status); }
      new MutationObserver(labelFields).observe(thread, { childList: true, subtree: true });
      var script = document.createElement("script");
      script.src = endpoint + "js/embed.min.js";
      script.setAttribute("data-isso", endpoint);
      script.setAttribute("data-isso-lang", "en");
      script.setAttribute("data-isso-vote", "false");
      script.setAttribute("data-isso-avatar", "false");
      script.setAttribute("data-isso-max-comments-nested", "inf");
      script.onload = function () { status.hidden = true; };
      script.onerror = unavailable;
      document.body.appendChild(script);
    })
    .catch(unavailable);
})();
