import type { Month } from '../month.js';
import { type ScoreLine, sumTenths, type VillageFacts, type VillageScore } from './breakdown.js';
import { dayLabel } from './format.js';
import type { Overrides, VillageInput } from './inputs.js';
import type { RuleSet } from './rules.js';
import { itemLines } from './score-items.js';

/**
 * Scores one village for a month: a line per inspected dimension (weight × score / 100), a share of the on-time
 * weight per item due in the month, and the deduction table applied to overdue, returned and escalated items.
 * Lines are rounded to tenths one by one and the score is their sum, so the breakdown always adds up.
 */
export function scoreVillage(input: VillageInput, rules: RuleSet, month: Month, overrides: Overrides): VillageScore {
  const voided = new Set(overrides.voidedInspectionIds);
  const lines: ScoreLine[] = [];
  const facts: VillageFacts = {
    inspections: [],
    missingDimensions: [],
    due: 0,
    onTime: 0,
    lateDone: 0,
    notDone: 0,
    overdueOpen: 0,
    overdueTitles: [],
    returns: 0,
    escalatedL3: 0,
  };

  for (const dim of rules.dimensions) {
    const found = input.inspections.find((i) => i.dimension === dim.key);
    if (!found || voided.has(found.id)) {
      facts.missingDimensions.push(dim.label);
      continue;
    }
    const problems = found.problems.length ? `；发现问题：${found.problems.join('；')}` : '';
    const photos = found.photoCount ? `（附照片 ${found.photoCount} 张）` : '';
    lines.push({
      id: `insp:${found.id}`,
      kind: 'inspection',
      label: dim.label,
      detail: `检查得 ${found.score} 分（${dayLabel(found.inspectedOn)}，检查人 ${found.inspectorName}）${problems}${photos}`,
      tenths: Math.round((dim.weight * found.score) / 10),
      maxTenths: dim.weight * 10,
      ref: { kind: 'inspection', id: found.id },
      appealable: found.score < 100,
    });
    facts.inspections.push({ dimension: dim.key, label: dim.label, score: found.score, problems: found.problems });
  }

  const excluded = new Set(overrides.excludedItemIds);
  const items = input.items.filter((i) => i.status !== 'cancelled' && !excluded.has(i.id));
  lines.push(...itemLines(items, rules, month, facts));

  const total = sumTenths(lines);
  if (total < 0) {
    lines.push({
      id: 'floor',
      kind: 'floor',
      label: '保底',
      detail: '总分不低于 0 分',
      tenths: -total,
      appealable: false,
    });
  }
  return {
    villageId: input.villageId,
    name: input.name,
    townshipId: input.townshipId,
    townshipName: input.townshipName,
    tenths: sumTenths(lines),
    ranked: rules.dimensions.length - facts.missingDimensions.length >= rules.minimum.inspectedDimensions,
    lines,
    facts,
  };
}
