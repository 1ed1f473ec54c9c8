// The import preview: filters over the task rows, changed units marked, and a
// progress indicator while the one-transaction import runs.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("#filters input[data-filter]");
  function applyFilters() {
    var active = Array.prototype.filter.call(boxes, function (b) { return b.checked; })
      .map(function (b) { return b.getAttribute("data-filter"); });
    document.querySelectorAll("tr.task-row").forEach(function (row) {
      var shown = active.every(function (f) { return row.getAttribute("data-" + f) === "1"; });
      row.hidden = !shown;
    });
    document.querySelectorAll("#units-form section, #units-form table").forEach(function (el) {
      el.hidden = active.length > 0 && !el.querySelector("tr.task-row:not([hidden])");
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });

  document.querySelectorAll("#units-form textarea").forEach(function (area) {
    area.addEventListener("input", function () {
      var original = area.form.querySelector("input[name='" + area.name.replace("units-", "original-") + "']");
      area.classList.toggle("changed", original && original.value !== area.value);
    });
  });

  var confirm = document.getElementById("confirm-form");
  if (confirm) {
    confirm.addEventListener("submit", function () {
      var button = document.getElementById("confirm-button");
      if (button) { button.disabled = true; }
      document.getElementById("confirm-progress").hidden = false;
    });
  }
})();
