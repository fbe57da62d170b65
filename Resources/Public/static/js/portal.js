// Progressive enhancement only: every page works without this file.
// Idle-timeout warning (GOV.UK "timeout warning" pattern): shortly before the
// server ends an idle session, offer "stay signed in".
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-idle-seconds"), 10);
  var lead = parseInt(body.getAttribute("data-warning-seconds"), 10);
  var statusURL = body.getAttribute("data-status-url");
  var expiredURL = body.getAttribute("data-expired-url");
  var dialog = document.getElementById("timeout-warning");
  if (!idle || !lead || !statusURL || !dialog) { return; }
  var remainingLabel = document.getElementById("timeout-remaining");
  var extendForm = document.getElementById("timeout-extend");
  var countdown = null;
  var lastFocus = null;

  function schedule(seconds) {
    window.setTimeout(check, Math.max(1, seconds) * 1000);
  }

  function check() {
    fetch(statusURL, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.signedIn) { window.location.assign(expiredURL); return; }
        // "0 seconds left" can still mean a fraction of a second: leaving now
        // would be a request that renews the session. Ask again until the
        // server has ended it.
        if (status.remainingSeconds <= 0) { schedule(1); return; }
        if (status.remainingSeconds > lead) { hide(); schedule(status.remainingSeconds - lead); return; }
        show(status.remainingSeconds);
      })
      .catch(function () { schedule(30); });
  }

  // An application step's answers are saved as typed when the warning comes
  // up, so a session that runs out loses nothing (the step's own "save and
  // continue" is the only save without script).
  function autosave() {
    var form = document.querySelector("form[data-autosave-url]");
    if (!form) { return; }
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString()
    }).catch(function () { return null; });
  }

  function show(seconds) {
    var left = seconds;
    if (dialog.hidden) {
      autosave();
      lastFocus = document.activeElement;
      dialog.hidden = false;
      var button = dialog.querySelector("button");
      if (button) { button.focus(); }
    }
    remainingLabel.textContent = format(left);
    window.clearInterval(countdown);
    countdown = window.setInterval(function () {
      left -= 1;
      remainingLabel.textContent = format(left);
      if (left <= 0) { window.clearInterval(countdown); check(); }
    }, 1000);
  }

  function hide() {
    window.clearInterval(countdown);
    if (!dialog.hidden) {
      dialog.hidden = true;
      if (lastFocus && lastFocus.focus) { lastFocus.focus(); }
    }
  }

  function format(seconds) {
    var minutes = Math.floor(Math.max(0, seconds) / 60);
    var rest = Math.max(0, seconds) % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  extendForm.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(extendForm.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(extendForm)).toString()
    }).then(function (response) {
      if (!response.ok) { window.location.assign(expiredURL); return; }
      hide();
      schedule(idle - lead);
    });
  });

  schedule(idle - lead);
})();

// Registration status: while the matching runs, look every few seconds and
// reload the page when the state changes (the page also has a refresh link).
(function () {
  "use strict";
  var panel = document.querySelector("[data-status-url][data-current-state]");
  if (!panel) { return; }
  var current = panel.getAttribute("data-current-state");
  // Registrations wait in pending/review, certificates in queued/generating,
  // a sent application's PDF in filing.
  if (["pending", "review", "queued", "generating", "filing"].indexOf(current) < 0) { return; }
  var url = panel.getAttribute("data-status-url");
  window.setInterval(function () {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && status.state !== current) { window.location.reload(); }
      })
      .catch(function () { return null; });
  }, current === "review" ? 15000 : 2000);
})();
