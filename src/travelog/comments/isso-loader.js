(function () {
  "use strict";
  var live = document.currentScript.closest(".travelog-live");
  var section = live.closest(".travelog-comments");
  var endpoint = live.getAttribute("data-isso-endpoint");
  var status = live.querySelector(".travelog-comments-status");
  var thread = live.querySelector("#isso-thread");
  var uri = thread.getAttribute("data-isso-id");
  var TIMEOUT_MS = 8000;
  var PENDING_KEY = "travelog.pending-comments";
  var PENDING_DAYS = 30; // Isso purges unapproved comments after 30 days (purge-after)

  // Isso's words, replaced by a family's ("data-isso-<key>-text-en").
  var WORDS = {
    "postbox-text": "Write your comment here",
    "postbox-author": "Your name",
    "postbox-author-placeholder": "As the family knows you",
    "postbox-email": "Email (optional, only the writers see it)",
    "postbox-email-placeholder": "name@example.org",
    "postbox-website": "Website (optional)",
    "postbox-website-placeholder": "https://",
    "postbox-submit": "Send comment",
    "postbox-preview": "Preview",
    "postbox-edit": "Keep writing",
    "comment-reply": "Reply",
    "comment-close": "Cancel",
    "comment-queued": "waiting for approval",
    "comment-anonymous": "Someone",
    "no-comments": "No comments yet",
  };
  // Why Isso refused a comment, in words (it answers with a bare status code).
  var REFUSALS = {
    403: "Your comment was not sent: only two comments a minute can come from one place, " +
      "and a comment can get three replies before the writers answer. Please wait a minute " +
      "and send it again; your words are still in the box.",
    400: "Your comment was not sent: it needs your name and at least three characters.",
  };
  var UNREACHABLE = "Your comment was not sent: the comments server did not answer. " +
    "Please try again in a little while; your words are still in the box.";

  var notice = document.createElement("p");
  notice.className = "travelog-comments-notice";
  notice.setAttribute("role", "status");
  notice.hidden = true;
  thread.parentNode.insertBefore(notice, thread);

  function say(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

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

  // A comment waiting for moderation is kept in this browser, so its writer still sees it
  // after a reload, until the writers approve it (it then comes from Isso) or Isso drops it.
  function readPending() {
    try {
      var all = JSON.parse(localStorage.getItem(PENDING_KEY) || "[]");
      var oldest = Date.now() - PENDING_DAYS * 86400000;
      return all.filter(function (item) { return item.saved > oldest; });
    } catch (error) {
      return [];
    }
  }
  function writePending(items) {
    try {
      localStorage.setItem(PENDING_KEY, JSON.stringify(items));
    } catch (error) {
      /* storage disabled: the comment is still on the page until it is reloaded */
    }
  }
  var pendingList = document.createElement("ol");
  pendingList.className = "travelog-pending";
  pendingList.setAttribute("aria-label", "Waiting for approval");
  thread.parentNode.insertBefore(pendingList, thread);
  function showPending() {
    var approved = function (item) {
      var shown = document.getElementById("isso-" + item.id);
      return shown !== null && !shown.querySelector(".isso-note:not(:empty)");
    };
    var all = readPending();
    var kept = all.filter(function (item) { return !(item.uri === uri && approved(item)); });
    if (kept.length !== all.length) writePending(kept);
    pendingList.textContent = "";
    kept.forEach(function (item) {
      if (item.uri !== uri || document.getElementById("isso-" + item.id)) return;
      var li = document.createElement("li");
      li.className = "travelog-comment travelog-comment--pending";
      var meta = document.createElement("p");
      meta.className = "travelog-comment-meta";
      var author = document.createElement("span");
      author.className = "travelog-comment-author";
      author.textContent = item.author;
      meta.appendChild(author);
      meta.appendChild(document.createTextNode(
        "Waiting for approval: only you can see it, on this device."));
      var text = document.createElement("p");
      text.className = "travelog-comment-text";
      text.textContent = item.text;
      li.appendChild(meta);
      li.appendChild(text);
      pendingList.appendChild(li);
    });
    pendingList.hidden = pendingList.children.length === 0;
  }

  function watchPosts() {
    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.travelogNew = method === "POST" && String(url).indexOf("/new?") !== -1;
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function (body) {
      if (this.travelogNew) {
        var request = this;
        var sent = {};
        try { sent = JSON.parse(body); } catch (error) { sent = {}; }
        request.addEventListener("loadend", function () { answered(request, sent); });
      }
      return send.apply(this, arguments);
    };
  }
  function answered(request, sent) {
    if (request.status === 201 || request.status === 202) {
      var comment = {};
      try { comment = JSON.parse(request.responseText); } catch (error) { comment = {}; }
      if (comment.mode === 2) {
        var items = readPending();
        items.push({
          uri: uri, id: comment.id, author: sent.author || "You", text: sent.text || "",
          saved: Date.now(),
        });
        writePending(items);
        say("Thank you! Your comment waits for the writers' approval. Until then only you " +
          "can see it, here on this device.");
      } else {
        say("Thank you! Your comment is on the page.");
      }
      return;
    }
    say(REFUSALS[request.status] || UNREACHABLE);
  }

  // Isso's boxes have placeholders but no label for the comment itself.
  function labelFields() {
    live.querySelectorAll("textarea.isso-textarea:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", "Your comment");
    });
  }

  // One count for the section: archived comments and the live ones shown.
  function count() {
    var heading = section && section.querySelector("h2");
    if (!heading) return;
    var shown = Number(section.getAttribute("data-archived") || 0) +
      thread.querySelectorAll(".isso-comment[id^='isso-']:not([hidden])").length;
    heading.textContent = shown === 0 ? "Comments" : shown + (shown === 1 ? " comment" : " comments");
  }

  var tidying = false;
  function tidy() {
    if (tidying) return;
    tidying = true;
    labelFields();
    hideArchived();
    showPending();
    count();
    tidying = false;
  }

  showPending();
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
  fetch(endpoint + "config", { signal: controller.signal, credentials: "include" })
    .then(function (response) {
      clearTimeout(timer);
      if (!response.ok) { throw new Error("Isso answered " + response.status); }
      new MutationObserver(tidy).observe(thread, { childList: true, subtree: true });
      watchPosts();
      var script = document.createElement("script");
      script.src = endpoint + "js/embed.min.js";
      script.setAttribute("data-isso", endpoint);
      script.setAttribute("data-isso-lang", "en");
      script.setAttribute("data-isso-vote", "false");
      script.setAttribute("data-isso-avatar", "false");
      script.setAttribute("data-isso-max-comments-nested", "inf");
      Object.keys(WORDS).forEach(function (key) {
        script.setAttribute("data-isso-" + key + "-text-en", WORDS[key]);
      });
      script.onload = function () { status.hidden = true; };
      script.onerror = unavailable;
      document.body.appendChild(script);
    })
    .catch(unavailable);
})();
