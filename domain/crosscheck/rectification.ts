import type { ItemSpec, Urgency } from '../items/index.js';
import { LINE_TYPES } from './checklist.js';
import { DEFAULT_WORKDAYS, SEVERITY_LABELS } from './finding.js';
import type { CrosscheckRound, Finding, FindingInput, Severity } from './types.js';

export function findingId(roundId: string, no: number): string {
  return `${roundId}-F${no}`;
}

/** The 整改 item of finding `no`: derived from the round, so a retried or replayed start asks for the same item. */
export function rectificationItemId(roundId: string, no: number): string {
  return `${roundId}-ZG${no}`;
}

const URGENCY: Record<Severity, Urgency> = { minor: 'normal', major: 'important', severe: 'urgent' };

export interface NewFindingContext {
  actorId: string;
  source: 'card' | 'excel';
  at: string;
  /** The 整改 deadline `workdays` working days from now (the caller owns the calendar). */
  dueAt: (workdays: number) => string;
}

/** Findings for a batch that checkFindings accepted, numbered after the round's existing ones. */
export function newFindings(
  round: CrosscheckRound,
  inputs: readonly FindingInput[],
  ctx: NewFindingContext,
): Finding[] {
  let no = round.findings.length;
  return inputs.map((input) => {
    no += 1;
    const line = round.lines.find((l) => l.id === input.lineId.trim())!;
    const team = round.teams.find((t) => t.no === line.teamNo)!;
    const workdays = input.workdays ?? DEFAULT_WORKDAYS[input.severity];
    return {
      id: findingId(round.id, no),
      no,
      lineId: line.id,
      teamNo: team.no,
      unitId: line.unitId,
      problem: input.problem.trim(),
      severity: input.severity,
      workdays,
      dueAt: ctx.dueAt(workdays),
      itemId: rectificationItemId(round.id, no),
      assigneeId: round.responsible[line.unitId]!,
      reviewerId: team.leadId,
      source: ctx.source,
      recordedBy: ctx.actorId,
      recordedAt: ctx.at,
      status: 'open',
    };
  });
}

/**
 * The 整改 item of a finding: an ordinary supervision item owned by the inspected unit, issued by the round's
 * organizer, and reviewed by the inspecting team's lead, so the assignee's 提交办结 goes to the inspector, who
 * confirms the fix (审核通过 = 销号) or returns it. Nobody on the inspected side can close it.
 */
export function rectificationSpec(
  round: CrosscheckRound,
  finding: Finding,
  o: { createdAt: string; signBy: string },
): ItemSpec {
  const line = round.lines.find((l) => l.id === finding.lineId)!;
  const team = round.teams.find((t) => t.no === finding.teamNo)!;
  const type = LINE_TYPES[line.type];
  const description = [
    `${round.title}：第 ${team.no} 检查组（${team.fromName}）在${line.unitName}检查发现——`,
    `【${line.subject}】${finding.problem}`,
    `严重程度：${SEVERITY_LABELS[finding.severity]}；整改时限：${finding.workdays} 个工作日。`,
    '整改完成后请提交整改情况及佐证材料，由检查组组长复核确认后销号。',
  ].join('\n');
  return {
    id: finding.itemId,
    kind: 'rectification',
    title: `交叉检查整改：${line.unitName}${type.label}`.slice(0, 100),
    description: description.slice(0, 2000),
    urgency: URGENCY[finding.severity],
    domain: type.domain,
    ownerUnitId: line.unitId,
    issuerId: round.organizerId,
    reviewerId: finding.reviewerId,
    assigneeId: finding.assigneeId,
    createdAt: o.createdAt,
    signBy: o.signBy,
    dueAt: finding.dueAt,
    evidenceRequired: true,
  };
}
