import { allProjectStates } from '../../db/projects/projects.js';
import { isMonth } from '../../domain/loans/index.js';
import { ledgerVisibility, mayImportItems } from '../../domain/org/access.js';
import { localDate } from '../../domain/shanghai-time.js';
import { loadLoanFigures } from '../../services/loans/figures.js';
import { cadenceAdminForm } from '../cadence/cadence-admin.js';
import { cadencePanel } from '../cadence/panel.js';
import { campaignPanel } from '../campaigns/panel.js';
import { crosscheckPanel } from '../crosscheck/panel.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import { loanPanel } from '../loans/panel.js';
import type { PageEnv } from '../page-env.js';
import { projectPanel } from '../projects/panel.js';
import { layout } from './layout.js';

/**
 * 专项台账: the seed's supervision lines beside the item ledger — the 小额信贷 month, the 衔接资金 projects against
 * 序时进度, the campaigns' roll-ups, the monitoring cadences and the cross-check rounds. County-wide viewers see the county; a unit's leaders
 * see their own rows; everyone else sees what they issued.
 */
export async function ledgersPage(env: PageEnv): Promise<Html> {
  const month = env.url.searchParams.get('month') ?? localDate(env.now).slice(0, 7);
  if (!isMonth(month)) throw new HttpError(400, `月份格式应为 YYYY-MM：${month}`);
  const visible = ledgerVisibility(env.viewer.scope);
  const cal = await env.calendar();
  const loans = await loadLoanFigures(env.db, month, cal, localDate(env.now));
  const projects = (await allProjectStates(env.db)).filter(
    (p) => visible.unit(p.project.townshipId) || visible.unit(p.project.unitId),
  );
  const mayAdminister = mayImportItems(env.viewer.scope);
  const names = new Map(env.viewer.units.map((u) => [u.id, u.name]));
  const body = html`<h1>专项台账</h1>
${loanPanel(month, loans, visible)}
${projectPanel(projects, cal, env.now, names)}
${await campaignPanel(env.db, visible, env.viewer.person.id, env.now, mayAdminister)}
${await cadencePanel(env.db, visible, env.now, names, mayAdminister ? cadenceAdminForm(env.viewer.units) : undefined)}
${await crosscheckPanel(env.db, visible, env.now)}`;
  return layout({ title: '专项台账', viewer: env.viewer, active: 'ledgers', body });
}
