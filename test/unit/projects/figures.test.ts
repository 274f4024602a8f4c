import { describe, expect, it } from 'vitest';
import { FEN_PER_WAN, formatWan } from '../../../domain/loans/index.js';
import { projectFigures } from '../../../domain/projects/index.js';
import { seedProjects } from './helpers.js';

describe('衔接资金 figures across projects (the seed’s half-year report)', () => {
  const f = projectFigures(seedProjects().map((p) => ({ project: p.project, ...p.progress })));

  it('15 projects, 13 started: 开工率 86.67%; 11 industry projects', () => {
    expect([f.count, f.startedCount, f.startedRate, f.industryCount]).toEqual([15, 13, 86.67, 11]);
  });

  it('central funds for industry 1464.60 万元 (89.25%), provincial 511 万元 (97.90%), over 90% of all funds', () => {
    expect(formatWan(f.funds.total)).toBe('2163.04');
    expect(Math.round(f.funds.total / FEN_PER_WAN)).toBe(2163); // as the report rounds it
    expect([formatWan(f.industryFunds.central), f.industryShare.central]).toEqual(['1464.60', 89.25]);
    expect([formatWan(f.industryFunds.provincial), f.industryShare.provincial]).toEqual(['511.00', 97.9]);
    expect(f.industryShare.total).toBeGreaterThan(90);
    expect(f.industryShare.total).toBe(91.33);
  });

  it('paid 1182.62 万元 of central and provincial funds: 支付进度 54.67%', () => {
    expect([formatWan(f.paidFen), f.paidRate]).toEqual(['1182.62', 54.67]);
    expect(formatWan(f.funds.central + f.funds.provincial)).toBe(formatWan(f.funds.total));
  });

  it('counts projects by light, and those without a report yet', () => {
    const lights = projectFigures([
      ...seedProjects()
        .slice(0, 3)
        .map((p, i) => ({ project: p.project, ...p.progress, light: (['green', 'yellow', 'red'] as const)[i]! })),
      { ...seedProjects()[3]!, ...seedProjects()[3]!.progress },
    ]).lights;
    expect(lights).toEqual({ green: 1, yellow: 1, red: 1, none: 1 });
  });
});
