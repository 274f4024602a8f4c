import type { ItemState } from '../../domain/items/index.js';
import { button, type CardElement, form, input, selectStatic } from '../cards/elements.js';
import { actionValue } from './action-value.js';
import { FIELDS } from './item-actions.js';

/** Ready-made 催办 wording, so a leader can nudge with one tap; counted on the record either way. */
export const URGE_TEMPLATES = [
  '请尽快签收并明确办结时间',
  '请按期办结，及时反馈进度',
  '事项已逾期，请立即办理并说明原因',
  '请补充办理材料，尽快提交审核',
];

const LEVEL_OPTIONS = [
  { text: '1级：单位负责人', value: '1' },
  { text: '2级：乡镇（部门）负责人', value: '2' },
  { text: '3级：分管县领导', value: '3' },
  { text: '4级：县委书记', value: '4' },
];

function isOpen(state: ItemState): boolean {
  return state.status === 'assigned' || state.status === 'in_progress' || state.status === 'submitted';
}

function urgeForm(state: ItemState): CardElement {
  return form('urge_form', [
    selectStatic(
      FIELDS.urgeReason,
      '选择催办内容',
      URGE_TEMPLATES.map((t) => ({ text: t, value: t })),
      true,
    ),
    button('催办', actionValue(state.spec.id, 'urge'), { type: 'primary', submit: { name: 'urge_submit' } }),
  ]);
}

/** Leaders who received an escalation: 催办 the assignee, or write a 批示 that reaches them. */
export function leaderActions({ state }: { state: ItemState }): CardElement[] {
  if (!isOpen(state)) return [];
  return [
    urgeForm(state),
    form('instruct_form', [
      input(FIELDS.instruction, '批示', '批示内容将直接送达责任人', { multiline: true, required: true }),
      button('批示', actionValue(state.spec.id, 'instruct'), {
        type: 'primary_filled',
        submit: { name: 'instruct_submit' },
      }),
    ]),
  ];
}

/** 督查 staff (issuer or reviewer): 催办, and escalate now to a chosen level. */
export function supervisorActions({ state }: { state: ItemState }): CardElement[] {
  if (!isOpen(state)) return [];
  return [
    urgeForm(state),
    form('escalate_form', [
      selectStatic(FIELDS.escalateLevel, '升级到', LEVEL_OPTIONS, true),
      input(FIELDS.escalateReason, '升级理由', '为什么现在升级', { required: true }),
      button('立即升级', actionValue(state.spec.id, 'escalate_now'), {
        type: 'danger',
        confirm: { title: '立即升级', text: '将立即向所选层级领导发送督办卡片，确认？' },
        submit: { name: 'escalate_submit' },
      }),
    ]),
  ];
}
