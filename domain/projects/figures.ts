import type { Light } from '../lights.js';
import { type Fen, percentOf } from '../loans/money.js';
import { FUND_SOURCES, type FundSource, type Project, totalFunds } from './types.js';

export interface ProjectFigureInput {
  project: Pick<Project, 'id' | 'industry' | 'funds'>;
  started: boolean;
  paidFen: Fen;
  light?: Light;
}

type BySource<T> = Record<FundSource | 'total', T>;

export interface ProjectFigures {
  count: number;
  startedCount: number;
  /** 开工率, percent, two decimals. */
  startedRate: number | undefined;
  industryCount: number;
  funds: BySource<Fen>;
  /** Funds of 产业项目, per source. */
  industryFunds: BySource<Fen>;
  /** The share of each source's funds going to 产业项目, percent, two decimals. */
  industryShare: BySource<number | undefined>;
  paidFen: Fen;
  /** 支付进度: paid over all funds, percent, two decimals. */
  paidRate: number | undefined;
  lights: Record<Light | 'none', number>;
}

/** The county's 衔接资金 figures across projects, as the half-year report gives them. */
export function projectFigures(list: ProjectFigureInput[]): ProjectFigures {
  const sum = (pick: (p: ProjectFigureInput) => Fen, only?: (p: ProjectFigureInput) => boolean) =>
    list.filter((p) => !only || only(p)).reduce((s, p) => s + pick(p), 0);
  const bySource = (only?: (p: ProjectFigureInput) => boolean): BySource<Fen> => ({
    central: sum((p) => p.project.funds.central, only),
    provincial: sum((p) => p.project.funds.provincial, only),
    county: sum((p) => p.project.funds.county, only),
    total: sum((p) => totalFunds(p.project), only),
  });
  const funds = bySource();
  const industryFunds = bySource((p) => p.project.industry);
  const share = {} as BySource<number | undefined>;
  for (const k of [...FUND_SOURCES, 'total'] as const) share[k] = percentOf(industryFunds[k], funds[k]);
  const startedCount = list.filter((p) => p.started).length;
  const paidFen = sum((p) => p.paidFen);
  const lights = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const p of list) lights[p.light ?? 'none'] += 1;
  return {
    count: list.length,
    startedCount,
    startedRate: percentOf(startedCount, list.length),
    industryCount: list.filter((p) => p.project.industry).length,
    funds,
    industryFunds,
    industryShare: share,
    paidFen,
    paidRate: percentOf(paidFen, funds.total),
    lights,
  };
}
