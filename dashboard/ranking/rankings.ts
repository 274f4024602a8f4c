import { type PublishedRanking, publishedRankings } from '../../db/ranking/dashboard-rankings.js';
import { type BlackReason, pts, signedPts, type VillageScore } from '../../domain/ranking/index.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import { chart } from '../items/charts.js';
import type { PageEnv } from '../page-env.js';
import { date } from '../pages/format.js';
import { layout } from '../pages/layout.js';

const BLACK_REASONS: Record<BlackReason, string> = {
  new: '本月新进黑榜',
  again: '仍未达标',
  observing: '已达标，观察期中',
  unranked: '数据不足，保留在榜',
};

/**
 * 红黑榜: the latest published month (or `?month=`), its red and black lists, every village's score with its
 * breakdown line by line, and links to past months. Before anything is published the page says the feature is not
 * live yet.
 */
export async function rankingsPage(env: PageEnv): Promise<Html> {
  const all = await publishedRankings(env.db);
  if (all.length === 0) {
    const body = html`<h1>红黑榜</h1>
<section class="panel" data-testid="rankings-unavailable">
<p class="note"><strong>红黑榜功能尚未上线。</strong>目前还没有经领导小组审定发布的榜单。</p>
<p>每月红黑榜发布后，本页将显示最新一期和往期榜单，以及每个村的得分明细。</p>
</section>`;
    return layout({ title: '红黑榜', viewer: env.viewer, active: 'rankings', body });
  }
  const wanted = env.url.searchParams.get('month');
  const shown = wanted ? all.find((r) => r.month === wanted) : all[0];
  if (!shown) throw new HttpError(404, `${wanted} 的红黑榜尚未发布`);
  const body = html`<h1>红黑榜 · ${shown.month} <small class="muted">发布于 ${date(shown.publishedAt)}，评分规则 ${shown.rule}</small></h1>
<nav class="filters">往期：${all.map((r) => (r === shown ? html`<strong>${r.month}</strong>` : html`<a href="/rankings?month=${r.month}">${r.month}</a>`))}</nav>
${lists(shown)}
<section class="panel"><h2>各村得分</h2>${chart('scores', '各村得分', scoresChart(shown), Math.max(260, 22 * shown.ranking.scores.length + 60))}</section>
<section class="panel"><h2>得分明细</h2>${breakdown(shown)}</section>`;
  return layout({ title: '红黑榜', viewer: env.viewer, active: 'rankings', body, charts: true });
}

function lists(r: PublishedRanking): Html {
  const { selection, texts } = r.ranking;
  const entry = (villageId: string, head: string) =>
    html`<li data-village="${villageId}"><strong>${head}</strong>${texts[villageId] ? html`<div class="tl-detail">${texts[villageId]}</div>` : ''}</li>`;
  return html`<div class="grid2">
<section class="panel" data-testid="red-list"><h2>红榜</h2><ol>${selection.red.map((s) => entry(s.villageId, `${s.name}　${pts(s.tenths)} 分`))}</ol></section>
<section class="panel" data-testid="black-list"><h2>黑榜</h2><ol>${selection.black.map((b) => entry(b.villageId, `${b.name}　${pts(b.tenths)} 分（${BLACK_REASONS[b.reason]}）`))}</ol>
${selection.exited.length ? html`<p class="hint">本月移出黑榜：${selection.exited.map((e) => e.name).join('、')}</p>` : ''}</section>
</div>`;
}

function sorted(r: PublishedRanking): VillageScore[] {
  return [...r.ranking.scores].sort((a, b) => b.tenths - a.tenths || (a.name < b.name ? -1 : 1));
}

function breakdown(r: PublishedRanking): Html {
  return html`${sorted(r).map(
    (
      s,
    ) => html`<details data-village="${s.villageId}"><summary>${s.name}　<strong>${pts(s.tenths)}</strong> 分${s.ranked ? '' : '（不参与排名）'}</summary>
<div class="table-wrap"><table><thead><tr><th>项目</th><th>说明</th><th class="num">得分</th></tr></thead>
<tbody>${s.lines.map((l) => html`<tr><td>${l.label}</td><td>${l.detail}</td><td class="num">${signedPts(l.tenths)}</td></tr>`)}</tbody></table></div>
</details>`,
  )}`;
}

function scoresChart(r: PublishedRanking): object {
  const red = new Set(r.ranking.selection.red.map((s) => s.villageId));
  const black = new Set(r.ranking.selection.black.map((s) => s.villageId));
  const rows = sorted(r);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', inverse: true, data: rows.map((s) => s.name) },
    series: [
      {
        type: 'bar',
        name: '得分',
        data: rows.map((s) => ({
          value: s.tenths / 10,
          itemStyle: { color: red.has(s.villageId) ? '#d83931' : black.has(s.villageId) ? '#1f2329' : '#8f959e' },
        })),
      },
    ],
  };
}
