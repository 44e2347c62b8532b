// Live chat pages: new messages and changes arrive by server-sent events, without reloading.
// The conversation's log is a role="log" region, so screen readers read each new message; the
// status line says when someone else takes or ends the conversation. A reply is sent without
// leaving the page, and the box keeps focus. Without this script every form still works.
"use strict";
(function () {
  var source = document.querySelector("[data-live-events]");
  var status = document.getElementById("live-status");
  if (!source || !window.EventSource) return;
  var events = new EventSource(source.getAttribute("data-live-events"));
  var STATUS = {
    waiting: function () { return "Waiting for a person."; },
    picked_up: function (by) { return "Taken by " + by + "."; },
    handed_back: function () { return "Handed back to the assistant."; },
    closed: function () { return "Closed."; },
  };

  events.addEventListener("queue", function (event) {
    var queue = document.getElementById("live-queue");
    queue.innerHTML = JSON.parse(event.data).html; // rendered and escaped by the server
    var summary = queue.querySelector(".live-summary");
    if (summary && status.getAttribute("data-said") !== summary.textContent) {
      if (status.hasAttribute("data-said")) status.textContent = summary.textContent;
      status.setAttribute("data-said", summary.textContent);
    }
  });

  events.addEventListener("message", function (event) {
    var message = JSON.parse(event.data);
    var log = document.getElementById("live-log");
    if (log.querySelector('[data-seq="' + message.seq + '"]')) return;
    var item = document.createElement("li");
    item.className = "from-" + message.sender;
    item.setAttribute("data-seq", String(message.seq));
    var who = document.createElement("p");
    who.className = "who";
    who.textContent = message.who;
    var said = document.createElement("p");
    said.className = "said";
    said.textContent = message.text;
    item.append(who, said);
    log.append(item);
  });

  events.addEventListener("status", function (event) {
    var now = JSON.parse(event.data);
    var key = now.status + ":" + (now.taken_by || "") + ":" + now.urgent.join(", ");
    if (key === status.getAttribute("data-status")) return;
    status.setAttribute("data-status", key);
    var urgent = now.urgent.length ? "Urgent: " + now.urgent.join(", ") + ". " : "";
    status.textContent = urgent + STATUS[now.status](now.taken_by) +
      " Reload the page to see everything.";
  });

  var form = document.querySelector("form[data-live-reply]");
  if (!form) return;
  var box = form.querySelector("textarea");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var fields = new FormData(form);
    fields.append("sent_by", "script");
    fetch(form.action, {
      method: "POST", body: new URLSearchParams(fields), credentials: "same-origin",
      redirect: "manual",
    }).then(function (response) {
      if (response.status !== 204) throw new Error(String(response.status));
      box.value = "";
      box.focus();
    }).catch(function () {
      status.textContent = "Your reply was not sent. It is still in the box: send it again.";
    });
  });
})();
