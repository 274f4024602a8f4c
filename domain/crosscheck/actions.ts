import type { CrosscheckRefusal } from './finding.js';
import { teamOfPerson } from './finding.js';
import type { CrosscheckRound } from './types.js';

/** The round's other commands besides entering findings; each returns a refusal or undefined. */

/** 本组检查完毕: the team's lead (or the organizer) reports its checklist done; members cannot speak for the lead. */
export function checkTeamDone(round: CrosscheckRound, actorId: string, teamNo: number): CrosscheckRefusal | undefined {
  if (round.phase !== 'checking') return { code: 'wrong_phase', message: '本轮交叉检查已结束问题登记' };
  const team = round.teams.find((t) => t.no === teamNo);
  if (!team) return { code: 'invalid_value', message: `没有第 ${String(teamNo)} 检查组` };
  if (actorId !== team.leadId && actorId !== round.organizerId) {
    return { code: 'not_allowed', message: '只有本组组长可以报告检查完毕' };
  }
  if (team.doneAt) return { code: 'invalid_value', message: '本组已报告检查完毕' };
  return undefined;
}

/** 结束检查: only the organizer closes the entry of findings for every team at once. */
export function checkCloseChecking(round: CrosscheckRound, actorId: string): CrosscheckRefusal | undefined {
  if (actorId !== round.organizerId) return { code: 'not_allowed', message: '只有本轮交叉检查的组织人可以结束检查' };
  if (round.phase !== 'checking') return { code: 'wrong_phase', message: '本轮交叉检查已结束问题登记' };
  return undefined;
}

/** The report goes to the organizer and to anyone on a team; it names findings in other townships too. */
export function checkReportRequest(round: CrosscheckRound, actorId: string): CrosscheckRefusal | undefined {
  if (actorId === round.organizerId || teamOfPerson(round, actorId)) return undefined;
  return { code: 'not_allowed', message: '只有组织人和检查组成员可以查看本轮检查报告' };
}

/** Checking is over when the organizer says so or when every team has reported its checklist done. */
export function checkingComplete(round: CrosscheckRound): boolean {
  return round.teams.every((t) => t.doneAt !== undefined);
}

/** The round ends once checking is over and every 整改 is closed (销号, or withdrawn by 督查室). */
export function roundComplete(round: CrosscheckRound): boolean {
  return round.phase === 'rectifying' && round.findings.every((f) => f.status !== 'open');
}
