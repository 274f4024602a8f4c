import { describe, expect, it } from 'vitest';
import { itemCard } from '../../../bot/items/item-card.js';
import { itemLight } from '../../../bot/items/item-card-context.js';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { evolve, type ItemEvent, type ItemState, initialState } from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';

const cal = buildCalendarData({ fromYear: 2024, toYear: 2025 });
const names = {
  'p-xiaojie-v1-secretary': '黄辉芳',
  'p-ducha-staff': '于梅秀',
  'p-ducha-head': '冯永永',
  'p-vice-agri': '黄伟伟',
};
const spec = kuanglangSpec();

function render(state: ItemState, viewerId: string, now = '2024-06-05T10:00:00+08:00') {
  const light = itemLight(cal, state, now);
  const card = itemCard({
    state,
    viewerId,
    names,
    unitName: '小街镇匡郎村',
    transferCandidates: [{ id: 'p-xiaojie-v1-first', name: '李建华' }],
    now,
    ...(light ? { light } : {}),
  });
  return { card, json: JSON.stringify(card) };
}

const buttons = (json: string) =>
  [...json.matchAll(/"tag":"button","text":\{"tag":"plain_text","content":"([^"]+)"/g)].map((m) => m[1]);
const apply = (s: ItemState, body: Record<string, unknown>, actorId: string, at = '2024-06-05T10:00:00+08:00') =>
  evolve(s, { ...body, seq: s.seq + 1, actorId, at } as ItemEvent);

describe('the item card', () => {
  it('shows each person the buttons of the roles they hold now', () => {
    const fresh = initialState(spec);
    expect(buttons(render(fresh, spec.assigneeId).json)).toEqual(['签收', '申请延期', '转办']);
    expect(buttons(render(fresh, spec.issuerId).json)).toEqual(['催办', '立即升级', '撤销事项']);
    const submitted = apply(
      apply(fresh, { type: 'signed', committedDate: '2024-06-20' }, spec.assigneeId),
      { type: 'submitted', result: '已完成' },
      spec.assigneeId,
    );
    expect(buttons(render(submitted, spec.reviewerId).json)).toEqual(['审核通过', '退回', '催办', '立即升级']);
    expect(buttons(render(submitted, spec.assigneeId).json)).toEqual([]);
  });

  it('a leader who received an escalation gets 催办 and 批示; the card says how far it went', () => {
    const s = apply(
      initialState(spec),
      {
        type: 'escalated',
        stepId: 'overdue-5',
        level: 3,
        personId: 'p-vice-agri',
        role: '分管县领导',
        channels: ['card'],
      },
      'system',
    );
    const { json } = render(s, 'p-vice-agri');
    expect(buttons(json)).toEqual(['催办', '批示']);
    expect(json).toContain('已升级至第 3 级');
  });

  it('wears its light: blue with time to spare, yellow near the deadline, red overdue; green once 办结', () => {
    const s = initialState(spec); // due 2024-06-28 18:00
    expect(render(s, spec.assigneeId, '2024-06-05T10:00:00+08:00').card.header.template).toBe('blue');
    const near = render(s, spec.assigneeId, '2024-06-26T10:00:00+08:00');
    expect(near.card.header.template).toBe('yellow');
    expect(near.json).toContain('黄灯（距期限仅剩 2 个工作日）');
    const late = render(s, spec.assigneeId, '2024-07-01T10:00:00+08:00');
    expect(late.card.header.template).toBe('red');
    expect(late.json).toContain('已逾期');
    let done = apply(s, { type: 'signed', committedDate: '2024-06-20' }, spec.assigneeId);
    done = apply(done, { type: 'submitted', result: 'ok' }, spec.assigneeId);
    done = apply(done, { type: 'approved' }, spec.reviewerId);
    expect(render(done, spec.assigneeId).card.header.template).toBe('green');
  });

  it('more than 30 points behind 序时进度 turns the card red long before the deadline', () => {
    let s = apply(initialState(spec), { type: 'signed', committedDate: '2024-06-27' }, spec.assigneeId);
    s = apply(s, { type: 'progress_reported', percent: 10, note: '刚起步' }, spec.assigneeId);
    const { card, json } = render(s, spec.assigneeId, '2024-06-17T10:00:00+08:00');
    expect(card.header.template).toBe('red');
    expect(json).toMatch(/落后序时进度 \d+ 个百分点/);
  });
});
