import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Timestamps come back as ISO strings and dates as 'YYYY-MM-DD', never JS Dates: the same
 * values then flow unchanged into Temporal payloads, cards and JSON without time-zone drift.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return (v: string) => new Date(v).toISOString();
    if (oid === DATE_OID || oid === INT8_OID) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface DbHandle {
  db: Kysely<Database>;
  close(): Promise<void>;
}

export function createDb(connectionString: string, maxConnections = 10, onIdleError?: (err: Error) => void): DbHandle {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types });
  // An idle client losing its server (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (err) => onIdleError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}
