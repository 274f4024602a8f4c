import type { CrosscheckRound, FindingInput, Severity, Team } from './types.js';

export const SEVERITY_LABELS: Record<Severity, string> = { minor: '一般', major: '较重', severe: '严重' };

/** 整改时限 when none is given: the more serious, the sooner (working days). */
export const DEFAULT_WORKDAYS: Record<Severity, number> = { minor: 10, major: 5, severe: 3 };

export const MAX_WORKDAYS = 30;
export const MAX_PROBLEM_CHARS = 500;
/** One Excel upload at most; larger batches would also strain the 3-second card budget of the Update. */
export const MAX_FINDINGS_PER_BATCH = 200;

export type CrosscheckRefusalCode = 'not_allowed' | 'wrong_phase' | 'invalid_value';

export interface CrosscheckRefusal {
  code: CrosscheckRefusalCode;
  message: string;
}

/** '严重', 'severe' → 'severe'; anything else → undefined. */
export function parseSeverity(text: string): Severity | undefined {
  const t = text.trim();
  for (const [key, label] of Object.entries(SEVERITY_LABELS) as [Severity, string][]) {
    if (t === key || t === label) return key;
  }
  return undefined;
}

export function teamOfPerson(round: CrosscheckRound, personId: string): Team | undefined {
  return round.teams.find((t) => t.leadId === personId || t.memberIds.includes(personId));
}

/**
 * Every problem with a batch of findings, in input order; an Excel row's problems start with its row number. The
 * organizer (督查室) may enter findings for any team; a team's lead and members for their own team's lines, until
 * the team reports its checklist done. A batch is all-or-nothing, so one problem refuses all of it.
 */
export function findingProblems(round: CrosscheckRound, actorId: string, inputs: readonly FindingInput[]): string[] {
  return collect(round, actorId, inputs).map((r) => r.message);
}

/** The refusal for a batch: the first few problems, each on its line, so a long file still fits a toast or an error. */
export function checkFindings(
  round: CrosscheckRound,
  actorId: string,
  inputs: readonly FindingInput[],
): CrosscheckRefusal | undefined {
  const problems = collect(round, actorId, inputs);
  if (problems.length === 0) return undefined;
  const shown = problems
    .slice(0, 10)
    .map((p) => p.message)
    .join('\n');
  const more = problems.length > 10 ? `\n……另有 ${problems.length - 10} 处问题` : '';
  return { code: problems[0]!.code, message: `${shown}${more}` };
}

function collect(round: CrosscheckRound, actorId: string, inputs: readonly FindingInput[]): CrosscheckRefusal[] {
  if (round.phase !== 'checking') return [wrongPhase('本轮交叉检查已结束问题登记，不能再录入问题')];
  if (!Array.isArray(inputs) || inputs.length === 0) return [invalid('没有要登记的问题')];
  if (inputs.length > MAX_FINDINGS_PER_BATCH) return [invalid(`一次最多登记 ${MAX_FINDINGS_PER_BATCH} 个问题`)];
  const organizer = actorId === round.organizerId;
  const ownTeam = teamOfPerson(round, actorId);
  if (!organizer && !ownTeam) return [notAllowed('您不是本轮交叉检查的检查组成员，不能登记问题')];
  const recorded = new Set(round.findings.map((f) => `${f.lineId}|${f.problem}`));
  const problems: CrosscheckRefusal[] = [];
  for (const input of inputs) {
    const at = typeof input?.row === 'number' ? `第 ${input.row} 行：` : '';
    const problem = inputProblem(round, input, { organizer, ownTeam, recorded });
    if (problem) problems.push({ ...problem, message: `${at}${problem.message}` });
    else recorded.add(`${input.lineId.trim()}|${input.problem.trim()}`);
  }
  return problems;
}

function inputProblem(
  round: CrosscheckRound,
  input: FindingInput,
  who: { organizer: boolean; ownTeam: Team | undefined; recorded: Set<string> },
): CrosscheckRefusal | undefined {
  if (!input || typeof input !== 'object') return invalid('问题内容缺失');
  const line = typeof input.lineId === 'string' ? round.lines.find((l) => l.id === input.lineId.trim()) : undefined;
  if (!line) return invalid(`检查清单中没有编号为“${shown(input.lineId)}”的项目`);
  const team = round.teams.find((t) => t.no === line.teamNo)!;
  if (!who.organizer && who.ownTeam?.no !== line.teamNo) {
    return notAllowed(`清单项 ${line.id} 属于第 ${line.teamNo} 检查组（检查${team.inspectsName}），您不能代为登记`);
  }
  if (!who.organizer && team.doneAt) return notAllowed(`第 ${team.no} 检查组已报告检查完毕，如需补录请联系督查室`);
  if (typeof input.problem !== 'string' || input.problem.trim() === '') return invalid('请填写问题描述');
  if (input.problem.trim().length > MAX_PROBLEM_CHARS) return invalid(`问题描述不能超过 ${MAX_PROBLEM_CHARS} 个字`);
  if (!(typeof input.severity === 'string' && input.severity in SEVERITY_LABELS)) {
    return invalid(`严重程度须为 一般、较重 或 严重（收到“${shown(input.severity)}”）`);
  }
  if (input.workdays !== undefined && !validWorkdays(input.workdays)) {
    const got = Number.isFinite(input.workdays) ? `，收到“${String(input.workdays)}”` : '';
    return invalid(`整改时限须为 1–${MAX_WORKDAYS} 的整数（工作日）${got}`);
  }
  const responsible = round.responsible[line.unitId];
  if (!responsible) return invalid(`${line.unitName}没有登记责任人，请先维护组织架构`);
  // The whole point of 交叉检查: whoever answers for the 整改 must not be the one who confirms it.
  if (responsible === team.leadId) return invalid(`${line.unitName}的责任人是本组组长，不能自查自销`);
  if (who.recorded.has(`${line.id}|${input.problem.trim()}`)) return invalid(`清单项 ${line.id} 已登记过相同的问题`);
  return undefined;
}

/** Wire values may be anything; show strings as given and nothing else. */
function shown(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function validWorkdays(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKDAYS;
}

const invalid = (message: string): CrosscheckRefusal => ({ code: 'invalid_value', message });
const notAllowed = (message: string): CrosscheckRefusal => ({ code: 'not_allowed', message });
const wrongPhase = (message: string): CrosscheckRefusal => ({ code: 'wrong_phase', message });
