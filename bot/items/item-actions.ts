import { localDate } from '../../domain/shanghai-time.js';
import { button, type CardElement, datePicker, form, input, markdown, selectStatic } from '../cards/elements.js';
import { actionValue } from './action-value.js';
import type { ItemCardInput } from './item-card-input.js';

/** Form field names; unique per card because several forms share one card. */
export const FIELDS = {
  committedDate: 'committed_date',
  percent: 'percent',
  progressNote: 'progress_note',
  result: 'result',
  rejectReason: 'reject_reason',
  newDueDate: 'new_due_date',
  extensionReason: 'extension_reason',
  extensionRejectReason: 'extension_reject_reason',
  transferTo: 'transfer_to',
  transferReason: 'transfer_reason',
  cancelReason: 'cancel_reason',
  urgeReason: 'urge_reason',
  instruction: 'instruction',
  escalateLevel: 'escalate_level',
  escalateReason: 'escalate_reason',
} as const;

export function assigneeActions({ state, transferCandidates }: ItemCardInput): CardElement[] {
  const id = state.spec.id;
  const out: CardElement[] = [];
  if (state.status === 'assigned') {
    out.push(
      form('sign_form', [
        markdown('**签收**：请选择承诺办结日期'),
        datePicker(FIELDS.committedDate, '承诺办结日期', localDate(state.dueAt), true),
        button('签收', actionValue(id, 'sign'), { type: 'primary_filled', submit: { name: 'sign_submit' } }),
      ]),
    );
  }
  if (state.status === 'in_progress') {
    out.push(
      form('progress_form', [
        markdown('**反馈进度**'),
        input(FIELDS.percent, '完成进度（%）', '0–100 的整数', { required: true, maxLength: 3 }),
        input(FIELDS.progressNote, '进度说明', '本阶段做了什么、还有什么困难', { multiline: true, required: true }),
        button('反馈进度', actionValue(id, 'report_progress'), {
          type: 'primary',
          submit: { name: 'progress_submit' },
        }),
      ]),
      form('submit_form', [
        markdown('**提交办结**'),
        input(FIELDS.result, '办理结果', '简要说明办理结果', { multiline: true, required: true, maxLength: 1000 }),
        button('提交办结', actionValue(id, 'submit'), { type: 'primary_filled', submit: { name: 'result_submit' } }),
      ]),
    );
  }
  if ((state.status === 'assigned' || state.status === 'in_progress') && !state.extension) {
    out.push(
      form('extension_form', [
        markdown('**申请延期**（须在期限前申请）'),
        datePicker(FIELDS.newDueDate, '新的办结期限', undefined, true),
        input(FIELDS.extensionReason, '延期理由', '说明原因和已完成的工作', { multiline: true, required: true }),
        button('申请延期', actionValue(id, 'request_extension'), { submit: { name: 'extension_submit' } }),
      ]),
    );
  }
  if ((state.status === 'assigned' || state.status === 'in_progress') && transferCandidates.length > 0) {
    out.push(
      form('transfer_form', [
        markdown('**转办**（限本单位人员）'),
        selectStatic(
          FIELDS.transferTo,
          '选择转办对象',
          transferCandidates.map((p) => ({ text: p.name, value: p.id })),
          true,
        ),
        input(FIELDS.transferReason, '转办说明', '为什么由他/她办理', { required: true }),
        button('转办', actionValue(id, 'transfer'), { submit: { name: 'transfer_submit' } }),
      ]),
    );
  }
  return out;
}

/**
 * The reviewer's approve button. A 整改 (rectification) item is closed by 销号: the inspecting side confirms the fix,
 * so its button says so; the Update is the same 'approve' either way.
 */
export function approveButton(state: ItemCardInput['state']): CardElement {
  const rectification = state.spec.kind === 'rectification';
  const label = rectification ? '确认销号' : '审核通过';
  const text = rectification ? '确认整改到位，予以销号？' : '确认办结此事项？';
  return button(label, actionValue(state.spec.id, 'approve'), {
    type: 'primary_filled',
    confirm: { title: label, text },
  });
}

export function reviewerActions({ state }: ItemCardInput): CardElement[] {
  const id = state.spec.id;
  const out: CardElement[] = [];
  if (state.status === 'submitted') {
    out.push(
      approveButton(state),
      form('reject_form', [
        input(FIELDS.rejectReason, '退回理由', '说明需要补充或修改的内容', { multiline: true, required: true }),
        button('退回', actionValue(id, 'reject'), { type: 'danger', submit: { name: 'reject_submit' } }),
      ]),
    );
  }
  if (state.extension && (state.status === 'assigned' || state.status === 'in_progress')) {
    out.push(
      button('同意延期', actionValue(id, 'approve_extension'), { type: 'primary' }),
      form('extension_reject_form', [
        input(FIELDS.extensionRejectReason, '不同意理由', '说明理由', { required: true }),
        button('不同意延期', actionValue(id, 'reject_extension'), {
          type: 'danger',
          submit: { name: 'extension_reject_submit' },
        }),
      ]),
    );
  }
  return out;
}

export function issuerActions({ state }: ItemCardInput): CardElement[] {
  if (state.status === 'done' || state.status === 'cancelled') return [];
  return [
    form('cancel_form', [
      input(FIELDS.cancelReason, '撤销理由', '撤销后不再督办，也不计入考核', { required: true }),
      button('撤销事项', actionValue(state.spec.id, 'cancel'), {
        type: 'danger',
        confirm: { title: '撤销事项', text: '撤销后无法恢复，确认撤销？' },
        submit: { name: 'cancel_submit' },
      }),
    ]),
  ];
}
