import type { Kysely } from 'kysely';
import { listVillages } from '../../db/ranking/inputs.js';
import { isInspector, recordInspections } from '../../db/ranking/inspections.js';
import type { Database } from '../../db/schema.js';
import {
  checkInspection,
  monthLabel,
  monthOfDate,
  parseScore,
  previousMonth,
  type RuleSet,
  splitProblems,
} from '../../domain/ranking/index.js';
import { localDate, toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { resolveRules } from '../../services/ranking/compute.js';
import type { Card } from '../cards/elements.js';
import type { CardClick } from '../webhook/card-router.js';
import { larkDate } from '../webhook/form-values.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { RANKING_FIELDS } from './card-common.js';
import { inspectionFormCard, problemsField, scoreField } from './inspection-card.js';

interface Deps {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
}

/** The empty inspection form, for last month by default (inspections are entered after the fact). */
export async function inspectionForm(db: Kysely<Database>, now: Date, recorded?: string): Promise<Card> {
  const rules = await resolveRules(db);
  const today = localDate(now.getTime());
  const villages = await listVillages(db);
  return inspectionFormCard({
    month: previousMonth(monthOfDate(today)),
    today,
    villages: villages.map((v) => ({ id: v.id, name: v.name })),
    dimensions: rules.dimensions,
    ...(recorded ? { recorded } : {}),
  });
}

/**
 * A submitted inspection form: every dimension is checked before anything is written (a bad field is named and
 * nothing is lost — the form keeps what was typed), then all dimensions are recorded in one transaction.
 */
export async function submitInspectionForm(deps: Deps, click: CardClick): Promise<CardCallbackResponse> {
  const rules = await resolveRules(deps.db);
  if (!(await isInspector(deps.db, click.actor.id, rules.domain))) {
    return toast('error', '只有县委督查室和农业农村部门的检查人员可以录入检查结果', 'Not an inspector');
  }
  const f = click.formValue;
  const villageId = typeof f[RANKING_FIELDS.village] === 'string' ? (f[RANKING_FIELDS.village] as string) : '';
  const month = typeof f[RANKING_FIELDS.month] === 'string' ? (f[RANKING_FIELDS.month] as string).trim() : '';
  const inspectedOn = larkDate(f[RANKING_FIELDS.date]);
  const villages = await listVillages(deps.db);
  const ids = new Set(villages.map((v) => v.id));
  const entries = rules.dimensions.map((d) => ({
    month,
    villageId,
    dimension: d.key,
    score: f[scoreField(d.key)],
    problems: splitProblems(f[problemsField(d.key)]),
    inspectedOn,
  }));
  for (const e of entries) {
    const problem = checkInspection(e, rules.dimensions, ids);
    if (problem) return toast('error', problem, 'Invalid inspection');
  }
  const at = toShanghaiIso(deps.clock().getTime());
  await recordInspections(
    deps.db,
    entries.map((e) => ({ ...e, score: parseScore(e.score)!, inspectorId: click.actor.id })),
    { source: 'card', by: click.actor.id, at },
  );
  const name = villages.find((v) => v.id === villageId)?.name ?? villageId;
  const summary = summaryOf(rules, entries);
  deps.logger.info('inspection recorded', { villageId, month, by: click.actor.id });
  const card = await inspectionForm(
    deps.db,
    deps.clock(),
    `已录入 **${name}** ${monthLabel(month)}检查结果：${summary}`,
  );
  return toast('success', `已录入${name}检查结果`, 'Inspection recorded', card);
}

function summaryOf(rules: RuleSet, entries: { dimension: string; score: unknown; problems: string[] }[]): string {
  return entries
    .map((e) => {
      const label = rules.dimensions.find((d) => d.key === e.dimension)?.label ?? e.dimension;
      return `${label} ${parseScore(e.score)} 分${e.problems.length ? `（${e.problems.join('、')}）` : ''}`;
    })
    .join('，');
}
