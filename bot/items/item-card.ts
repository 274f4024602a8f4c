import {
  escalationOf,
  type ItemState,
  KIND_LABELS,
  rolesOf,
  STATUS_LABELS,
  URGENCY_LABELS,
} from '../../domain/items/index.js';
import { LIGHT_LABELS, type Light } from '../../domain/lights.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Card, type CardColor, type CardElement, card, header, hr, markdown } from '../cards/elements.js';
import { assigneeActions, issuerActions, reviewerActions } from './item-actions.js';
import type { ItemCardInput } from './item-card-input.js';
import { leaderActions, supervisorActions } from './supervision-actions.js';

export type { ItemCardInput };

/** One card per person per item, showing the buttons of the roles that person holds now. */
export function itemCard(input: ItemCardInput): Card {
  const { state, viewerId } = input;
  const roles = rolesOf(state, viewerId);
  const actions: CardElement[] = [];
  if (roles.includes('assignee')) actions.push(...assigneeActions(input));
  if (roles.includes('reviewer')) actions.push(...reviewerActions(input));
  if (roles.includes('issuer') || roles.includes('reviewer')) actions.push(...supervisorActions(input));
  else if (roles.includes('leader')) actions.push(...leaderActions(input));
  if (roles.includes('issuer')) actions.push(...issuerActions(input));
  const elements = [markdown(details(input)), ...(actions.length ? [hr(), ...actions] : [])];
  if (!roles.some((r) => r === 'assignee' || r === 'reviewer' || r === 'issuer' || r === 'leader')) {
    elements.push(
      markdown(`<font color='grey'>您已不是此事项的责任人，现由 ${name(input, state.assigneeId)} 办理。</font>`),
    );
  }
  return card(cardHeader(input), elements, `${STATUS_LABELS[state.status]}｜${state.spec.title}`);
}

function cardHeader({ state, now, light }: ItemCardInput): Record<string, unknown> {
  const tags = [
    { text: URGENCY_LABELS[state.spec.urgency], color: state.spec.urgency === 'normal' ? 'neutral' : 'red' },
  ];
  const overdue = isOpen(state) && Date.parse(now) > Date.parse(state.dueAt);
  if (light) tags.push({ text: LIGHT_LABELS[light.light], color: LIGHT_TAG_COLORS[light.light] });
  if (overdue) tags.push({ text: '已逾期', color: 'red' });
  return header(
    state.spec.title,
    `${KIND_LABELS[state.spec.kind]} · ${STATUS_LABELS[state.status]}`,
    headerColor(state, overdue, light?.light),
    tags,
  );
}

const LIGHT_TAG_COLORS: Record<Light, string> = { green: 'green', yellow: 'yellow', red: 'red' };

/** Done is green and withdrawn grey; an open item wears its light (an on-track one stays blue). */
function headerColor(state: ItemState, overdue: boolean, light: Light | undefined): CardColor {
  if (state.status === 'done') return 'green';
  if (state.status === 'cancelled') return 'grey';
  if (overdue || light === 'red') return 'red';
  if (light === 'yellow') return 'yellow';
  if (state.status === 'submitted' || state.extension) return 'orange';
  return 'blue';
}

function details(input: ItemCardInput): string {
  const { state, now } = input;
  const { spec } = state;
  const lines = [
    `**编号**：${spec.id}`,
    spec.description ? `**事项内容**：${spec.description}` : '',
    `**责任单位**：${input.unitName}　**责任人**：${name(input, state.assigneeId)}`,
    `**交办人**：${name(input, spec.issuerId)}　**审核人**：${name(input, spec.reviewerId)}`,
    `**办结期限**：${localDate(state.dueAt)}${isOpen(state) ? `（${remaining(state.dueAt, now)}）` : ''}`,
    input.light
      ? `**灯号**：${LIGHT_LABELS[input.light.light]}${input.light.reasons.length ? `（${input.light.reasons.join('；')}）` : ''}`
      : '',
    state.dueAt !== spec.dueAt ? `**原定期限**：${localDate(spec.dueAt)}（已批准延期）` : '',
    state.committedDate ? `**承诺办结**：${state.committedDate}` : '',
    state.progress ? `**最新进度**：${state.progress.percent}%　${state.progress.note}` : '',
    state.result ? `**办理结果**：${state.result}` : '',
    state.returnCount > 0 ? `**退回**：${state.returnCount} 次，最近理由：${state.lastReturnReason ?? ''}` : '',
    state.extension
      ? `**延期申请**：延至 ${localDate(state.extension.newDueAt)}，理由：${state.extension.reason}（待审核）`
      : '',
    state.status === 'cancelled' ? `**撤销理由**：${state.closeReason ?? ''}` : '',
    ...escalationLines(input),
    state.closedAt ? `**${state.status === 'done' ? '办结' : '撤销'}时间**：${localDate(state.closedAt)}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

function escalationLines(input: ItemCardInput): string[] {
  const esc = escalationOf(input.state);
  return [
    esc.level > 0 ? `**督办层级**：已升级至第 ${esc.level} 级` : '',
    esc.urgeCount > 0 ? `**催办**：${esc.urgeCount} 次` : '',
    ...esc.instructions.map((i) => `**批示**（${name(input, i.by)}，${localDate(i.at)}）：${i.text}`),
  ];
}

function remaining(dueAt: string, now: string): string {
  const days = Math.round((Date.parse(localDate(dueAt)) - Date.parse(localDate(now))) / 86_400_000);
  if (Date.parse(now) > Date.parse(dueAt)) return `已逾期 ${Math.max(days * -1, 0) || 1} 天`;
  return days === 0 ? '今天到期' : `剩余 ${days} 天`;
}

function isOpen(state: ItemState): boolean {
  return state.status !== 'done' && state.status !== 'cancelled';
}

export function name(input: Pick<ItemCardInput, 'names'>, personId: string): string {
  return input.names[personId] ?? personId;
}
