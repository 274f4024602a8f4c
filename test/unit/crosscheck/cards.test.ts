import { describe, expect, it } from 'vitest';
import { checklistCard } from '../../../bot/crosscheck/checklist-card.js';
import { overviewCard } from '../../../bot/crosscheck/overview-card.js';
import { reportCard } from '../../../bot/crosscheck/report-card.js';
import { itemCard } from '../../../bot/items/item-card.js';
import { buildReport, newFindings } from '../../../domain/crosscheck/index.js';
import { type ItemState, initialState } from '../../../domain/items/index.js';
import { checkCardContent } from '../../../larksim/cards.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';
import { demoRound } from './fixtures.js';

const NOW = '2024-06-06T10:00:00+08:00';

interface Button {
  tag: 'button';
  behaviors?: { value?: Record<string, unknown> }[];
}

/** A button by its text anywhere in a card (forms included). */
function findButton(card: unknown, text: string): Button | undefined {
  if (Array.isArray(card)) return card.map((c) => findButton(c, text)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const n = card as Record<string, unknown>;
  if (n.tag === 'button' && (n.text as { content?: string } | undefined)?.content === text)
    return n as unknown as Button;
  return Object.values(n)
    .map((v) => findButton(v, text))
    .find(Boolean);
}

function valid(card: object): string {
  const content = JSON.stringify(card);
  const check = checkCardContent(content, () => true);
  expect(check.ok ? 'ok' : check.msg).toBe('ok');
  return content;
}

function submitted(kind: 'task' | 'rectification'): ItemState {
  const spec = kuanglangSpec({ kind });
  return { ...initialState(spec), status: 'submitted', result: '已整改', submittedAt: NOW };
}

function reviewerCard(state: ItemState) {
  return itemCard({
    state,
    viewerId: state.spec.reviewerId,
    names: {},
    unitName: '小街镇匡郎村',
    transferCandidates: [],
    now: NOW,
  });
}

describe('the item card’s approve button', () => {
  it('says 确认销号 on a 整改 item and 审核通过 on other items; both send the same approve Update', () => {
    const rect = reviewerCard(submitted('rectification'));
    const task = reviewerCard(submitted('task'));
    valid(rect);
    expect(findButton(rect, '审核通过')).toBeUndefined();
    const close = findButton(rect, '确认销号')!;
    expect(close.behaviors?.[0]?.value).toEqual({ item: 'DB-2024-0001', cmd: 'approve' });
    expect(JSON.stringify(close)).toContain('确认整改到位，予以销号？');
    expect(findButton(task, '确认销号')).toBeUndefined();
    expect(findButton(task, '审核通过')?.behaviors?.[0]?.value).toEqual({ item: 'DB-2024-0001', cmd: 'approve' });
  });

  it('is not shown to the assignee of a 整改 item', () => {
    const state = submitted('rectification');
    const card = itemCard({
      ...{ names: {}, unitName: '', transferCandidates: [], now: NOW },
      state,
      viewerId: state.assigneeId,
    });
    expect(findButton(card, '确认销号')).toBeUndefined();
  });
});

describe('cross-check cards', () => {
  const round = demoRound();
  const team = round.teams[0]!;
  const lines = round.lines.filter((l) => l.teamNo === team.no);
  round.findings.push(
    ...newFindings(round, [{ lineId: lines[0]!.id, problem: '系统收入与纸质采集表不一致', severity: 'major' }], {
      actorId: team.leadId,
      source: 'card',
      at: NOW,
      dueAt: () => '2024-06-13T18:00:00+08:00',
    }),
  );

  it('give the team lead a checklist of the inspected township with a finding form', () => {
    const content = valid(checklistCard(round, team.no, NOW));
    expect(content).toContain(`第 ${team.no} 组 → ${team.inspectsName}`);
    for (const l of lines) expect(content).toContain(l.id);
    expect(content).toContain('系统收入与纸质采集表不一致');
    expect(content).toContain('整改事项 cc-2024h1-ZG1（整改中');
    const card = checklistCard(round, team.no, NOW);
    expect(findButton(card, '登记问题')?.behaviors?.[0]?.value).toEqual({
      kind: 'crosscheck',
      act: 'finding',
      round: round.id,
      team: team.no,
    });
    const done = checklistCard({ ...round, phase: 'rectifying' }, team.no, NOW);
    expect(findButton(done, '登记问题')).toBeUndefined();
    expect(findButton(done, '查看检查报告')).toBeDefined();
  });

  it('show the organizer every team and the township it inspects', () => {
    const content = valid(overviewCard(round));
    for (const t of round.teams) expect(content).toContain(`${t.fromName} → **${t.inspectsName}**`);
    expect(findButton(overviewCard(round), '结束检查')).toBeDefined();
    expect(findButton(overviewCard({ ...round, phase: 'rectifying' }), '结束检查')).toBeUndefined();
  });

  it('report findings per township, closed and open', () => {
    round.findings[0]!.status = 'done';
    const content = valid(reportCard(buildReport(round, NOW)));
    expect(content).toContain(`**${team.inspectsName}**（第 ${team.no} 组 ${team.fromName} 检查）`);
    expect(content).toContain('发现问题 1 个，已销号 1，整改中 0');
  });
});
