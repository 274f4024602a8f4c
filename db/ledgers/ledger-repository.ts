import type { ColumnType, Kysely, Transaction } from 'kysely';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;
type Json<T> = ColumnType<T, string, string>;

/**
 * A ledger entity (a loan, a project) is a row holding its current state as JSON plus the audit trail of its
 * events, keyed by (entity, seq). The repositories of loans and projects differ in their columns; how a state and
 * its events are written, read and replayed is the same, and lives here.
 */
export interface LedgerEntity {
  /** The entity table (loans, projects). */
  table: 'loans' | 'projects';
  /** Its audit trail (loan_events, project_events). */
  events: 'loan_events' | 'project_events';
  /** The events' column naming the entity (loan_id, project_id). */
  key: 'loan_id' | 'project_id';
}

/** The part of every ledger event the trail stores in columns; the rest goes into `payload`. */
export interface LedgerEventBase {
  seq: number;
  type: string;
  actorId: string;
  at: string;
}

/** What the entity and events tables of every ledger have in common, under neutral names (see `view`). */
interface SharedTables {
  entity: {
    id: string;
    state: Json<unknown>;
    /** Written with the entity's own columns (EntityColumns); read here only to filter. */
    status: ColumnType<string, string | undefined, string | undefined>;
    version: number;
    created_at: string;
    updated_at: string;
  };
  events: {
    entity_id: string;
    seq: number;
    type: string;
    actor_id: string;
    at: string;
    payload: Json<Record<string, unknown>>;
  };
}

/**
 * The ledger's tables typed as SharedTables. The names are only retyped: kysely builds SQL from the runtime
 * strings, which stay the entity's own (loans, loan_events, loan_id); db/ledgers/tables.ts declares the columns.
 */
function view(db: Db | Transaction<Database>, entity: LedgerEntity) {
  return {
    db: db as unknown as Kysely<SharedTables>,
    entity: entity.table as 'entity',
    events: entity.events as 'events',
    key: entity.key as 'entity_id',
  };
}

function eventRow(event: LedgerEventBase) {
  const { seq, type, actorId, at, ...payload } = event;
  return { seq, type, actor_id: actorId, at, payload: JSON.stringify(payload) };
}

/** Columns of the entity row besides id and its timestamps; `state` and `version` are filled in here. */
export type EntityColumns = Record<string, unknown>;

/** A new entity's row and its first event, inside the caller's (import) transaction. */
export async function insertLedgerEntity(
  trx: Transaction<Database>,
  entity: LedgerEntity,
  row: { id: string; columns: EntityColumns; state: { seq: number }; event: LedgerEventBase; at: string },
): Promise<void> {
  const v = view(trx, entity);
  await v.db
    .insertInto(v.entity)
    .values({
      id: row.id,
      ...row.columns,
      state: JSON.stringify(row.state),
      version: row.state.seq,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
  await v.db
    .insertInto(v.events)
    .values({ [v.key]: row.id, ...eventRow(row.event) } as SharedTables['events'] & { payload: string })
    .execute();
}

/**
 * One transition inside the caller's transaction: the row moves forward (only if the state is newer than it) and
 * the event is written once, keyed by (entity, seq), so activity retries are harmless. True when the row moved.
 */
export async function recordLedgerTransition(
  trx: Transaction<Database>,
  entity: LedgerEntity,
  row: { id: string; columns: EntityColumns; state: { seq: number }; event: LedgerEventBase; now: string },
): Promise<boolean> {
  const v = view(trx, entity);
  const moved = await v.db
    .updateTable(v.entity)
    .set({ ...row.columns, state: JSON.stringify(row.state), version: row.state.seq, updated_at: row.now })
    .where('id', '=', row.id)
    .where('version', '<', row.state.seq)
    .executeTakeFirst();
  await v.db
    .insertInto(v.events)
    .values({ [v.key]: row.id, ...eventRow(row.event) } as SharedTables['events'] & { payload: string })
    .onConflict((oc) => oc.columns([v.key, 'seq']).doNothing())
    .execute();
  return moved.numUpdatedRows > 0n;
}

/** Which of `ids` the ledger already holds (an import refuses them). */
export async function existingLedgerIds(db: Db, entity: LedgerEntity, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const v = view(db, entity);
  const rows = await v.db.selectFrom(v.entity).select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function findLedgerState<S>(db: Db, entity: LedgerEntity, id: string): Promise<S | undefined> {
  const v = view(db, entity);
  const row = await v.db.selectFrom(v.entity).select('state').where('id', '=', id).executeTakeFirst();
  return row?.state as S | undefined;
}

/** States by id, all of them or those whose status is (or, with `not`, is not) `status`. */
export async function ledgerStates<S>(
  db: Db,
  entity: LedgerEntity,
  filter?: { status: string; not?: boolean },
): Promise<S[]> {
  const v = view(db, entity);
  let query = v.db.selectFrom(v.entity).select('state');
  if (filter) query = query.where('status', filter.not ? '!=' : '=', filter.status);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => r.state as S);
}

/** The audit trail in order, each event as the workflow recorded it (times back in +08:00). */
export async function listLedgerEvents<E extends LedgerEventBase>(
  db: Db,
  entity: LedgerEntity,
  id: string,
): Promise<E[]> {
  const v = view(db, entity);
  const rows = await v.db.selectFrom(v.events).selectAll().where(v.key, '=', id).orderBy('seq').execute();
  return rows.map(
    (r) =>
      ({
        ...r.payload,
        seq: r.seq,
        type: r.type,
        actorId: r.actor_id,
        at: toShanghaiIso(Date.parse(r.at)),
      }) as E,
  );
}
