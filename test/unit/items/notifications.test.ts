import { describe, expect, it } from 'vitest';
import { type ItemEvent, initialState, plan } from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';

const spec = kuanglangSpec();
const state = initialState(spec);
const at = '2024-06-05T10:00:00+08:00';
const ev = (body: Record<string, unknown>) => ({ seq: 2, actorId: 'x', at, ...body }) as ItemEvent;

describe('who hears about what', () => {
  it('交办 gives the assignee and the issuer a card, nobody a notice', () => {
    expect(plan(state, ev({ type: 'created', spec }))).toEqual({
      cards: [spec.assigneeId, spec.issuerId],
      notices: [],
    });
  });

  it('提交 brings the reviewer in with a card and a notice', () => {
    const p = plan(state, ev({ type: 'submitted', result: 'ok' }));
    expect(p.cards).toEqual([spec.reviewerId]);
    expect(p.notices).toEqual([{ personId: spec.reviewerId, text: '有一项办结材料待您审核。' }]);
  });

  it('退回 tells the assignee the reason', () => {
    const p = plan(state, ev({ type: 'returned', reason: '缺少台账' }));
    expect(p.notices[0]?.text).toContain('缺少台账');
    expect(p.notices[0]?.personId).toBe(spec.assigneeId);
  });

  it('转办 gives the new assignee a card and tells the old one', () => {
    const p = plan(state, ev({ type: 'transferred', fromPersonId: 'a', toPersonId: 'b', reason: 'r' }));
    expect(p.cards).toEqual(['b']);
    expect(p.notices).toEqual([{ personId: 'a', text: '事项已转办，您不再是责任人。' }]);
  });

  it('签收 and 反馈 only refresh cards', () => {
    expect(plan(state, ev({ type: 'signed', committedDate: '2024-06-20' }))).toEqual({ cards: [], notices: [] });
  });
});
