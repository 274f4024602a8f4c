import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { monthLabel, type Ranking } from '../../domain/ranking/index.js';

/** Debian's fonts-wqy-zenhei: resvg draws text only with fonts it is given, and the labels are Chinese. */
const FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const FONT = 'WenQuanYi Zen Hei';

const RED = '#d93026';
const BLACK = '#262626';
const OTHER = '#9fb3d1';

/**
 * The published list's chart: every ranked village's score, best first, red-list bars red and black-list bars
 * black, with the two score lines marked. Rendered on the server (echarts SSR to SVG, resvg to PNG) because a Lark
 * card can only show an uploaded image.
 */
export async function renderRankingChart(
  ranking: Ranking,
  lines: { redMin: number; blackBelow: number },
): Promise<Buffer> {
  const { standings, red, black } = ranking.selection;
  const redIds = new Set(red.map((s) => s.villageId));
  const blackIds = new Set(black.map((s) => s.villageId));
  const width = 900;
  const height = 130 + standings.length * 34;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: {
      text: `${monthLabel(ranking.month)} 各村（社区）得分`,
      subtext: '红色为红榜，黑色为黑榜；虚线为红榜、黑榜分数线',
      left: 'center',
      textStyle: { fontFamily: FONT, fontSize: 24 },
      subtextStyle: { fontFamily: FONT, fontSize: 15 },
    },
    grid: { left: 190, right: 70, top: 90, bottom: 36 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontFamily: FONT, fontSize: 15 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: standings.map((s) => s.name),
      axisLabel: { fontFamily: FONT, fontSize: 17, color: '#333333' },
    },
    series: [
      {
        type: 'bar',
        barWidth: 20,
        data: standings.map((s) => ({
          value: s.tenths / 10,
          itemStyle: { color: redIds.has(s.villageId) ? RED : blackIds.has(s.villageId) ? BLACK : OTHER },
        })),
        label: {
          show: true,
          position: 'right',
          fontFamily: FONT,
          fontSize: 16,
          formatter: (p: { value: number }) => p.value.toFixed(1),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { fontFamily: FONT, fontSize: 14, formatter: '{c}' },
          data: [
            { xAxis: lines.redMin, lineStyle: { color: RED, type: 'dashed' } },
            { xAxis: lines.blackBelow, lineStyle: { color: BLACK, type: 'dashed' } },
          ],
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Off the event loop (libuv's pool): parsing the CJK font takes most of a second, and the worker shares its
  // process with the bot's webhook in dev mode, which must answer Lark within 3 s.
  const image = await renderAsync(svg, {
    background: '#ffffff',
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT },
  });
  return image.asPng();
}
