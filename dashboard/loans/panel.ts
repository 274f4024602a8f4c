import { type CollectionFigures, formatWan } from '../../domain/loans/index.js';
import type { LedgerVisibility } from '../../domain/org/access.js';
import type { LoanFigures } from '../../services/loans/figures.js';
import { type Html, html } from '../html.js';
import { lightBadge, pct } from '../pages/format.js';

/** 小额信贷: the month's collection per township; the year's 新增贷款 against 序时进度 for county-wide viewers. */
export function loanPanel(month: string, f: LoanFigures, visible: LedgerVisibility): Html {
  const rows = f.collection.townships.filter((t) => visible.unit(t.townshipId));
  const countyWide = visible.countyWide;
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
