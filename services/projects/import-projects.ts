import type { Kysely } from 'kysely';
import { postsOn, workerOf } from '../../db/ledgers/ledger-org.js';
import { existingProjectIds, insertImportedProjects } from '../../db/projects/projects.js';
import type { Database } from '../../db/schema.js';
import { missingColumns, rowError } from '../../domain/loans/index.js';
import {
  DEFAULT_PROJECT_RULES,
  type ImportedProject,
  PROJECT_SHEET,
  type ProjectState,
  parseProjectRow,
  REQUIRED_PROJECT_COLUMNS,
} from '../../domain/projects/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { loadWorkbook, readSheet, sheetNamed } from '../loans/sheet-reader.js';

export type ProjectImportResult = { ok: true; projects: ProjectState[] } | { ok: false; errors: string[] };

/**
 * Imports the 衔接资金 project ledger from Excel (sheet 项目台账; columns in domain/projects/import-row.ts: funds by
 * source, planned start and finish, optional milestones and current progress). Every row is checked first and
 * every problem reported with sheet, row and reason; only a file without problems is written, in one transaction.
 */
export async function importProjects(
  db: Kysely<Database>,
  file: Uint8Array,
  meta: { by: string; at: string },
): Promise<ProjectImportResult> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };
  const ws = sheetNamed(loaded.workbook, PROJECT_SHEET);
  if (!ws) return { ok: false, errors: ['Excel 文件中没有工作表'] };
  const { headers, rows } = readSheet(ws);
  const missing = missingColumns(headers, REQUIRED_PROJECT_COLUMNS);
  if (missing.length) return { ok: false, errors: [`「${ws.name}」第 1 行缺少列：${missing.join('、')}`] };

  const today = localDate(meta.at);
  const [units, people, posts] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'kind']).where('kind', 'in', ['township', 'department']).execute(),
    db.selectFrom('people').select(['id', 'name']).execute(),
    postsOn(db, today),
  ]);
  const ctx = {
    townships: units.filter((u) => u.kind === 'township'),
    units,
    people,
    defaultReporter: (unitId: string) => workerOf(posts, unitId),
    defaultAdjustBehindPoints: DEFAULT_PROJECT_RULES.adjustBehindPoints,
    today,
  };
  const errors: string[] = [];
  const projects: ImportedProject[] = [];
  const rowOf = new Map<string, number>();
  for (const r of rows) {
    const parsed = parseProjectRow(r, ctx);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const id = parsed.value.project.id;
    const first = rowOf.get(id);
    if (first !== undefined) errors.push(rowError(r, `项目编号 ${id} 与第 ${first} 行重复`));
    else rowOf.set(id, r.row);
    projects.push(parsed.value);
  }
  for (const id of await existingProjectIds(db, [...rowOf.keys()])) {
    errors.push(rowError({ sheet: ws.name, row: rowOf.get(id)! }, `项目编号 ${id} 已在台账中，不能重复导入`));
  }
  if (errors.length) return { ok: false, errors };
  if (projects.length === 0) return { ok: false, errors: [`「${ws.name}」中没有项目数据`] };
  return { ok: true, projects: await insertImportedProjects(db, projects, meta) };
}
