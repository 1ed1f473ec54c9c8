// Behaviour the templates ask for with data attributes, so no page needs inline script
// (the Content-Security-Policy allows scripts from this site's static files only).
(function () {
  "use strict";
  // <select data-autosubmit>: choosing a value submits its form.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("[data-autosubmit]") && field.form) {
      field.form.submit();
    }
  });
  // <button data-print>: prints the page.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
  });
  // data-confirm="…" on a submit button (or on its form): the browser asks first, and
  // nothing is sent unless the person agrees. Every delete button carries one; the
  // server does not depend on it (a request sent without asking is still checked).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute("data-confirm")) ||
      (form.getAttribute && form.getAttribute("data-confirm"));
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // <form data-keep-draft="name">: on a page with several forms, sending one of them
  // (an upload, another step) reloads the page and would drop what was typed in the
  // others. Each such form's text is kept in this tab's sessionStorage while it is typed
  // and put back after the reload; sending the form itself forgets its draft. A draft is
  // put back only over the value it was typed over, never over newer saved text.
  var DRAFT_PREFIX = "gongkai-draft:" + location.pathname + ":";
  function draftFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
        (el.tagName === "INPUT" && /^(text|url|email|tel|number|date|search)$/.test(el.type)));
    });
  }
  function defaultOf(el) {
    if (el.tagName === "SELECT") {
      var chosen = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; });
      return chosen.length ? chosen[0].value : (el.options[0] ? el.options[0].value : "");
    }
    return el.defaultValue;
  }
  function saveDraft(form) {
    var fields = {};
    draftFields(form).forEach(function (el) {
      if (el.value !== defaultOf(el)) { fields[el.name] = {base: defaultOf(el), value: el.value}; }
    });
    var key = DRAFT_PREFIX + form.getAttribute("data-keep-draft");
    try {
      if (Object.keys(fields).length) { sessionStorage.setItem(key, JSON.stringify(fields)); }
      else { sessionStorage.removeItem(key); }
    } catch (e) { /* storage full or refused: the page works as before */ }
  }
  function restoreDrafts() {
    document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
      var key = DRAFT_PREFIX + form.getAttribute("data-keep-draft");
      var stored;
      try { stored = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { stored = null; }
      if (!stored) { return; }
      var restored = false;
      draftFields(form).forEach(function (el) {
        var draft = stored[el.name];
        if (draft && el.value === draft.base && draft.value !== draft.base) {
          el.value = draft.value;
          restored = true;
        }
      });
      if (restored && !form.querySelector(".draft-restored")) {
        var note = document.createElement("p");
        note.className = "draft-restored muted";
        note.setAttribute("role", "status");
        note.textContent = form.getAttribute("data-draft-note") || "已恢复尚未保存的内容。";
        form.insertBefore(note, form.firstChild);
      }
    });
  }
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-keep-draft")) { saveDraft(form); }
  });
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-keep-draft")) { saveDraft(form); }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!event.defaultPrevented && form.hasAttribute && form.hasAttribute("data-keep-draft")) {
      try { sessionStorage.removeItem(DRAFT_PREFIX + form.getAttribute("data-keep-draft")); }
      catch (e) { /* nothing stored */ }
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restoreDrafts);
  } else {
    restoreDrafts();
  }
  // <button data-check-all="name"> / <button data-check-none="name">: tick or clear
  // every enabled checkbox of that name in the button's form (the rows of this page).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-check-all],[data-check-none]");
    if (!button) { return; }
    var all = button.hasAttribute("data-check-all");
    var name = button.getAttribute(all ? "data-check-all" : "data-check-none");
    var scope = button.form || document;
    scope.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
      if (!box.disabled) { box.checked = all; }
    });
  });
  // <form data-submit-once>: the button is disabled once the form is sent; the
  // one-time key makes a second send harmless anyway, this only saves a confusing wait.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("[data-submit-once]")) {
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
    }
  });
})();
