// Authoring editor enhancements. Progressive only: without this file the "Preview" button renders the same
// preview on the server. No inline script anywhere, so the strict Content-Security-Policy stays as it is.
(function () {
  "use strict";
  var DELAY_MS = 700;

  document.addEventListener("DOMContentLoaded", function () {
    // After a server-side preview, take the reader to it, unless there are errors to fix first (site.js focuses those).
    // Only after a preview: focusing the heading on every load put the first Tab stop after the editor (the footer).
    var heading = document.querySelector("[data-focus-preview='true']");
    if (heading && !document.querySelector("[data-error-summary]")) { heading.focus(); }

    var form = document.querySelector("form[data-editor]");
    if (!form || !window.fetch || !window.AbortController) { return; }
    var source = form.querySelector("[data-preview-source]");
    var output = document.querySelector("[data-preview-output]");
    var token = form.querySelector("input[name='__RequestVerificationToken']");
    var languageSelect = form.querySelector("select[name='Language']");
    if (!source || !output || !token) { return; }

    var timer = null;
    var inFlight = null;
    var lastSent = null;

    function language() {
      return languageSelect ? languageSelect.value : (form.getAttribute("data-language") || "de");
    }

    function refresh() {
      var sent = language() + "\n" + source.value;
      if (sent === lastSent) { return; }
      lastSent = sent;
      if (inFlight) { inFlight.abort(); }
      inFlight = new AbortController();
      var data = new FormData();
      data.append("Kind", form.getAttribute("data-kind"));
      data.append("Language", language());
      data.append("Body", source.value);
      fetch("/author/preview", {
        method: "POST", body: data, credentials: "same-origin", signal: inFlight.signal,
        headers: { "RequestVerificationToken": token.value }
      })
        .then(function (response) {
          if (!response.ok) { throw new Error("preview " + response.status); }
          return response.text();
        })
        .then(function (html) { output.innerHTML = html; })
        .catch(function () {
          // Keep the last preview; the "Preview" button still works. Let the next pause try again.
          lastSent = null;
        });
    }

    // Wait until typing pauses, so the preview (and the screen reader's live region) is not updated on every key.
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    }

    source.addEventListener("input", schedule);
    if (languageSelect) { languageSelect.addEventListener("change", schedule); }
  });
})();
