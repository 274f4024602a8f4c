import { isMonth, type Month } from '../month.js';
import { isValidDate } from '../shanghai-time.js';
import type { DimensionRule } from './rules.js';

/** One dimension of one village's monthly inspection, as an inspector enters it (card form or Excel row). */
export interface InspectionEntry {
  month: Month;
  villageId: string;
  dimension: string;
  score: number;
  problems: string[];
  inspectorId: string;
  inspectedOn: string;
}

/** '85', 85, ' 92.5 ' → the number; anything else (empty, '优', 101) → undefined. */
export function parseScore(raw: unknown): number | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,3}(\.\d)?$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 100 ? n : undefined;
}

/** Problems written in one cell or field, separated by ；/;/、/newlines. */
export function splitProblems(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/[；;、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 20);
}

/** What is wrong with an entry, in Chinese, or undefined. The inspection date must fall in the month it scores. */
export function checkInspection(
  e: {
    month: unknown;
    villageId: unknown;
    dimension: unknown;
    score: unknown;
    inspectedOn: unknown;
    problems: string[];
  },
  dimensions: DimensionRule[],
  villageIds: ReadonlySet<string>,
): string | undefined {
  if (!isMonth(e.month)) return `考核月份格式不正确：${String(e.month)}（应为 YYYY-MM）`;
  if (typeof e.villageId !== 'string' || !villageIds.has(e.villageId))
    return `村（社区）不存在：${String(e.villageId)}`;
  const dim = dimensions.find((d) => d.key === e.dimension);
  if (!dim) return `检查项目不存在：${String(e.dimension)}`;
  if (parseScore(e.score) === undefined)
    return `${dim.label}得分须为 0–100 的数（最多一位小数），填写的是“${String(e.score ?? '')}”`;
  if (typeof e.inspectedOn !== 'string' || !isValidDate(e.inspectedOn)) return '检查日期格式不正确';
  if (e.inspectedOn.slice(0, 7) !== e.month) return `检查日期 ${e.inspectedOn} 不在考核月份 ${e.month} 内`;
  if (e.problems.some((p) => p.length > 200)) return `${dim.label}的问题描述每条不能超过 200 个字`;
  return undefined;
}

export function inspectionId(month: Month, villageId: string, dimension: string): string {
  return `insp-${month}-${villageId}-${dimension}`;
}
