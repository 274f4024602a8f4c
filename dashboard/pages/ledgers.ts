import { loadLoanFigures } from '../../app/loans/figures.js';
import { allProjectStates } from '../../db/repositories/projects.js';
import type { AccessScope } from '../../domain/access.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { type CollectionFigures, formatWan, isMonth } from '../../domain/loans/index.js';
import {
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  type ProjectState,
  projectFigures,
  projectLight,
  totalFunds,
} from '../../domain/projects/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { lightBadge } from './format.js';
import { layout } from './layout.js';

const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(2)}%`);

/**
 * 专项台账: the 小额信贷 month (collection per township, the year's 新增贷款 against 序时进度) and the 衔接资金
 * projects (figures as the half-year report words them, each project's light against 序时进度). County-wide viewers
 * see the county; a township's leaders see their township's rows; everyone else sees nothing here.
 */
export async function ledgersPage(env: PageEnv): Promise<Html> {
  const month = env.url.searchParams.get('month') ?? localDate(env.now).slice(0, 7);
  if (!isMonth(month)) throw new HttpError(400, `月份格式应为 YYYY-MM：${month}`);
  const visible = townshipFilter(env.viewer.scope);
  const cal = await env.calendar();
  const today = localDate(env.now);
  const loans = await loadLoanFigures(env.db, month, cal, today);
  const projects = (await allProjectStates(env.db)).filter(
    (p) => visible(p.project.townshipId) || visible(p.project.unitId),
  );
  const body = html`<h1>专项台账</h1>
${loanPanel(month, loans, visible)}
${projectPanel(projects, cal, env.now, new Map(env.viewer.units.map((u) => [u.id, u.name])))}`;
  return layout({ title: '专项台账', viewer: env.viewer, active: 'ledgers', body });
}

/** County-wide scopes (all, or a 分管 domain) see every township; unit leaders their own subtree. */
function townshipFilter(scope: AccessScope): (unitId: string) => boolean {
  if (scope.all || scope.domains.length > 0) return () => true;
  return (unitId) => scope.unitIds.includes(unitId);
}

function loanPanel(
  month: string,
  f: Awaited<ReturnType<typeof loadLoanFigures>>,
  visible: (unitId: string) => boolean,
): Html {
  const rows = f.collection.townships.filter((t) => visible(t.townshipId));
  const countyWide = rows.length === f.collection.townships.length;
  const cells = (x: CollectionFigures) =>
    html`<td class="num">${x.dueCount}</td><td class="num">${formatWan(x.dueFen)}</td><td class="num">${formatWan(x.collectedFen)}</td>
<td class="num">${x.overdueCount}</td><td class="num">${formatWan(x.overdueFen)}</td><td class="num">${pct(x.rate)}</td>`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return html`<section class="panel" data-testid="loan-figures">
<h2>小额信贷 · ${y}年${m}月回收情况 <small class="muted">截至 ${f.collection.asOf}，金额单位：万元</small></h2>
<nav class="filters"><a href="/ledgers?month=${prev}">上月</a> <a href="/ledgers?month=${next}">下月</a></nav>
<div class="table-wrap"><table class="summary">
<tr><th>乡镇（街道）</th><th class="num">到期笔数</th><th class="num">到期金额</th><th class="num">已收回</th><th class="num">逾期笔数</th><th class="num">逾期金额</th><th class="num">回收率</th></tr>
${rows.map((t) => html`<tr data-township="${t.townshipId}"><th scope="row">${t.townshipName}</th>${cells(t)}</tr>`)}
${countyWide ? html`<tr class="total" data-township="total"><th scope="row">合计</th>${cells(f.collection.total)}</tr>` : ''}
</table></div>
${
  countyWide
    ? html`<p data-testid="loan-target">${f.year}年新增贷款 ${f.issued.households} 户 ${f.issued.count} 笔 ${formatWan(f.issued.amountFen)} 万元${
        f.target
          ? html`；年度任务 ${formatWan(f.target.targetFen)} 万元，${f.target.summary} ${lightBadge(f.target.light)}`
          : '（未设定年度任务）'
      }</p>`
    : ''
}
</section>`;
}

function projectPanel(list: ProjectState[], cal: CalendarData, now: string, names: Map<string, string>): Html {
  if (list.length === 0) {
    return html`<section class="panel" data-testid="project-figures"><h2>衔接资金项目</h2><p class="muted">暂无可见的项目。</p></section>`;
  }
  // Lights are read live: the latest reported progress against 序时进度 today, as the monthly report would set it.
  const rows = list.map((p) => ({ p, live: projectLight(cal, p.project, p.progress, now) }));
  const f = projectFigures(
    rows.map(({ p, live }) => ({
      project: p.project,
      started: p.progress.started,
      paidFen: p.progress.paidFen,
      light: live.light,
    })),
  );
  const sources = FUND_SOURCES.filter((s) => f.funds[s] > 0);
  return html`<section class="panel" data-testid="project-figures">
<h2>衔接资金项目 <small class="muted">金额单位：万元</small></h2>
<ul class="facts">
<li data-k="funds">衔接资金 ${formatWan(f.funds.total)} 万元，安排项目 ${f.count} 个，开工 ${f.startedCount} 个，开工率 ${pct(f.startedRate)}</li>
<li data-k="industry">产业项目 ${f.industryCount} 个，产业资金占 ${pct(f.industryShare.total)}（${sources.map((s) => `${FUND_SOURCE_LABELS[s]} ${pct(f.industryShare[s])}`).join('，')}）</li>
<li data-k="paid">已拨付 ${formatWan(f.paidFen)} 万元，支付进度 ${pct(f.paidRate)}</li>
<li data-k="lights">绿灯 ${f.lights.green} 个，黄灯 ${f.lights.yellow} 个，红灯 ${f.lights.red} 个</li>
</ul>
<div class="table-wrap"><table class="summary">
<tr><th>项目</th><th>责任单位</th><th class="num">资金</th><th class="num">已支付</th><th class="num">完成进度</th><th class="num">序时进度</th><th>灯</th><th>调整程序</th></tr>
${rows.map(({ p, live }) => {
  const adjustment = p.adjustment?.itemId
    ? html`<a href="/items/${p.adjustment.itemId}">${p.adjustment.itemId}</a>`
    : html`<span class="muted">—</span>`;
  return html`<tr data-project="${p.project.id}"><th scope="row">${p.project.name}<br><small class="muted">${p.project.id}${p.progress.started ? '' : '　未开工'}</small></th>
<td>${names.get(p.project.unitId) ?? p.project.unitId}</td><td class="num">${formatWan(totalFunds(p.project))}</td><td class="num">${formatWan(p.progress.paidFen)}</td>
<td class="num">${p.progress.percent}%</td><td class="num">${live.plannedPercent}%</td><td>${lightBadge(live.light, live.reasons.join('；'))}</td><td>${adjustment}</td></tr>`;
})}
</table></div>
</section>`;
}
