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

  // Comments frozen into the archive above are shown there: hide their live copies, unless
  // they hold newer replies that are not archived yet.
  var archived = {};
  document.querySelectorAll("[data-isso-match]").forEach(function (item) {
    archived[item.getAttribute("data-isso-match")] = true;
  });
  function isArchived(comment) {
    var time = comment.querySelector("time[datetime]");
    return time !== null && archived[comment.id + "@" + time.getAttribute("datetime")] === true;
  }
  function hideArchived() {
    thread.querySelectorAll(".isso-comment[id^='isso-']").forEach(function (comment) {
      var replies = comment.querySelectorAll(".isso-comment[id^='isso-']");
      comment.hidden = isArchived(comment) &&
        Array.prototype.every.call(replies, isArchived);
    });
  }

  // Isso's comment boxes have placeholders but no labels: name them for screen readers.
  function labelFields() {
    live.querySelectorAll("textarea.isso-textarea:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", "Your comment");
    });
  }

  function tidy() {
    labelFields();
    hideArchived();
  }

  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
  fetch(endpoint + "config", { signal: controller.signal, credentials: "include" })
    .then(function (response) {
      clearTimeout(timer);
      if (!response.ok) { throw new Error("Isso answered " + response.status); }
      new MutationObserver(tidy).observe(thread, { childList: true, subtree: true });
      var script = document.createElement("script");
      script.src = endpoint + "js/embed.min.js";
      script.setAttribute("data-isso", endpoint);
      script.setAttribute("data-isso-lang", "en");
      script.setAttribute("data-isso-vote", "false");
      script.setAttribute("data-isso-avatar", "false");
      script.setAttribute("data-isso-max-comments-nested", "inf");
      script.setAttribute("data-isso-postbox-author-text-en", "Your name");
      script.onload = function () { status.hidden = true; };
      script.onerror = unavailable;
      document.body.appendChild(script);
    })
    .catch(unavailable);
})();
