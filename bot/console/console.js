// The call page saves what the handler types to the server as they type (at most every 20
// seconds), so the session stays alive while the call goes on and nothing typed is lost to a
// closed tab or a lapsed session. Without this script the page works the same: every button
// sends everything typed.
"use strict";
(function () {
  var form = document.querySelector("form[data-draft]");
  if (!form) return;
  var WAIT_MS = 20000;
  var timer = null;
  function save() {
    timer = null;
    var fields = new FormData(form);
    fields.append("saved_by", "script");
    fetch(form.getAttribute("data-draft"), {
      method: "POST", body: new URLSearchParams(fields), credentials: "same-origin",
      redirect: "manual",
    }).catch(function () { /* offline: the next change tries again */ });
  }
  function changed() {
    if (timer === null) timer = window.setTimeout(save, WAIT_MS);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
