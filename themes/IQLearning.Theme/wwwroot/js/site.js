// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // After a failed submit, take keyboard and screen-reader users to the list of errors.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  });
})();

// Reflow (WCAG 1.4.10, 2.1.1): a table region that has to scroll sideways (narrow screen, high zoom) becomes a
// named region in the Tab order, so keyboard users can scroll it too; one that fits stays out of the Tab order.
(function () {
  "use strict";
  function label(region) {
    var caption = region.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    for (var e = region.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-6]$/.test(e.tagName)) { return e.textContent.trim(); }
    }
    var heading = document.querySelector("h1");
    return heading ? heading.textContent.trim() : document.title;
  }
  function update() {
    document.querySelectorAll(".table-scroll, .table-wrapper").forEach(function (region) {
      if (region.hasAttribute("data-static-region")) { return; }
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      var managed = region.hasAttribute("data-scroll-region");
      if (region.getAttribute("tabindex") !== null && !managed) { region.setAttribute("data-static-region", ""); return; }
      if (scrolls && !managed) {
        region.setAttribute("data-scroll-region", "");
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        if (!region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby")) { region.setAttribute("aria-label", label(region)); }
      } else if (!scrolls && managed) {
        ["data-scroll-region", "tabindex", "role", "aria-label"].forEach(function (name) { region.removeAttribute(name); });
      }
    });
  }
  document.addEventListener("DOMContentLoaded", update);
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
})();

// Accounts: session timeout warning (WCAG 2.2.1 Timing Adjustable). Two minutes before the sign-in ends, an alert
// with an "extend" button appears; extending POSTs to /account/keep-alive with the antiforgery token in a header.
// The server sends the seconds left, so a wrong clock on the computer does not matter.
(function () {
  "use strict";
  var WARN_BEFORE_MS = 2 * 60 * 1000;
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    var expiresAttribute = body.getAttribute("data-session-expires");
    var box = document.querySelector("[data-session-warning]");
    if (!expiresAttribute || !box) { return; }
    var message = box.querySelector("[data-session-message]");
    var warningText = box.querySelector("[data-session-warning-text]").textContent;
    var button = box.querySelector("[data-session-extend]");
    var tokenInput = document.querySelector("input[name=__RequestVerificationToken]");
    var warnTimer = null, endTimer = null;

    function schedule(remaining) {
      clearTimeout(warnTimer); clearTimeout(endTimer);
      warnTimer = setTimeout(showWarning, Math.max(0, remaining - WARN_BEFORE_MS));
      endTimer = setTimeout(showExpired, Math.max(0, remaining));
    }
    function showWarning() {
      button.hidden = false;
      box.hidden = false;
      message.textContent = warningText;
    }
    function showExpired() {
      button.hidden = true;
      box.hidden = false;
      message.textContent = message.getAttribute("data-expired-text");
    }
    function extend() {
      button.disabled = true;
      fetch(body.getAttribute("data-keep-alive"), {
        method: "POST", credentials: "same-origin", redirect: "manual",
        headers: { "RequestVerificationToken": tokenInput ? tokenInput.value : "", "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("keep-alive " + response.status); }
        return response.json();
      }).then(function (data) {
        body.setAttribute("data-session-expires", data.expires);
        body.setAttribute("data-session-seconds", data.seconds);
        schedule(data.seconds * 1000);
        box.hidden = true;
        message.textContent = "";
        announce(message.getAttribute("data-extended-text"));
      }).catch(showExpired).then(function () { button.disabled = false; });
    }
    // A polite status outside the hidden box tells screen-reader users the extension worked.
    function announce(text) {
      var status = document.querySelector("[data-session-status]");
      if (!status) {
        status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("data-session-status", "");
        body.appendChild(status);
      }
      status.textContent = text;
    }

    button.addEventListener("click", extend);
    // Seconds left as the server counted them when rendering; the page loaded moments later, close enough.
    var seconds = parseInt(body.getAttribute("data-session-seconds"), 10);
    schedule(isNaN(seconds) ? Date.parse(expiresAttribute) - Date.now() : seconds * 1000);
  });
})();
