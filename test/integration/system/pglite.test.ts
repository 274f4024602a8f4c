import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { allMigrations, migrateAll } from '../../../app/migrations.js';
import { createDb } from '../../../db/connection.js';
import { startEmbeddedPostgres } from '../../../db/embedded.js';
import { findItem, listEvents, recordTransition } from '../../../db/items/items.js';
import { type ItemEvent, initialState } from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database (PGlite over the PostgreSQL wire protocol)', () => {
  it('migrates, keeps the ledger across a restart, and stays idempotent', async () => {
    const spec = kuanglangSpec();
    const state = initialState(spec);
    const created: ItemEvent = { type: 'created', spec, seq: 1, actorId: spec.issuerId, at: spec.createdAt };

    const first = await startEmbeddedPostgres(dir);
    const a = createDb(first.url, first.maxConnections);
    const all = Object.keys(allMigrations()).sort((a, b) => a.localeCompare(b));
    expect(await migrateAll(a.db as never)).toEqual(all);
    await seedDemoOrg(a.db);
    await recordTransition(a.db, state, created, spec.createdAt);
    await recordTransition(a.db, state, created, spec.createdAt); // an activity retry
    await a.close();
    await first.stop();

    const second = await startEmbeddedPostgres(dir);
    const b = createDb(second.url, second.maxConnections);
    try {
      expect(await migrateAll(b.db as never)).toEqual([]);
      const row = await findItem(b.db, spec.id);
      expect(row).toMatchObject({ status: 'assigned', version: 1, assignee_id: spec.assigneeId });
      expect(Date.parse(row!.due_at)).toBe(Date.parse(spec.dueAt));
      expect((await listEvents(b.db, spec.id)).map((e) => e.type)).toEqual(['created']);
    } finally {
      await b.close();
      await second.stop();
    }
  });
});
