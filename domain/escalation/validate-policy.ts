import type { EscalationPolicy } from './policy.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ANCHORS = new Set(['sent', 'read', 'sign_by', 'committed', 'due']);
const CONDITIONS = new Set(['not_signed', 'unread_not_signed', 'read_not_signed', 'not_submitted', 'not_done']);
const ACTIONS = new Set(['read_check', 'remind', 'urgent', 'escalate']);

/** Every problem with a policy, in Chinese for the 督查室; empty when it is usable. */
export function policyProblems(p: EscalationPolicy): string[] {
  const problems: string[] = [];
  if (!p.name) problems.push('策略名称不能为空');
  if (!Number.isInteger(p.version) || p.version < 1) problems.push('版本号须为正整数');
  const ids = new Set<string>();
  p.steps.forEach((s, i) => {
    const where = `第 ${i + 1} 步（${s.id || '无编号'}）`;
    if (!s.id) problems.push(`${where}：缺少编号`);
    if (ids.has(s.id)) problems.push(`${where}：编号重复`);
    ids.add(s.id);
    if (!ANCHORS.has(s.anchor)) problems.push(`${where}：起算点不合法`);
    if (!CONDITIONS.has(s.when)) problems.push(`${where}：条件不合法`);
    if (!ACTIONS.has(s.action)) problems.push(`${where}：动作不合法`);
    if (![0, 1, 2, 3, 4].includes(s.level)) problems.push(`${where}：层级须为 0–4`);
    const { workdays, workingHours } = s.offset;
    if (workdays !== undefined && !Number.isInteger(workdays)) problems.push(`${where}：工作日偏移须为整数`);
    if (workingHours !== undefined && (!(workingHours >= 0) || workdays !== undefined)) {
      problems.push(`${where}：工作小时偏移须为非负数，且不能与工作日偏移同时使用`);
    }
    if (s.action === 'escalate' && s.level === 0) problems.push(`${where}：升级须指向 1–4 级`);
    if ((s.action === 'remind' || s.action === 'urgent' || s.action === 'read_check') && s.level !== 0) {
      problems.push(`${where}：提醒和加急只发给责任人（0 级）`);
    }
  });
  for (const [k, v] of Object.entries(p.quietHours)) if (!HHMM.test(v)) problems.push(`免打扰时段 ${k} 须为 HH:MM`);
  if (p.repeat && (!(p.repeat.everyWorkdays >= 1) || !(p.repeat.times >= 0) || p.repeat.fromLevel < 1)) {
    problems.push('重复督办须每隔至少1个工作日，且不重复打扰责任人');
  }
  if (!(p.urgeIntervalMinutes >= 1)) problems.push('催办间隔须至少1分钟');
  return problems;
}
