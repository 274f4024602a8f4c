import { isMonth } from '../../domain/month.js';
import { ledgerVisibility, mayImportItems } from '../../domain/org/access.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { LedgerPanel } from '../ledger-panel.js';
import type { PageEnv } from '../page-env.js';
import { layout } from './layout.js';

/**
 * 专项台账: the seed's supervision lines beside the item ledger — the 小额信贷 month, the 衔接资金 projects against
 * 序时进度, the campaigns' roll-ups, the monitoring cadences and the cross-check rounds. County-wide viewers see the county; a unit's leaders
 * see their own rows; everyone else sees what they issued. Each line's feature brings its panel (app/features).
 */
export function ledgersPage(panels: readonly LedgerPanel[]): (env: PageEnv) => Promise<Html> {
  return async (env) => {
    const month = env.url.searchParams.get('month') ?? localDate(env.now).slice(0, 7);
    if (!isMonth(month)) throw new HttpError(400, `月份格式应为 YYYY-MM：${month}`);
    const visible = ledgerVisibility(env.viewer.scope);
    const ctx = {
      env,
      month,
      calendar: await env.calendar(),
      visible,
      unitNames: new Map(env.viewer.units.map((u) => [u.id, u.name])),
      mayAdminister: mayImportItems(env.viewer.scope),
    };
    const sections = await Promise.all(panels.map((panel) => panel(ctx)));
    const body = html`<h1>专项台账</h1>
${sections}`;
    return layout({ title: '专项台账', viewer: env.viewer, active: 'ledgers', body });
  };
}
