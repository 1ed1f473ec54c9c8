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
