// The editor's desk: live updates over Server-Sent Events, without ever overwriting what the editor is typing,
// and unsaved forms kept across a language switch. Every text shown comes from the page (data-msg-* attributes,
// which come from the catalog): this file holds no words of its own.
(function () {
  "use strict";
  var body = document.body;
  if (!body) { return; }

  // A form field the editor has typed into (or is in).
  function isDirtyField(field) {
    if (field.type === "hidden" || field.type === "submit" || field.type === "button" || field.type === "file") {
      return false;
    }
    if (field.tagName === "SELECT") {
      // Without a `selected` attribute the first option is the default one.
      var initial = 0;
      for (var i = 0; i < field.options.length; i++) {
        if (field.options[i].defaultSelected) { initial = i; break; }
      }
      return field.selectedIndex !== initial;
    }
    if (field.type === "checkbox" || field.type === "radio") { return field.checked !== field.defaultChecked; }
    return field.value !== field.defaultValue;
  }

  // Whether an element holds work in progress: a focused field, a changed field, or an open form.
  function isBusy(element) {
    var active = document.activeElement;
    if (active && element.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) { return true; }
    var fields = element.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) { if (isDirtyField(fields[i])) { return true; } }
    if (element.querySelector("details[open]")) { return true; }
    if (element.querySelector("form[data-edit-form]")) { return true; }
    return false;
  }

  // Beside an edit form the editor is using, show another editor's newer version of the same fields.
  function showRemoteChange(currentForm, freshForm) {
    var names = ["base_title", "base_paragraphs"];
    var changed = [];
    names.forEach(function (name) {
      var mine = currentForm.querySelector("input[name='" + name + "']");
      var theirs = freshForm.querySelector("input[name='" + name + "']");
      if (mine && theirs && mine.value !== theirs.value) { changed.push(theirs.value); }
    });
    var notice = currentForm.querySelector(".remote-change-box");
    if (changed.length === 0) { return; }
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "remote-change-box";
      notice.setAttribute("role", "status");
      var heading = document.createElement("p");
      heading.className = "alert";
      heading.textContent = body.getAttribute("data-msg-remote-change") || "";
      notice.appendChild(heading);
      var text = document.createElement("div");
      text.className = "remote-change";
      text.setAttribute("aria-label", body.getAttribute("data-msg-remote-title") || "");
      notice.appendChild(text);
      currentForm.insertBefore(notice, currentForm.firstChild.nextSibling);
    }
    notice.querySelector(".remote-change").textContent = changed.join("\n\n");
  }

  // Brings `current` up to date with `fresh`, leaving alone anything the editor is working in.
  function update(current, fresh) {
    if (!isBusy(current)) {
      if (current.innerHTML !== fresh.innerHTML) { current.innerHTML = fresh.innerHTML; }
      return;
    }
    var form = current.querySelector("form[data-edit-form]");
    if (form) {
      var freshForm = fresh.querySelector("form[data-edit-form='" + form.getAttribute("data-edit-form") + "']");
      if (freshForm) { showRemoteChange(form, freshForm); }
    }
    var parts = fresh.querySelectorAll("[data-live]");
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var mine = document.getElementById(part.id);
      if (mine && mine !== current && current.contains(mine) && !hasLiveAncestorWithin(part, fresh)) {
        update(mine, part);
      }
    }
  }

  // Whether `node` is nested in another live region inside `root` (those are updated by their own region).
  function hasLiveAncestorWithin(node, root) {
    var parent = node.parentElement;
    while (parent && parent !== root) {
      if (parent.hasAttribute("data-live")) { return true; }
      parent = parent.parentElement;
    }
    return false;
  }

  var refreshing = false;
  var again = false;
  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(location.pathname + location.search, { credentials: "same-origin", headers: { "X-Desk-Live": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var status = document.getElementById("sync-status");
        var freshStatus = fresh.getElementById("sync-status");
        if (status && freshStatus && status.textContent !== freshStatus.textContent) {
          status.innerHTML = freshStatus.innerHTML;
        }
        var count = document.querySelector(".desk-nav");
        var freshCount = fresh.querySelector(".desk-nav");
        if (count && freshCount && count.innerHTML !== freshCount.innerHTML) { count.innerHTML = freshCount.innerHTML; }
        var main = document.querySelector("main [data-live]");
        var freshMain = main ? fresh.getElementById(main.id) : null;
        if (main && freshMain) { update(main, freshMain); }
        body.setAttribute("data-live-version", String(Date.now()));
      })
      .catch(function () { /* offline or stopping: the next event tries again */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  if (window.EventSource && body.getAttribute("data-live-events")) {
    var source = new EventSource(body.getAttribute("data-live-events"));
    source.addEventListener("change", refresh);
    source.addEventListener("hello", function () { body.setAttribute("data-live-ready", "true"); });
  }

  // Keep unsaved forms across a language switch (the page reloads in the other language).
  var storageKey = "bulletin-desk-unsaved";
  var languageForm = document.getElementById("lang-switch");
  if (languageForm) {
    languageForm.addEventListener("submit", function () {
      var saved = [];
      var fields = document.querySelectorAll("main form[id] input, main form[id] textarea, main form[id] select");
      for (var i = 0; i < fields.length; i++) {
        if (fields[i].name && isDirtyField(fields[i])) {
          saved.push({ form: fields[i].form.id, name: fields[i].name, value: fields[i].value });
        }
      }
      try {
        sessionStorage.setItem(storageKey, JSON.stringify({ path: location.pathname + location.search, fields: saved }));
      } catch (e) { /* storage unavailable: nothing to keep */ }
    });
  }
  try {
    var kept = JSON.parse(sessionStorage.getItem(storageKey) || "null");
    sessionStorage.removeItem(storageKey);
    if (kept && kept.path === location.pathname + location.search) {
      kept.fields.forEach(function (entry) {
        var form = document.getElementById(entry.form);
        if (!form || !form.elements[entry.name]) { return; }
        form.elements[entry.name].value = entry.value;
        var details = form.closest("details");
        if (details) { details.open = true; }
      });
    }
  } catch (e) { /* nothing kept */ }
})();
