import type { Kysely } from 'kysely';
import {
  type ImportedProject,
  initialProjectState,
  type ProjectEvent,
  type ProjectFigureInput,
  type ProjectReport,
  type ProjectState,
} from '../../domain/projects/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

function projectColumns(state: ProjectState) {
  const { project, progress } = state;
  return {
    name: project.name,
    township_id: project.townshipId,
    unit_id: project.unitId,
    reporter_id: project.reporterId,
    industry: project.industry,
    central_fen: project.funds.central,
    provincial_fen: project.funds.provincial,
    county_fen: project.funds.county,
    planned_start: project.plannedStart,
    planned_finish: project.plannedFinish,
    milestones: JSON.stringify(project.milestones),
    adjust_behind_points: project.adjustBehindPoints,
    started: progress.started,
    started_on: progress.startedOn ?? null,
    percent: progress.percent,
    paid_fen: progress.paidFen,
    light: state.light ?? null,
    last_period: state.reports.at(-1)?.period ?? null,
    adjustment_item_id: state.adjustment?.itemId ?? null,
    status: state.status,
    state: JSON.stringify(state),
    version: state.seq,
  };
}

function eventRow(event: ProjectEvent) {
  const { seq, type, actorId, at, ...payload } = event;
  return { seq, type, actor_id: actorId, at, payload: JSON.stringify(payload) };
}

function reportRow(projectId: string, r: ProjectReport) {
  return {
    project_id: projectId,
    period: r.period,
    started: r.started,
    started_on: r.startedOn ?? null,
    percent: r.percent,
    paid_fen: r.paidFen,
    planned_percent: r.plannedPercent,
    behind_points: r.behindPoints ?? null,
    light: r.light,
    reasons: JSON.stringify(r.reasons),
    note: r.note,
    reported_by: r.by,
    reported_at: r.at,
  };
}

/** The import, all or nothing: every project with its 'imported' audit event. */
export async function insertImportedProjects(
  db: Db,
  projects: ImportedProject[],
  meta: { by: string; at: string },
): Promise<ProjectState[]> {
  return db.transaction().execute(async (trx) => {
    const states: ProjectState[] = [];
    for (const p of projects) {
      const event: ProjectEvent = { type: 'imported', ...p, seq: 1, actorId: meta.by, at: meta.at };
      const state = initialProjectState(event);
      await trx
        .insertInto('projects')
        .values({ id: p.project.id, ...projectColumns(state), created_at: meta.at, updated_at: meta.at })
        .execute();
      await trx
        .insertInto('project_events')
        .values({ project_id: p.project.id, ...eventRow(event) })
        .execute();
      states.push(state);
    }
    return states;
  });
}

/** One transition: the audit event, the ledger row and, for a report, the report row, in one transaction. */
export async function recordProjectEvent(db: Db, state: ProjectState, event: ProjectEvent, now: string): Promise<void> {
  const id = state.project.id;
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('projects')
      .set({ ...projectColumns(state), updated_at: now })
      .where('id', '=', id)
      .where('version', '<', state.seq)
      .executeTakeFirst();
    await trx
      .insertInto('project_events')
      .values({ project_id: id, ...eventRow(event) })
      .onConflict((oc) => oc.columns(['project_id', 'seq']).doNothing())
      .execute();
    const report = event.type === 'reported' ? state.reports.find((r) => r.period === event.report.period) : undefined;
    if (report && moved.numUpdatedRows > 0n) {
      const row = reportRow(id, report);
      await trx
        .insertInto('project_reports')
        .values(row)
        .onConflict((oc) => oc.columns(['project_id', 'period']).doUpdateSet(row))
        .execute();
    }
  });
}

export async function existingProjectIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('projects').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function findProjectState(db: Db, id: string): Promise<ProjectState | undefined> {
  const row = await db.selectFrom('projects').select('state').where('id', '=', id).executeTakeFirst();
  return row?.state;
}

export async function activeProjectStates(db: Db): Promise<ProjectState[]> {
  const rows = await db.selectFrom('projects').select('state').where('status', '=', 'active').orderBy('id').execute();
  return rows.map((r) => r.state);
}

/** Every project in the ledger, finished ones included, by 项目编号. */
export async function allProjectStates(db: Db): Promise<ProjectState[]> {
  const rows = await db.selectFrom('projects').select('state').orderBy('id').execute();
  return rows.map((r) => r.state);
}

export async function listProjectEvents(db: Db, projectId: string): Promise<ProjectEvent[]> {
  const rows = await db
    .selectFrom('project_events')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('seq')
    .execute();
  return rows.map(
    (r) =>
      ({
        ...r.payload,
        seq: r.seq,
        type: r.type,
        actorId: r.actor_id,
        at: toShanghaiIso(Date.parse(r.at)),
      }) as ProjectEvent,
  );
}

export async function projectFigureInputs(db: Db): Promise<ProjectFigureInput[]> {
  const rows = await db.selectFrom('projects').select('state').orderBy('id').execute();
  return rows.map(({ state }) => ({
    project: state.project,
    started: state.progress.started,
    paidFen: state.progress.paidFen,
    ...(state.light ? { light: state.light } : {}),
  }));
}
