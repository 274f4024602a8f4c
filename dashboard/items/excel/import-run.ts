import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { loadImportOrg } from '../../../db/items/dashboard.js';
import type { Database } from '../../../db/schema.js';
import type { CalendarData } from '../../../domain/calendar/index.js';
import { startItem } from '../../../services/items/item-service.js';
import { parseImportFile } from './import-parse.js';
import { type RowError, validateRows } from './import-validate.js';

export interface ImportOutcome {
  ok: boolean;
  /** Ids of items started by this import. */
  started: string[];
  /** Ids already present (an earlier import of the same rows): left as they are. */
  existing: string[];
  errors: RowError[];
  /** A problem with the file as a whole (format, header). */
  fileError?: string;
}

export interface ImportDeps {
  db: Kysely<Database>;
  client: Client;
  taskQueue: string;
  cal: CalendarData;
  now: string;
  issuerId: string;
}

/**
 * Validates every row first and starts items only when all pass. Starting is idempotent (ids are deterministic and
 * a started id is refused as a duplicate), so if the Temporal service fails half-way the same file can simply be
 * imported again.
 */
export async function importItems(deps: ImportDeps, data: Buffer): Promise<ImportOutcome> {
  const parsed = await parseImportFile(data);
  if (!parsed.ok) return { ok: false, started: [], existing: [], errors: [], fileError: parsed.error };
  const org = await loadImportOrg(deps.db);
  const checked = validateRows(parsed.rows, { org, issuerId: deps.issuerId, now: deps.now, cal: deps.cal });
  if (!checked.ok) return { ok: false, started: [], existing: [], errors: checked.errors };
  const started: string[] = [];
  const existing: string[] = [];
  for (const spec of checked.specs) {
    // With the database, the current escalation policy is snapshotted onto each item, as for any 交办.
    const r = await startItem(deps.client, deps.taskQueue, spec, deps.db);
    if (r.started) started.push(spec.id);
    else if (r.reason === 'exists') existing.push(spec.id);
    else throw new Error(`item ${spec.id} refused after validation: ${r.message}`);
  }
  return { ok: true, started, existing, errors: [] };
}
