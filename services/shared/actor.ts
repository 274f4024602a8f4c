import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { findPeopleByIdOrName, hasPeople, type PersonMatch, supervisionHead } from '../../db/org/people-lookup.js';
import type { Database } from '../../db/schema.js';

/** Who an operator's command acts as. `person` is set when the org holds them (it does not before the first import). */
export interface Actor {
  id: string;
  person?: PersonMatch;
}

/** The one rule, as the usage states it. */
export const ACTOR_RULE =
  '--actor 姓名或人员编号（须在组织架构中；同名时用编号）。缺省为督查室主任（督查职务中的主任）；组织架构尚未导入时记为 cli:<登录名>';

export type ActorResult = { ok: true; actor: Actor } | { ok: false; message: string };

/**
 * `--actor` for every command: a person by id or by name, checked against the org; omitted, the 督查室主任, whom an
 * operator of the 督查室 acts for. An org with nobody in it (before the first import-org) cannot be checked: the
 * value is recorded as given, and the default is the operator's login.
 */
export async function resolveActor(db: Kysely<Database>, value: string | undefined): Promise<ActorResult> {
  const given = value?.trim();
  if (given === undefined) {
    const head = await supervisionHead(db);
    if (head) return { ok: true, actor: { id: head.id, person: head } };
    if (!(await hasPeople(db))) return { ok: true, actor: { id: `cli:${loginName()}` } };
    return { ok: false, message: '组织架构中没有督查室人员（督查职务），请用 --actor 指定操作人（姓名或人员编号）' };
  }
  if (given === '') return { ok: false, message: '--actor 不能为空：请写操作人的姓名或人员编号' };
  if (!(await hasPeople(db))) return { ok: true, actor: { id: given } };
  return resolvePerson(db, given, '操作人');
}

/** A person named on the command line (操作人, 交办人, 审核人…) by id or by name; refusals list the candidates. */
export async function resolvePerson(db: Kysely<Database>, value: string, label: string): Promise<ActorResult> {
  const { exact, similar } = await findPeopleByIdOrName(db, value);
  const [only] = exact;
  if (only && exact.length === 1) return { ok: true, actor: { id: only.id, person: only } };
  if (exact.length > 1) {
    return {
      ok: false,
      message: `${label}「${value}」有 ${exact.length} 人同名，请用人员编号指定：\n${exact.map(describe).join('\n')}`,
    };
  }
  const hint = similar.length ? `，相近的人员：\n${similar.map(describe).join('\n')}` : '';
  return { ok: false, message: `组织架构中没有${label}「${value}」${hint}` };
}

function describe(p: PersonMatch): string {
  return `  ${p.id}  ${p.name}（${p.unitName}${p.title ? ` ${p.title}` : ''}）`;
}

function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
