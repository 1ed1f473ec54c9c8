// The public site's reading aids, and the CSRF token for htmx on anonymous pages.
// Loaded in <head> without defer so the remembered text size and elder mode apply
// before the first paint (no inline script: the Content-Security-Policy forbids it).
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "gongkai.textSize", ELDER_KEY = "gongkai.elder";
  var MIN = -1, MAX = 3;

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function applySize(size) {
    size = Math.max(MIN, Math.min(MAX, size | 0));
    if (size === 0) { root.removeAttribute("data-text-size"); }
    else { root.setAttribute("data-text-size", String(size)); }
    return size;
  }
  function applyElder(on) {
    root.classList.toggle("elder", on);
    var buttons = document.querySelectorAll("[data-elder-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  var size = applySize(parseInt(load(SIZE_KEY) || "0", 10));
  var elder = load(ELDER_KEY) === "1";
  applyElder(elder);

  document.addEventListener("DOMContentLoaded", function () { applyElder(elder); });
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-text-size],[data-elder-toggle]");
    if (!target) { return; }
    if (target.hasAttribute("data-elder-toggle")) {
      elder = !elder;
      save(ELDER_KEY, elder ? "1" : "0");
      applyElder(elder);
      return;
    }
    var step = parseInt(target.getAttribute("data-text-size"), 10);
    size = applySize(step === 0 ? 0 : size + step);
    save(SIZE_KEY, String(size));
  });

  // Signed-in pages put the token on <body hx-headers>; anonymous pages carry it only
  // where a form needs it (a hidden field, and the cookie it sets).
  document.addEventListener("htmx:configRequest", function (event) {
    var headers = event.detail.headers;
    if (headers["X-CSRFToken"]) { return; }
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    var token = field ? field.value : (match ? match[1] : "");
    if (token) { headers["X-CSRFToken"] = token; }
  });
})();
