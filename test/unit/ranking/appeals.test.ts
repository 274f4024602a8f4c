import { describe, expect, it } from 'vitest';
import {
  type Appeal,
  checkAppeal,
  checkApproval,
  checkDecision,
  checkResubmit,
  overridesFrom,
  type ProcessView,
} from '../../../domain/ranking/index.js';

const view = (over: Partial<ProcessView> = {}): ProcessView => ({
  phase: 'appeal',
  appealsCloseAt: '2024-07-08T18:00:00+08:00',
  roster: {
    villageLeaders: { 'yangqiao-v3': ['p-yangqiao-v3-secretary'] },
    supervisors: ['p-ducha-head', 'p-ducha-staff'],
    approvers: ['p-county-secretary', 'p-vice-agri'],
  },
  appealable: {
    'yangqiao-v3': {
      'item:RH-T-FG-2:overdue': { target: { kind: 'item', id: 'RH-T-FG-2' }, text: '逾期未办结 -2.0' },
      'insp:insp-x-toilet': { target: { kind: 'inspection', id: 'insp-x-toilet' }, text: '厕所 12.8' },
    },
  },
  appeals: [],
  ...over,
});
const appeal = {
  actorId: 'p-yangqiao-v3-secretary',
  villageId: 'yangqiao-v3',
  lineId: 'item:RH-T-FG-2:overdue',
  reason: '该事项已由县住建局统一调整工期',
};
const before = '2024-07-05T10:00:00+08:00';
const filed: Appeal = {
  id: 'A1',
  ...appeal,
  lineText: '逾期未办结 -2.0',
  target: { kind: 'item', id: 'RH-T-FG-2' },
  appellantId: appeal.actorId,
  filedAt: before,
  status: 'pending',
};

describe('the appeal window', () => {
  it('lets the village’s leader contest one of its lines, with a reason, while the window is open', () => {
    expect(checkAppeal(view(), appeal, before)).toBeUndefined();
    expect(checkAppeal(view(), appeal, '2024-07-08T18:00:00+08:00')?.message).toBe('申诉期已结束，不能再提出申诉');
    expect(checkAppeal(view(), { ...appeal, actorId: 'p-yangqiao-v3-cadre' }, before)?.code).toBe('not_allowed');
    expect(checkAppeal(view(), { ...appeal, actorId: 'p-xiaojie-v1-secretary' }, before)?.code).toBe('not_allowed');
    expect(checkAppeal(view(), { ...appeal, reason: ' ' }, before)?.message).toBe('请写明申诉理由（至少 4 个字）');
    expect(checkAppeal(view(), { ...appeal, lineId: 'item:RH-T-FG-1:on_time' }, before)?.code).toBe('invalid_value');
    expect(checkAppeal(view({ appeals: [filed] }), appeal, before)?.code).toBe('duplicate');
  });

  it('lets only 督查室 decide, once, and asks for a reason to reject', () => {
    const v = view({ appeals: [filed] });
    expect(checkDecision(v, { actorId: 'p-ducha-staff', appealId: 'A1', accept: true, note: '' })).toBeUndefined();
    expect(checkDecision(v, { actorId: 'p-vice-agri', appealId: 'A1', accept: true, note: '' })?.code).toBe(
      'not_allowed',
    );
    expect(checkDecision(v, { actorId: 'p-ducha-staff', appealId: 'A1', accept: false, note: '' })?.message).toBe(
      '驳回申诉须写明理由',
    );
    expect(checkDecision(v, { actorId: 'p-ducha-staff', appealId: 'A9', accept: true, note: '' })?.code).toBe(
      'not_found',
    );
    const decided = view({ appeals: [{ ...filed, status: 'accepted' }] });
    expect(checkDecision(decided, { actorId: 'p-ducha-staff', appealId: 'A1', accept: true, note: '' })?.code).toBe(
      'duplicate',
    );
  });

  it('turns accepted appeals into overrides and ignores the rest', () => {
    const appeals: Appeal[] = [
      { ...filed, status: 'accepted' },
      { ...filed, id: 'A2', lineId: 'item:RH-T-FG-2:on_time', status: 'accepted' },
      {
        ...filed,
        id: 'A3',
        lineId: 'insp:insp-x-toilet',
        target: { kind: 'inspection', id: 'insp-x-toilet' },
        status: 'accepted',
      },
      { ...filed, id: 'A4', lineId: 'insp:insp-y', target: { kind: 'inspection', id: 'insp-y' }, status: 'rejected' },
    ];
    expect(overridesFrom(appeals)).toEqual({ voidedInspectionIds: ['insp-x-toilet'], excludedItemIds: ['RH-T-FG-2'] });
  });
});

describe('approval by the leading group', () => {
  it('is for 县委书记 or the 分管 leader, only once the appeals are settled', () => {
    const approve = { actorId: 'p-county-secretary', approve: true, reason: '', round: 1 };
    expect(checkApproval({ ...view({ phase: 'approval' }), approvalRound: 1 }, approve)).toBeUndefined();
    expect(
      checkApproval({ ...view({ phase: 'approval' }), approvalRound: 1 }, { ...approve, actorId: 'p-vice-finance' })
        ?.message,
    ).toBe('只有县委书记或分管县领导可以审定红黑榜');
    expect(checkApproval({ ...view(), approvalRound: 1 }, approve)?.message).toBe(
      '红黑榜尚在申诉期，申诉期结束后才能审定',
    );
    expect(
      checkApproval({ ...view({ phase: 'approval' }), approvalRound: 1 }, { ...approve, approve: false })?.message,
    ).toBe('退回修改须写明理由');
    expect(checkApproval({ ...view({ phase: 'approval' }), approvalRound: 2 }, approve)?.message).toBe(
      '这张审定卡片已过期，请在最新的审定卡片上操作',
    );
    expect(checkResubmit(view({ phase: 'sent_back' }), 'p-ducha-head')).toBeUndefined();
    expect(checkResubmit(view({ phase: 'sent_back' }), 'p-county-secretary')?.code).toBe('not_allowed');
  });
});
