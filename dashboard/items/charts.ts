import type { LightCounts, SummaryRow } from '../../domain/items/summary.js';
import type { TrendPoint } from '../../domain/items/trend.js';
import { type Html, html, jsonScript } from '../html.js';

/**
 * ECharts options built from the data on the server; the browser only draws them (public/app.js). Charts show
 * what people would rather look at than read: the light distribution and the monthly trend.
 */
const COLORS = { red: '#d83931', yellow: '#f0a020', green: '#2ea121', blue: '#3370ff', grey: '#8f959e' };

/** The height goes in a data attribute (app.js applies it): the CSP allows no inline style attribute. */
export function chart(id: string, label: string, option: object, height = 300): Html {
  return html`<div class="chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${label}" data-height="${height}"></div>
${jsonScript(`chart-option-${id}`, option)}`;
}

export function lightsPie(lights: LightCounts): object {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{b}\n{c}' },
        data: [
          { name: '红灯', value: lights.red, itemStyle: { color: COLORS.red } },
          { name: '黄灯', value: lights.yellow, itemStyle: { color: COLORS.yellow } },
          { name: '绿灯', value: lights.green, itemStyle: { color: COLORS.green } },
        ],
      },
    ],
  };
}

export function lightsByRow(rows: readonly SummaryRow[]): object {
  const names = rows.map((r) => r.name);
  const series = (['red', 'yellow', 'green'] as const).map((light) => ({
    name: { red: '红灯', yellow: '黄灯', green: '绿灯' }[light],
    type: 'bar',
    stack: 'lights',
    itemStyle: { color: COLORS[light] },
    data: rows.map((r) => r.lights[light]),
  }));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series,
  };
}

export function trendOption(points: readonly TrendPoint[]): object {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: [
      { type: 'value', name: '事项', minInterval: 1 },
      { type: 'value', name: '按时率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '新交办', type: 'bar', itemStyle: { color: COLORS.blue }, data: points.map((p) => p.created) },
      { name: '办结', type: 'bar', itemStyle: { color: COLORS.green }, data: points.map((p) => p.done) },
      { name: '逾期', type: 'bar', itemStyle: { color: COLORS.red }, data: points.map((p) => p.late) },
      {
        name: '按时办结率',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        itemStyle: { color: COLORS.yellow },
        data: points.map((p) => p.onTimeRate),
      },
    ],
  };
}
