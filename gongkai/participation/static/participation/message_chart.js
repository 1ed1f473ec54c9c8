// Draws the messages-per-month chart from the JSON the page embeds (json_script); the
// label of the total series comes from the chart box's data-total-label.
(function () {
  "use strict";
  var source = document.getElementById("message-chart-data");
  var box = document.getElementById("message-trend");
  if (!source || !box || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var series = [{ name: box.getAttribute("data-total-label") || "", type: "bar",
                  data: data.total }];
  data.topics.forEach(function (t) { series.push({ name: t.name, type: "line", data: t.data }); });
  echarts.init(box).setOption({
    tooltip: { trigger: "axis" }, legend: { top: 0 },
    xAxis: { type: "category", data: data.months }, yAxis: { type: "value", minInterval: 1 },
    series: series
  });
})();
