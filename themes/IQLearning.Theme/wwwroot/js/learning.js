// Time on task for the lesson player. Progressive enhancement: without this file the lesson works, only untimed.
// Beats every 30 s while the page is visible (Page Visibility API); the server measures the time between beats
// itself and caps it, so this script sends no interval, only the antiforgery token in a header.
(function () {
  "use strict";
  var INTERVAL_MS = 30000;
  var form = document.getElementById("lesson-heartbeat");
  if (!form || !window.fetch) { return; }
  var tokenField = form.querySelector("input[name='__RequestVerificationToken']");
  if (!tokenField) { return; }
  var timer = null;

  function beat() {
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "RequestVerificationToken": tokenField.value },
      keepalive: true
    }).catch(function () { /* a lost beat only loses a little time on task */ });
  }

  function start() {
    if (timer === null) { timer = window.setInterval(beat, INTERVAL_MS); }
  }

  function stop() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { start(); } else { stop(); }
  });
  // No beat on load: the server would count the time since the last visit's beat (capped) as time on task.
  if (document.visibilityState === "visible") { start(); }
})();
