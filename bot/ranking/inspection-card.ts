import type { DimensionRule } from '../../domain/ranking/index.js';
import {
  button,
  type Card,
  type CardElement,
  card,
  columns,
  datePicker,
  form,
  header,
  input,
  markdown,
  selectStatic,
} from '../cards/elements.js';
import { RANKING_FIELDS, rankingValue } from './card-common.js';

export const scoreField = (key: string) => `score_${key}`;
export const problemsField = (key: string) => `problems_${key}`;

export interface InspectionFormInput {
  month: string;
  today: string;
  villages: { id: string; name: string }[];
  dimensions: DimensionRule[];
  /** What was just recorded, shown above a fresh form. */
  recorded?: string;
}

/**
 * The inspector's form: one village, one month, a 0–100 score per dimension and the problems found. Photos come
 * with the Excel import (a card form cannot carry files).
 */
export function inspectionFormCard(i: InspectionFormInput): Card {
  const dims: CardElement[] = i.dimensions.map((d) =>
    columns([
      [input(scoreField(d.key), `${d.label}得分`, '0–100', { required: true, maxLength: 5 })],
      [input(problemsField(d.key), `${d.label}发现问题`, '多个问题用；分隔，无问题留空', { maxLength: 300 })],
    ]),
  );
  const elements: CardElement[] = [];
  if (i.recorded) elements.push(markdown(i.recorded));
  elements.push(
    form('ranking_inspection', [
      selectStatic(
        RANKING_FIELDS.village,
        '选择村（社区）',
        i.villages.map((v) => ({ text: v.name, value: v.id })),
        true,
      ),
      input(RANKING_FIELDS.month, '考核月份', 'YYYY-MM', { required: true, defaultValue: i.month, maxLength: 7 }),
      datePicker(RANKING_FIELDS.date, '检查日期', i.today, true),
      ...dims,
      button('提交检查结果', rankingValue('inspect'), {
        type: 'primary_filled',
        submit: { name: 'submit_inspection' },
      }),
    ]),
  );
  return card(
    header('人居环境检查录入', '红黑榜评分依据 · 每村每月每项一条，重复录入以最新为准', 'turquoise'),
    elements,
    '人居环境检查录入',
  );
}
