// The ECharts build the platform serves: only the chart types and components its pages
// draw with, registered on the global `echarts` the page scripts call (echarts.init).
// Built by `make static` with esbuild into build/echarts/ (see the Makefile); a chart of
// a new type, or a new component (dataZoom, markLine …), must be added here.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendPlainComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent,
             CanvasRenderer]);
window.echarts = echarts;
