import type { Kysely } from 'kysely';
import {
  type ImportedProject,
  initialProjectState,
  type ProjectEvent,
  type ProjectFigureInput,
  type ProjectReport,
  type ProjectState,
} from '../../domain/projects/index.js';
import {
  existingLedgerIds,
  findLedgerState,
  insertLedgerEntity,
  type LedgerEntity,
  ledgerStates,
  listLedgerEvents,
  recordLedgerTransition,
} from '../ledgers/ledger-repository.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

const PROJECTS: LedgerEntity = { table: 'projects', events: 'project_events', key: 'project_id' };

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
  };
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
      const row = { id: p.project.id, columns: projectColumns(state), state, event, at: meta.at };
      await insertLedgerEntity(trx, PROJECTS, row);
      states.push(state);
    }
    return states;
  });
}

/** One transition: the audit event, the ledger row and, for a report, the report row, in one transaction. */
export async function recordProjectEvent(db: Db, state: ProjectState, event: ProjectEvent, now: string): Promise<void> {
  const id = state.project.id;
  await db.transaction().execute(async (trx) => {
    const moved = await recordLedgerTransition(trx, PROJECTS, {
      id,
      columns: projectColumns(state),
      state,
      event,
      now,
    });
    const report = event.type === 'reported' ? state.reports.find((r) => r.period === event.report.period) : undefined;
    if (report && moved) {
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
  return existingLedgerIds(db, PROJECTS, ids);
}

export async function findProjectState(db: Db, id: string): Promise<ProjectState | undefined> {
  return findLedgerState<ProjectState>(db, PROJECTS, id);
}

export async function activeProjectStates(db: Db): Promise<ProjectState[]> {
  return ledgerStates<ProjectState>(db, PROJECTS, { status: 'active' });
}

/** Every project in the ledger, finished ones included, by 项目编号. */
export async function allProjectStates(db: Db): Promise<ProjectState[]> {
  return ledgerStates<ProjectState>(db, PROJECTS);
}

export async function listProjectEvents(db: Db, projectId: string): Promise<ProjectEvent[]> {
  return listLedgerEvents<ProjectEvent>(db, PROJECTS, projectId);
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
