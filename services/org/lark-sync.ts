import type * as lark from '@larksuiteoapi/node-sdk';
import type { Kysely } from 'kysely';
import { applyOrgChanges, countChanges, lockOrg, type OrgChangeSummary, recordOrgImport } from '../../db/org/import.js';
import { countOpenItems, loadStoredOrg } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import { type FetchOptions, fetchLarkDirectory } from './lark-directory.js';
import { type LarkSyncReport, planLarkSync } from './lark-mapping.js';

export interface LarkSyncResult {
  importId: string;
  changes: number;
  summary: OrgChangeSummary;
  report: LarkSyncReport & {
    /** Of peopleNotInLark: how many open items each still owns (why they are kept). */
    openItemsOfMissing: Record<string, number>;
    departments: number;
    users: number;
  };
}

/**
 * Reads the Lark contact directory through the SDK and brings units, people and leader posts in
 * line with it (lark-mapping.ts has the rules). Idempotent: a second sync with nothing changed in
 * Lark writes nothing but its audit row. Reading happens before the transaction, so Lark's pace
 * never holds the org lock.
 */
export async function syncOrgFromLark(
  db: Kysely<Database>,
  client: lark.Client,
  options: { actor: string } & FetchOptions,
): Promise<LarkSyncResult> {
  const directory = await fetchLarkDirectory(client, options);
  return db.transaction().execute(async (trx) => {
    await lockOrg(trx);
    const { changes, report } = planLarkSync(directory, await loadStoredOrg(trx));
    const summary = await applyOrgChanges(trx, changes, options.actor);
    const full = {
      ...report,
      openItemsOfMissing: await countOpenItems(trx, report.peopleNotInLark),
      departments: directory.departments.length,
      users: directory.users.length,
    };
    const changed = countChanges(summary);
    const importId = await recordOrgImport(trx, {
      source: 'lark',
      actor: options.actor,
      summary: { changes: changed, ...summary, report: full },
    });
    return { importId, changes: changed, summary, report: full };
  });
}
