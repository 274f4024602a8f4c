import { describe, expect, it } from 'vitest';
import {
  type CommandContext,
  decide,
  evolve,
  type ItemCommand,
  type ItemState,
  initialState,
} from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';

const ASSIGNEE = 'p-xiaojie-v1-secretary';
const REVIEWER = 'p-ducha-staff';
const ISSUER = 'p-ducha-head';
const OUTSIDER = 'p-niulanjiang-v1-secretary';
const NOW = '2024-06-05T10:00:00+08:00';

function ctx(actorId: string, extra: Partial<CommandContext> = {}): CommandContext {
  return { actorId, now: NOW, ...extra };
}

/** Applies commands in order, failing the test on the first refusal. */
function run(state: ItemState, steps: [string, ItemCommand, Partial<CommandContext>?][]): ItemState {
  let s = state;
  for (const [actor, command, extra] of steps) {
    const d = decide(s, command, ctx(actor, extra));
    if (!d.ok) throw new Error(`${command.type} refused: ${d.message}`);
    s = evolve(s, { ...d.event, seq: s.seq + 1, actorId: actor, at: extra?.now ?? NOW });
  }
  return s;
}

function refusal(state: ItemState, actor: string, command: ItemCommand, extra: Partial<CommandContext> = {}) {
  const d = decide(state, command, ctx(actor, extra));
  if (d.ok) throw new Error(`expected ${command.type} to be refused`);
  return d;
}

const fresh = () => initialState(kuanglangSpec());
const signed = () => run(fresh(), [[ASSIGNEE, { type: 'sign', committedDate: '2024-06-20' }]]);
const submitted = () => run(signed(), [[ASSIGNEE, { type: 'submit', result: '已完成“四个一”整顿，材料已上传' }]]);

describe('item state machine: the happy path', () => {
  it('签收 records the committed date and starts 办理', () => {
    const s = signed();
    expect(s.status).toBe('in_progress');
    expect(s.committedDate).toBe('2024-06-20');
    expect(s.signedAt).toBe(NOW);
    expect(s.seq).toBe(2);
  });

  it('反馈进度 keeps the item in progress and stores the latest report', () => {
    const s = run(signed(), [[ASSIGNEE, { type: 'report_progress', percent: 60, note: '已召开专题组织生活会' }]]);
    expect(s.status).toBe('in_progress');
    expect(s.progress).toEqual({ percent: 60, note: '已召开专题组织生活会', at: NOW, by: ASSIGNEE });
  });

  it('提交 → 退回 → 提交 → 通过 ends 已办结 with one return counted', () => {
    const s = run(submitted(), [
      [REVIEWER, { type: 'reject', reason: '缺少整改台账' }],
      [ASSIGNEE, { type: 'submit', result: '已补充整改台账' }],
      [REVIEWER, { type: 'approve' }],
    ]);
    expect(s.status).toBe('done');
    expect(s.returnCount).toBe(1);
    expect(s.lastReturnReason).toBe('缺少整改台账');
    expect(s.result).toBe('已补充整改台账');
    expect(s.closedAt).toBe(NOW);
    expect(s.seq).toBe(6);
  });

  it('an approved extension moves the working deadline and keeps the original', () => {
    const s = run(signed(), [
      [ASSIGNEE, { type: 'request_extension', reason: '需等待镇党委审批', newDueDate: '2024-07-10' }],
      [REVIEWER, { type: 'approve_extension' }],
    ]);
    expect(s.dueAt).toBe('2024-07-10T18:00:00+08:00');
    expect(s.spec.dueAt).toBe('2024-06-28T18:00:00+08:00');
    expect(s.extensionsGranted).toBe(1);
    expect(s.extension).toBeUndefined();
  });

  it('a rejected extension leaves the deadline alone', () => {
    const s = run(signed(), [
      [ASSIGNEE, { type: 'request_extension', reason: '人手不足', newDueDate: '2024-07-10' }],
      [REVIEWER, { type: 'reject_extension', reason: '按原期限完成' }],
    ]);
    expect(s.dueAt).toBe('2024-06-28T18:00:00+08:00');
    expect(s.extension).toBeUndefined();
  });

  it('转办 hands the item to a unit colleague, who must 签收 again', () => {
    const s = run(signed(), [
      [
        ASSIGNEE,
        { type: 'transfer', toPersonId: 'p-xiaojie-v1-first', reason: '由驻村第一书记牵头' },
        { targetUnitIds: ['xiaojie-v1'] },
      ],
    ]);
    expect(s.status).toBe('assigned');
    expect(s.assigneeId).toBe('p-xiaojie-v1-first');
    expect(s.committedDate).toBeUndefined();
  });

  it('撤销 by the issuer closes the item with the reason', () => {
    const s = run(signed(), [[ISSUER, { type: 'cancel', reason: '任务已合并' }]]);
    expect(s.status).toBe('cancelled');
    expect(s.closeReason).toBe('任务已合并');
  });
});

describe('item state machine: refusals', () => {
  it('only the assignee may 签收, 反馈, 提交 and ask for an extension', () => {
    expect(refusal(fresh(), OUTSIDER, { type: 'sign', committedDate: '2024-06-20' }).code).toBe('not_assignee');
    expect(refusal(signed(), REVIEWER, { type: 'submit', result: 'x' }).code).toBe('not_assignee');
    expect(refusal(signed(), OUTSIDER, { type: 'report_progress', percent: 10, note: 'x' }).message).toContain(
      '不是此事项的责任人',
    );
  });

  it('only the reviewer may 通过 or 退回', () => {
    expect(refusal(submitted(), ASSIGNEE, { type: 'approve' }).code).toBe('not_reviewer');
    expect(refusal(submitted(), ISSUER, { type: 'reject', reason: 'x' }).code).toBe('not_reviewer');
  });

  it('only the issuer may 撤销', () => {
    expect(refusal(signed(), REVIEWER, { type: 'cancel', reason: 'x' }).code).toBe('not_issuer');
  });

  it('通过 before 提交 is refused, naming the current state', () => {
    const r = refusal(signed(), REVIEWER, { type: 'approve' });
    expect(r.code).toBe('not_allowed_in_state');
    expect(r.message).toBe('事项当前为「办理中」，不能审核通过，请刷新卡片查看最新状态');
  });

  it('nothing but reading is possible after 办结', () => {
    const done = run(submitted(), [[REVIEWER, { type: 'approve' }]]);
    expect(refusal(done, ASSIGNEE, { type: 'submit', result: 'again' }).code).toBe('not_allowed_in_state');
    expect(refusal(done, ISSUER, { type: 'cancel', reason: 'x' }).code).toBe('not_allowed_in_state');
  });

  it('签收 needs a valid committed date between today and the deadline', () => {
    expect(refusal(fresh(), ASSIGNEE, { type: 'sign', committedDate: '' }).message).toBe('请选择承诺办结日期');
    expect(refusal(fresh(), ASSIGNEE, { type: 'sign', committedDate: '2024-02-30' }).message).toContain('格式不正确');
    expect(refusal(fresh(), ASSIGNEE, { type: 'sign', committedDate: '2024-06-01' }).message).toBe(
      '承诺办结日期不能早于今天',
    );
    expect(refusal(fresh(), ASSIGNEE, { type: 'sign', committedDate: '2024-07-01' }).message).toContain(
      '不能晚于办结期限 2024-06-28',
    );
  });

  it('a progress report needs a whole percentage and a note', () => {
    expect(refusal(signed(), ASSIGNEE, { type: 'report_progress', percent: Number.NaN, note: 'x' }).message).toBe(
      '完成进度须为 0–100 的整数',
    );
    expect(refusal(signed(), ASSIGNEE, { type: 'report_progress', percent: 120, note: 'x' }).code).toBe(
      'invalid_value',
    );
    expect(refusal(signed(), ASSIGNEE, { type: 'report_progress', percent: 50, note: '  ' }).message).toBe(
      '请填写进度说明',
    );
  });

  it('an extension must be asked before the deadline, for a later date, with a reason, one at a time', () => {
    const late = { now: '2024-06-29T09:00:00+08:00' };
    expect(
      refusal(signed(), ASSIGNEE, { type: 'request_extension', reason: 'x', newDueDate: '2024-07-10' }, late).code,
    ).toBe('past_deadline');
    expect(
      refusal(signed(), ASSIGNEE, { type: 'request_extension', reason: 'x', newDueDate: '2024-06-01' }).message,
    ).toBe('新的办结期限须晚于当前期限 2024-06-28');
    expect(
      refusal(signed(), ASSIGNEE, { type: 'request_extension', reason: '', newDueDate: '2024-07-10' }).message,
    ).toBe('请填写延期理由');
    const pending = run(signed(), [[ASSIGNEE, { type: 'request_extension', reason: 'x', newDueDate: '2024-07-10' }]]);
    expect(refusal(pending, ASSIGNEE, { type: 'request_extension', reason: 'y', newDueDate: '2024-07-12' }).code).toBe(
      'extension_pending',
    );
    expect(refusal(signed(), REVIEWER, { type: 'approve_extension' }).code).toBe('no_extension_pending');
  });

  it('转办 only inside the owning unit, never to the current assignee', () => {
    const outside = refusal(
      signed(),
      ASSIGNEE,
      { type: 'transfer', toPersonId: OUTSIDER, reason: 'x' },
      { targetUnitIds: ['niulanjiang-v1'] },
    );
    expect(outside.code).toBe('outside_unit');
    expect(
      refusal(
        signed(),
        ASSIGNEE,
        { type: 'transfer', toPersonId: ASSIGNEE, reason: 'x' },
        { targetUnitIds: ['xiaojie-v1'] },
      ).message,
    ).toBe('不能转办给当前责任人');
    expect(
      refusal(
        signed(),
        OUTSIDER,
        { type: 'transfer', toPersonId: 'p-xiaojie-v1-first', reason: 'x' },
        { targetUnitIds: ['xiaojie-v1'] },
      ).code,
    ).toBe('not_assignee');
  });

  it('every refusal leaves the state untouched (decide is pure)', () => {
    const s = signed();
    const before = JSON.stringify(s);
    refusal(s, OUTSIDER, { type: 'submit', result: 'x' });
    refusal(s, REVIEWER, { type: 'approve' });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('签收 of an overdue item', () => {
  it('commits to any day from today, since an extension can no longer be asked for', () => {
    const late = { now: '2024-07-02T10:00:00+08:00' };
    const d = decide(fresh(), { type: 'sign', committedDate: '2024-07-05' }, ctx(ASSIGNEE, late));
    expect(d.ok).toBe(true);
    expect(refusal(fresh(), ASSIGNEE, { type: 'sign', committedDate: '2024-07-01' }, late).message).toBe(
      '承诺办结日期不能早于今天',
    );
  });
});
