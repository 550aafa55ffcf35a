// Autosave for the quiz page. Progressive enhancement: without this file the "Save answers" button does the same.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave]");
    if (!form || !window.fetch || !window.FormData) { return; }
    var status = form.querySelector("[data-autosave-status]");
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    var timer = null;
    var inFlight = false;
    var again = false;

    function show(text) { if (status && text) { status.textContent = text; } }

    // One save at a time, always of the whole form, so answers can never arrive out of order.
    function save() {
      if (inFlight) { again = true; return; }
      inFlight = true;
      show(form.getAttribute("data-saving-text"));
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Autosave": "1", "Accept": "application/json", "RequestVerificationToken": token ? token.value : "" }
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          show(body.message || (response.ok ? "" : form.getAttribute("data-failed-text")));
        });
      }).catch(function () {
        show(form.getAttribute("data-failed-text"));
      }).then(function () {
        inFlight = false;
        if (again) { again = false; save(); }
      });
    }

    function schedule(delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, delay);
    }

    form.addEventListener("change", function () { schedule(250); });
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[type=text], textarea")) { schedule(1500); }
    });
    form.addEventListener("submit", function () { window.clearTimeout(timer); });
  });
})();
