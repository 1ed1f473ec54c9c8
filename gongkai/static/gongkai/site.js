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
