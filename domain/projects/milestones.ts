import { parseDateText } from '../loans/sheet.js';
import type { Milestone } from './types.js';

/**
 * The 里程碑 cell: '2024-07-31 主体完工 60%；2024-09-30 设备安装 90%' (name optional). Each point must fall
 * strictly between the planned start and finish, in date order, with the planned percentage rising (1–99).
 */
export function parseMilestones(
  text: string,
  start: string,
  finish: string,
  fail: (reason: string) => void,
): Milestone[] {
  if (!text.trim()) return [];
  const out: Milestone[] = [];
  for (const part of text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\S+)\s+(?:(.*?)\s+)?(\d{1,3})\s*[%％]$/.exec(part);
    const date = m ? parseDateText(m[1]!) : undefined;
    const percent = m ? Number(m[3]) : Number.NaN;
    if (!m || !date) {
      fail(`里程碑“${part}”格式应为“日期 名称 百分比”，如“2024-07-31 主体完工 60%”`);
      continue;
    }
    const prev = out.at(-1);
    if (date <= start || date >= finish) fail(`里程碑日期 ${date} 应在计划开工与完工日期之间`);
    else if (percent < 1 || percent > 99) fail(`里程碑“${part}”的进度应为 1–99`);
    else if (prev && (date <= prev.date || percent <= prev.percent)) fail(`里程碑“${part}”的日期和进度须依次递增`);
    else out.push({ date, percent, name: (m[2] ?? '').trim() });
  }
  return out;
}
