import type { Month } from '../month.js';
import type { VillageScore } from './breakdown.js';
import type { Overrides, VillageInput } from './inputs.js';
import type { RuleRef, RuleSet } from './rules.js';
import { scoreVillage } from './score.js';
import { type Priors, type Selection, selectLists } from './select.js';
import { blackText, exitText, redText } from './text.js';

/** A month's computed list: every village's explained score, the lists, and the text for each listed village. */
export interface Ranking {
  month: Month;
  rule: RuleRef;
  scores: VillageScore[];
  selection: Selection;
  /** villageId → the published text, for red, black and exited villages. */
  texts: Record<string, string>;
  overrides: Overrides;
}

export function rankMonth(
  month: Month,
  villages: VillageInput[],
  rules: RuleSet,
  priors: Priors,
  overrides: Overrides,
): Ranking {
  const scores = villages.map((v) => scoreVillage(v, rules, month, overrides));
  const selection = selectLists(scores, rules, priors);
  const byId = new Map(scores.map((s) => [s.villageId, s]));
  const texts: Record<string, string> = {};
  for (const s of selection.red) texts[s.villageId] = redText(byId.get(s.villageId)!, s, rules, priors[s.villageId]);
  for (const b of selection.black) texts[b.villageId] = blackText(byId.get(b.villageId)!, b, rules);
  for (const e of selection.exited) texts[e.villageId] = exitText(e, rules);
  return { month, rule: { name: rules.name, version: rules.version }, scores, selection, texts, overrides };
}
