import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  buildReport,
  checkCloseChecking,
  checkFindings,
  checkReportRequest,
  checkTeamDone,
  findingProblems,
  newFindings,
  parseSeverity,
  planRound,
  rectificationSpec,
  roundComplete,
} from '../../../domain/crosscheck/index.js';
import { checkSpec } from '../../../domain/items/index.js';
import { demoRound, RESPONSIBLE, TOWNSHIPS } from './fixtures.js';

const AT = '2024-06-05T10:00:00+08:00';
const dueAt = (n: number) => `2024-06-${String(5 + n).padStart(2, '0')}T18:00:00+08:00`;

describe('checklists', () => {
  it('give each team a line per village and type over the township it inspects, plus sampled households', () => {
    const round = demoRound();
    expect(round.lines).toHaveLength(7 * 3 * 4);
    for (const team of round.teams) {
      const lines = round.lines.filter((l) => l.teamNo === team.no);
      const villages = TOWNSHIPS.find((t) => t.id === team.inspectsTownshipId)!.villages.map((v) => v.id);
      expect(new Set(lines.map((l) => l.unitId))).toEqual(new Set(villages));
      expect(lines.some((l) => l.unitId.startsWith(`${team.fromTownshipId}-`))).toBe(false);
    }
    const team = round.teams[0]!;
    const inspected = TOWNSHIPS.find((t) => t.id === team.inspectsTownshipId)!;
    const village = inspected.villages[1]!;
    const lines = buildChecklist(team, inspected, {
      types: ['income'],
      households: [{ villageId: village.id, type: 'income', name: '张某某户（监测对象）' }],
    });
    expect(lines.map((l) => [l.id, l.subject])).toEqual([
      [`T${team.no}-01`, '监测对象收入信息台账'],
      [`T${team.no}-02`, '监测对象收入信息台账'],
      [`T${team.no}-03`, '张某某户（监测对象）'],
      [`T${team.no}-04`, '监测对象收入信息台账'],
    ]);
    expect(lines[2]).toMatchObject({ unitId: village.id, type: 'income' });
    expect(lines[0]!.check).toContain('9500 元');
  });

  it('refuses a bad round id or an empty title', () => {
    const base = { title: 't', organizerId: 'o', startedAt: AT, townships: TOWNSHIPS, responsible: {}, names: {} };
    expect(planRound({ ...base, id: 'has space' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('轮次编号'),
    });
    expect(planRound({ ...base, id: 'ok-1', title: ' ' })).toMatchObject({ ok: false });
  });
});

describe('findings', () => {
  const round = demoRound();
  const team = round.teams[2]!;
  const line = round.lines.find((l) => l.teamNo === team.no)!;
  const other = round.lines.find((l) => l.teamNo !== team.no)!;

  it('are accepted from the team lead, a member, or the organizer', () => {
    const input = [{ lineId: line.id, problem: '系统收入与采集表不一致', severity: 'major' as const }];
    expect(checkFindings(round, team.leadId, input)).toBeUndefined();
    expect(checkFindings(round, team.memberIds[0]!, input)).toBeUndefined();
    expect(checkFindings(round, round.organizerId, input)).toBeUndefined();
  });

  it('name every bad row of a batch, and refuse the whole batch for one bad row', () => {
    const problems = findingProblems(round, round.organizerId, [
      { lineId: line.id, problem: '台账缺少2023年还款记录', severity: 'minor', row: 2 },
      { lineId: 'T9-99', problem: 'x', severity: 'minor', row: 3 },
      { lineId: line.id, problem: ' ', severity: 'minor', row: 4 },
      { lineId: line.id, problem: 'y', severity: 'huge' as never, row: 5 },
      { lineId: line.id, problem: 'z', severity: 'severe', workdays: 45, row: 6 },
      { lineId: line.id, problem: '台账缺少2023年还款记录', severity: 'minor', row: 7 },
    ]);
    expect(problems).toEqual([
      '第 3 行：检查清单中没有编号为“T9-99”的项目',
      '第 4 行：请填写问题描述',
      '第 5 行：严重程度须为 一般、较重 或 严重（收到“huge”）',
      '第 6 行：整改时限须为 1–30 的整数（工作日），收到“45”',
      `第 7 行：清单项 ${line.id} 已登记过相同的问题`,
    ]);
    const refusal = checkFindings(round, round.organizerId, [{ lineId: 'nope', problem: 'x', severity: 'minor' }]);
    expect(refusal).toEqual({ code: 'invalid_value', message: '检查清单中没有编号为“nope”的项目' });
  });

  it('refuse other teams’ lines, outsiders, a done team and a closed round', () => {
    const f = (lineId: string) => [{ lineId, problem: '问题', severity: 'minor' as const }];
    expect(checkFindings(round, team.leadId, f(other.id))?.code).toBe('not_allowed');
    expect(checkFindings(round, 'p-xiaojie-v1-cadre', f(line.id))).toEqual({
      code: 'not_allowed',
      message: '您不是本轮交叉检查的检查组成员，不能登记问题',
    });
    const done = { ...round, teams: round.teams.map((t) => (t.no === team.no ? { ...t, doneAt: AT } : t)) };
    expect(checkFindings(done, team.leadId, f(line.id))?.message).toContain('已报告检查完毕');
    expect(checkFindings(done, round.organizerId, f(line.id))).toBeUndefined();
    expect(checkFindings({ ...round, phase: 'rectifying' }, round.organizerId, f(line.id))?.code).toBe('wrong_phase');
    const selfReview = { ...round, responsible: { ...RESPONSIBLE, [line.unitId]: team.leadId } };
    expect(checkFindings(selfReview, round.organizerId, f(line.id))?.message).toContain('不能自查自销');
  });

  it('become 整改 items for the inspected village, reviewed by the inspecting lead, with the deadline given', () => {
    const [finding] = newFindings(
      round,
      [{ lineId: line.id, problem: '2户收入低于9500元未纳入监测', severity: 'severe' }],
      {
        actorId: team.leadId,
        source: 'card',
        at: AT,
        dueAt,
      },
    );
    expect(finding).toMatchObject({
      id: 'cc-2024h1-F1',
      itemId: 'cc-2024h1-ZG1',
      unitId: line.unitId,
      workdays: 3,
      dueAt: dueAt(3),
      assigneeId: RESPONSIBLE[line.unitId],
      reviewerId: team.leadId,
      status: 'open',
    });
    const spec = rectificationSpec(round, finding!, { createdAt: AT, signBy: dueAt(1) });
    expect(spec).toMatchObject({
      kind: 'rectification',
      ownerUnitId: line.unitId,
      assigneeId: RESPONSIBLE[line.unitId],
      reviewerId: team.leadId,
      issuerId: round.organizerId,
      urgency: 'urgent',
      domain: '农业农村',
    });
    expect(spec.description).toContain('2户收入低于9500元未纳入监测');
    expect(spec.description).toContain('销号');
    expect(checkSpec(spec)).toBeUndefined();
  });

  it('parse severity from its Chinese label or key', () => {
    expect(parseSeverity(' 严重 ')).toBe('severe');
    expect(parseSeverity('minor')).toBe('minor');
    expect(parseSeverity('很严重')).toBeUndefined();
  });
});

describe('round commands', () => {
  const round = demoRound();
  const team = round.teams[0]!;

  it('let only the lead or organizer report a team done, and only the organizer close checking', () => {
    expect(checkTeamDone(round, team.leadId, team.no)).toBeUndefined();
    expect(checkTeamDone(round, team.memberIds[0]!, team.no)?.code).toBe('not_allowed');
    expect(checkTeamDone(round, round.organizerId, 99)?.code).toBe('invalid_value');
    expect(checkCloseChecking(round, team.leadId)?.code).toBe('not_allowed');
    expect(checkCloseChecking(round, round.organizerId)).toBeUndefined();
    expect(checkReportRequest(round, team.memberIds[0]!)).toBeUndefined();
    expect(checkReportRequest(round, 'p-county-secretary')?.code).toBe('not_allowed');
  });

  it('end the round only when checking is over and no 整改 is still open', () => {
    const [a, b] = newFindings(
      round,
      [
        { lineId: round.lines[0]!.id, problem: 'a', severity: 'minor' },
        { lineId: round.lines[1]!.id, problem: 'b', severity: 'minor' },
      ],
      { actorId: round.organizerId, source: 'excel', at: AT, dueAt },
    );
    const open = { ...round, phase: 'rectifying' as const, findings: [a!, { ...b!, status: 'done' as const }] };
    expect(roundComplete(open)).toBe(false);
    expect(roundComplete({ ...open, findings: [{ ...a!, status: 'cancelled' }, open.findings[1]!] })).toBe(true);
    expect(roundComplete({ ...round, findings: [] })).toBe(false);
  });
});

describe('the round report', () => {
  it('counts findings per inspected township: closed, open, overdue, withdrawn', () => {
    const round = demoRound();
    const t1 = round.lines.filter((l) => l.teamNo === 1);
    const t4 = round.lines.filter((l) => l.teamNo === 4);
    const found = newFindings(
      round,
      [
        { lineId: t1[0]!.id, problem: 'a', severity: 'minor' },
        { lineId: t1[1]!.id, problem: 'b', severity: 'severe' },
        { lineId: t1[2]!.id, problem: 'c', severity: 'major' },
        { lineId: t4[0]!.id, problem: 'd', severity: 'major' },
      ],
      { actorId: round.organizerId, source: 'excel', at: AT, dueAt },
    );
    found[0]!.status = 'done';
    found[2]!.status = 'cancelled';
    const report = buildReport({ ...round, findings: found }, '2024-06-09T09:00:00+08:00');
    const row1 = report.townships.find((t) => t.teamNo === 1)!;
    expect(row1).toMatchObject({
      townshipId: round.teams[0]!.inspectsTownshipId,
      teamFrom: round.teams[0]!.fromName,
      lines: 12,
      findings: 3,
      done: 1,
      open: 1,
      overdue: 1, // the severe one: 3 working days → due 06-08
      cancelled: 1,
    });
    expect(report.townships.find((t) => t.teamNo === 4)).toMatchObject({ findings: 1, open: 1, overdue: 0 });
    expect(report.totals).toMatchObject({ lines: 84, findings: 4, done: 1, open: 2, overdue: 1, cancelled: 1 });
    expect(report.totals.bySeverity).toEqual({ minor: 1, major: 2, severe: 1 });
  });
});
