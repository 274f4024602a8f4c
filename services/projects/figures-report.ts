import type { Kysely } from 'kysely';
import { projectFigureInputs } from '../../db/projects/projects.js';
import type { Database } from '../../db/schema.js';
import { formatWan } from '../../domain/loans/index.js';
import { FUND_SOURCE_LABELS, FUND_SOURCES, projectFigures } from '../../domain/projects/index.js';

const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(2)}%`);

/** The county's 衔接资金 figures across the ledger, worded as the half-year report words them. */
export async function projectFiguresReport(db: Kysely<Database>): Promise<string[]> {
  const f = projectFigures(await projectFigureInputs(db));
  const sources = FUND_SOURCES.filter((s) => f.funds[s] > 0);
  return [
    `衔接资金 ${formatWan(f.funds.total)} 万元，安排项目 ${f.count} 个，开工 ${f.startedCount} 个，开工率 ${pct(f.startedRate)}`,
    `其中产业项目 ${f.industryCount} 个，产业资金 ${formatWan(f.industryFunds.total)} 万元，占 ${pct(f.industryShare.total)}`,
    ...sources.map(
      (s) =>
        `  ${FUND_SOURCE_LABELS[s]} ${formatWan(f.funds[s])} 万元，用于产业 ${formatWan(f.industryFunds[s])} 万元，比例 ${pct(f.industryShare[s])}`,
    ),
    `已拨付 ${formatWan(f.paidFen)} 万元，支付进度 ${pct(f.paidRate)}`,
    `灯色：绿灯 ${f.lights.green} 个，黄灯 ${f.lights.yellow} 个，红灯 ${f.lights.red} 个，尚无月报 ${f.lights.none} 个`,
  ];
}
