import { assignTeams } from './assign.js';
import { buildChecklist } from './checklist.js';
import type { CrosscheckRound, HouseholdSample, LineType, TownshipRoster } from './types.js';

const ROUND_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/** Round ids name workflows and items ('<round>-ZG12'), so they stay short and plain. */
export function checkRoundId(id: unknown): string | undefined {
  if (typeof id === 'string' && ROUND_ID_RE.test(id)) return undefined;
  return `轮次编号不合法：“${String(id)}”（字母、数字、- _ .，最长 40 个字符，例如 cc-2024h1）`;
}

export function crosscheckWorkflowId(roundId: string): string {
  return `crosscheck-${roundId}`;
}

export interface PlanRoundInput {
  id: string;
  title: string;
  organizerId: string;
  startedAt: string;
  townships: TownshipRoster[];
  responsible: Record<string, string>;
  names: Record<string, string>;
  types?: readonly LineType[];
  households?: readonly HouseholdSample[];
}

export type PlanRoundResult = { ok: true; round: CrosscheckRound } | { ok: false; message: string };

/** A new round: teams assigned (never their own township), and each team's checklist over the township it inspects. */
export function planRound(input: PlanRoundInput): PlanRoundResult {
  const badId = checkRoundId(input.id);
  if (badId) return { ok: false, message: badId };
  if (!input.title.trim() || input.title.length > 60) return { ok: false, message: '请填写轮次名称（不超过 60 个字）' };
  const assigned = assignTeams(input.townships, input.id);
  if (!assigned.ok) return assigned;
  const lines = assigned.teams.flatMap((team) =>
    buildChecklist(team, input.townships.find((t) => t.id === team.inspectsTownshipId)!, {
      ...(input.types ? { types: input.types } : {}),
      ...(input.households ? { households: input.households } : {}),
    }),
  );
  if (lines.length === 0) return { ok: false, message: '检查清单为空：被检乡镇没有村（社区）' };
  return {
    ok: true,
    round: {
      id: input.id,
      title: input.title.trim(),
      organizerId: input.organizerId,
      startedAt: input.startedAt,
      phase: 'checking',
      teams: assigned.teams,
      lines,
      findings: [],
      responsible: input.responsible,
      names: input.names,
    },
  };
}
