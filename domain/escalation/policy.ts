import type { Urgency } from '../items/urgency.js';

/**
 * An escalation policy: versioned data, snapshotted onto each item when it starts, so editing
 * a policy never changes items already in flight. Offsets are in working days or working hours
 * on China's calendar. Plain JSON.
 */
export type ChainLevelNumber = 0 | 1 | 2 | 3 | 4;

/** What a step's time is measured from. */
export type Anchor =
  | 'sent' // the assignee's card went out (≈ item start)
  | 'read' // the assignee was seen to read the card (Lark read receipts)
  | 'sign_by' // the 签收 deadline
  | 'committed' // end of the date the assignee committed to when signing
  | 'due'; // the working deadline (moves with approved extensions)

/** The state in which a step still applies when its time comes; otherwise it is dropped. */
export type Condition =
  | 'not_signed' // still waiting for 签收
  | 'unread_not_signed'
  | 'read_not_signed'
  | 'not_submitted' // signed but nothing submitted (silence past the committed date)
  | 'not_done'; // open: not 办结 and not 撤销

export type StepAction =
  | 'read_check' // poll Lark's read receipts for the assignee's card
  | 'remind' // a nudge to the assignee (daily digest for non-urgent items)
  | 'urgent' // 加急 to the assignee (in-app; SMS/phone per channel rules)
  | 'escalate'; // a card to the chain level, with 催办 and 批示

export interface StepOffset {
  workdays?: number;
  workingHours?: number;
}

export interface PolicyStep {
  /** Stable id; the audit trail and the "fired once" bookkeeping use it. */
  id: string;
  anchor: Anchor;
  offset: StepOffset;
  when: Condition;
  action: StepAction;
  /** Chain level addressed: 0 the assignee … 4 the 县委书记. */
  level: ChainLevelNumber;
  /** Chinese, for cards and the audit trail. */
  label: string;
}

export interface EscalationPolicy {
  name: string;
  version: number;
  steps: PolicyStep[];
  /** After the last step, keep nudging levels ≥ fromLevel every N working days (never re-paging L0). */
  repeat?: { everyWorkdays: number; fromLevel: ChainLevelNumber; times: number };
  /** Nothing but 紧急 items pings anyone in this window or on rest days; held items go out at `resumeAt`. */
  quietHours: { from: string; to: string; resumeAt: string };
  /** SMS and phone 加急 cost quota: only for these urgencies, and only from these levels up. */
  paidChannels: { urgencies: Urgency[]; smsFromLevel: ChainLevelNumber; phoneFromLevel: ChainLevelNumber };
  /** Manual 催办 of the same item by the same person is throttled to once per this many minutes. */
  urgeIntervalMinutes: number;
}

/** The default from the design (section 4). */
export const DEFAULT_POLICY: EscalationPolicy = {
  name: 'default',
  version: 1,
  steps: [
    {
      id: 'read-1h',
      anchor: 'sent',
      offset: { workingHours: 1 },
      when: 'not_signed',
      action: 'read_check',
      level: 0,
      label: '查看已读情况',
    },
    {
      id: 'read-2h',
      anchor: 'sent',
      offset: { workingHours: 2 },
      when: 'not_signed',
      action: 'read_check',
      level: 0,
      label: '查看已读情况',
    },
    {
      id: 'unread-4h',
      anchor: 'sent',
      offset: { workingHours: 4 },
      when: 'unread_not_signed',
      action: 'urgent',
      level: 0,
      label: '4个工作小时未读，应用内加急',
    },
    {
      id: 'read-not-signed',
      anchor: 'read',
      offset: { workingHours: 2 },
      when: 'read_not_signed',
      action: 'escalate',
      level: 1,
      label: '已读未签收，告知单位负责人',
    },
    {
      id: 'sign-late',
      anchor: 'sign_by',
      offset: {},
      when: 'not_signed',
      action: 'escalate',
      level: 1,
      label: '超时未签收，告知单位负责人',
    },
    {
      id: 'committed-passed',
      anchor: 'committed',
      offset: { workdays: 1 },
      when: 'not_submitted',
      action: 'escalate',
      level: 1,
      label: '超过承诺日期未提交，重新督办',
    },
    {
      id: 'due-2',
      anchor: 'due',
      offset: { workdays: -2 },
      when: 'not_done',
      action: 'remind',
      level: 0,
      label: '距办结期限2个工作日，提醒',
    },
    {
      id: 'due-urgent',
      anchor: 'due',
      offset: {},
      when: 'not_done',
      action: 'urgent',
      level: 0,
      label: '今日到期，加急提醒责任人',
    },
    {
      id: 'due-l1',
      anchor: 'due',
      offset: {},
      when: 'not_done',
      action: 'escalate',
      level: 1,
      label: '今日到期，告知单位负责人',
    },
    {
      id: 'overdue-1',
      anchor: 'due',
      offset: { workdays: 1 },
      when: 'not_done',
      action: 'escalate',
      level: 1,
      label: '逾期1个工作日，督促单位负责人',
    },
    {
      id: 'overdue-3',
      anchor: 'due',
      offset: { workdays: 3 },
      when: 'not_done',
      action: 'escalate',
      level: 2,
      label: '逾期3个工作日，报乡镇（部门）负责人',
    },
    {
      id: 'overdue-5',
      anchor: 'due',
      offset: { workdays: 5 },
      when: 'not_done',
      action: 'escalate',
      level: 3,
      label: '逾期5个工作日，报分管县领导',
    },
    {
      id: 'overdue-10',
      anchor: 'due',
      offset: { workdays: 10 },
      when: 'not_done',
      action: 'escalate',
      level: 4,
      label: '逾期10个工作日，报县委书记',
    },
  ],
  repeat: { everyWorkdays: 5, fromLevel: 3, times: 6 },
  quietHours: { from: '21:00', to: '08:00', resumeAt: '08:00' },
  paidChannels: { urgencies: ['urgent'], smsFromLevel: 2, phoneFromLevel: 3 },
  urgeIntervalMinutes: 60,
};
