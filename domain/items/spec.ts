import { compareInstants } from '../shanghai-time.js';
import { type Refusal, refuse } from './refusal.js';
import type { ItemSpec } from './types.js';
import { requireText } from './validate.js';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Checks a new item before a workflow is started for it. */
export function checkSpec(spec: ItemSpec): Refusal | undefined {
  if (!ID_RE.test(spec.id)) return refuse('invalid_value', `事项编号不合法：${spec.id}`);
  return (
    requireText(spec.title, '事项标题', 100) ??
    (spec.description.length > 2000 ? refuse('invalid_value', '事项内容不能超过 2000 个字') : undefined) ??
    requireText(spec.assigneeId, '责任人', 64) ??
    requireText(spec.reviewerId, '审核人', 64) ??
    requireText(spec.issuerId, '交办人', 64) ??
    requireText(spec.ownerUnitId, '责任单位', 64) ??
    (Number.isNaN(Date.parse(spec.dueAt)) ? refuse('invalid_value', '办结期限格式不正确') : undefined) ??
    (Number.isNaN(Date.parse(spec.signBy)) ? refuse('invalid_value', '签收期限格式不正确') : undefined) ??
    (compareInstants(spec.dueAt, spec.createdAt) <= 0
      ? refuse('invalid_value', '办结期限须晚于交办时间')
      : undefined) ??
    (compareInstants(spec.signBy, spec.dueAt) > 0 ? refuse('invalid_value', '签收期限不能晚于办结期限') : undefined)
  );
}
