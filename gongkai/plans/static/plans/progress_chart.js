// Draws the progress-by-section bar chart from the JSON the page embeds (json_script).
(function () {
  "use strict";
  var source = document.getElementById("progress-chart-data");
  var target = document.getElementById("progress-chart");
  if (!source || !target || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(target);
  chart.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: data.labels,
             axisLabel: { width: 220, overflow: "truncate" } },
    series: data.series.map(function (s) {
      return { name: s.name, type: "bar", data: s.data, barGap: 0 };
    })
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
