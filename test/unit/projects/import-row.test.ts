import { describe, expect, it } from 'vitest';
import { projectSheetRows, SEED_PROJECTS } from '../../../app/demo/seed-projects.js';
import { FEN_PER_WAN } from '../../../domain/loans/index.js';
import { parseProjectRow } from '../../../domain/projects/index.js';
import { projectImportContext, seedProjects, sheetRows } from './helpers.js';

const [header, first] = projectSheetRows(SEED_PROJECTS.slice(0, 1));
const row = (change: Record<string, string>) =>
  sheetRows([
    [...header!, ...Object.keys(change).filter((k) => !header!.includes(k))],
    [
      ...header!.map((h, i) => change[h] ?? first![i]!),
      ...Object.keys(change)
        .filter((k) => !header!.includes(k))
        .map((k) => change[k]!),
    ],
  ])[0]!;
const errors = (change: Record<string, string>) => {
  const r = parseProjectRow(row(change), projectImportContext);
  return r.ok ? [] : r.errors;
};

describe('a project ledger row', () => {
  it('becomes a project with funds in 分, its unit and reporter from the org', () => {
    const [p] = seedProjects();
    expect(p).toEqual({
      project: {
        id: 'XM2024-01',
        name: '匡郎村蔬菜保鲜冷库建设项目',
        townshipId: 'xiaojie',
        unitId: 'xiaojie',
        reporterId: 'p-xiaojie-staff',
        industry: true,
        funds: { central: 180 * FEN_PER_WAN, provincial: 60 * FEN_PER_WAN, county: 0 },
        plannedStart: '2024-03-01',
        plannedFinish: '2024-10-31',
        milestones: [],
        adjustBehindPoints: 30,
      },
      progress: { started: true, startedOn: '2024-03-05', percent: 65, paidFen: 170 * FEN_PER_WAN },
    });
    expect(seedProjects()[2]!.project).toMatchObject({ unitId: 'nongye', reporterId: 'p-nongye-staff' });
  });

  it('reads milestones and a per-project threshold', () => {
    const r = parseProjectRow(
      row({ 里程碑: '2024-06-28 主体完工 60%；2024-09-30 90%', '调整阈值（百分点）': '20' }),
      projectImportContext,
    );
    expect(r.ok && r.value.project.milestones).toEqual([
      { date: '2024-06-28', percent: 60, name: '主体完工' },
      { date: '2024-09-30', percent: 90, name: '' },
    ]);
    expect(r.ok && r.value.project.adjustBehindPoints).toBe(20);
  });

  it('names sheet, row and reason for every problem', () => {
    expect(errors({ 项目编号: 'XM 01' })).toEqual([
      '「项目台账」第 2 行：项目编号“XM 01”只能包含字母、数字和 - _ .，最长 40 个字符',
    ]);
    expect(errors({ '乡镇（街道）': '昆明镇' })).toEqual(['「项目台账」第 2 行：找不到乡镇（街道）“昆明镇”']);
    expect(errors({ 产业项目: '可能' })).toEqual(['「项目台账」第 2 行：产业项目“可能”应填 是 或 否']);
    expect(errors({ '中央衔接资金（万元）': '一百' })).toEqual([
      '「项目台账」第 2 行：中央衔接资金（万元）“一百”不是有效金额',
    ]);
    expect(errors({ 计划完工日期: '2024-02-01' })).toEqual(['「项目台账」第 2 行：计划完工日期须晚于计划开工日期']);
    expect(errors({ '累计支付（万元）': '300' })).toEqual(['「项目台账」第 2 行：累计支付超过项目资金合计']);
    expect(errors({ 是否开工: '否', 开工日期: '', '完成进度（%）': '10' })).toEqual([
      '「项目台账」第 2 行：未开工的项目完成进度应为 0',
    ]);
    expect(errors({ 里程碑: '2024-12-01 90%' })).toEqual([
      '「项目台账」第 2 行：里程碑日期 2024-12-01 应在计划开工与完工日期之间',
    ]);
    expect(errors({ '调整阈值（百分点）': '0' })).toEqual([
      '「项目台账」第 2 行：调整阈值“0”应为 1–100 的整数（百分点）',
    ]);
  });
});
