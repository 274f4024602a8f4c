import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { applyOrgChanges, countChanges, lockOrg, type OrgChangeSummary, recordOrgImport } from '../../db/org/import.js';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import {
  formatImportError,
  type ImportError,
  type OrgImportPlan,
  type RawWorkbook,
  SHEET_NAMES,
  validateOrgImport,
} from '../../domain/org/index.js';
import { decodeCsv, parseCsv } from './csv.js';
import { readOrgWorkbook } from './workbook.js';

/** The file could not be read at all (wrong type, missing, corrupt); nothing was imported. */
export class OrgFileError extends Error {
  override name = 'OrgFileError';
}

export type OrgImportResult =
  | { ok: true; importId: string; changes: number; summary: OrgChangeSummary }
  | { ok: false; errors: ImportError[]; messages: string[] };

export interface OrgImportOptions {
  /** Who imports: a person id, or "cli:<os user>"; it goes into the audit trail. */
  actor: string;
}

/** An .xlsx workbook, or a folder holding 单位.csv, 人员.csv, 职务.csv (and 分管.csv, 代理.csv). */
export async function importOrgFile(db: Kysely<Database>, path: string, options: OrgImportOptions) {
  const { book, source } = await readOrgSource(path);
  return importOrgBook(db, book, { ...options, source, file: basename(path) });
}

export async function readOrgSource(path: string): Promise<{ book: RawWorkbook; source: 'excel' | 'csv' }> {
  const info = await stat(path).catch(() => {
    throw new OrgFileError(`找不到文件：${path}`);
  });
  if (info.isDirectory()) return { book: await readCsvFolder(path), source: 'csv' };
  if (extname(path).toLowerCase() !== '.xlsx') {
    throw new OrgFileError(`不支持的文件类型：${basename(path)}。请使用 .xlsx 工作簿，或存放 CSV 文件的文件夹`);
  }
  try {
    return { book: await readOrgWorkbook(await readFile(path)), source: 'excel' };
  } catch (err) {
    throw new OrgFileError(`无法读取 ${basename(path)}：不是有效的 .xlsx 文件（${(err as Error).message}）`);
  }
}

async function readCsvFolder(dir: string): Promise<RawWorkbook> {
  const files = new Set(await readdir(dir));
  const book: RawWorkbook = {};
  for (const sheet of SHEET_NAMES) {
    if (!files.has(`${sheet}.csv`)) continue;
    const [header, ...rows] = parseCsv(decodeCsv(await readFile(join(dir, `${sheet}.csv`))));
    book[sheet] = { header: header?.cells ?? [], rows: rows.map((r) => ({ row: r.line, cells: r.cells })) };
  }
  if (Object.keys(book).length === 0) {
    throw new OrgFileError(`文件夹 ${dir} 中没有组织架构 CSV（应为 ${SHEET_NAMES.map((s) => `${s}.csv`).join('、')}）`);
  }
  return book;
}

/**
 * Validates against the org as stored and applies, in one transaction under the org lock: a file
 * with any bad row changes nothing, and a good one leaves an org_imports row with what changed.
 */
export async function importOrgBook(
  db: Kysely<Database>,
  book: RawWorkbook,
  options: OrgImportOptions & { source: 'excel' | 'csv'; file?: string },
): Promise<OrgImportResult> {
  return db.transaction().execute(async (trx) => {
    await lockOrg(trx);
    const validation = validateOrgImport(book, await loadOrgSnapshot(trx));
    if (!validation.ok) {
      return { ok: false, errors: validation.errors, messages: validation.errors.map(formatImportError) };
    }
    const summary = await applyOrgChanges(trx, planToChanges(validation.plan), options.actor);
    const changes = countChanges(summary);
    const importId = await recordOrgImport(trx, {
      source: options.source,
      actor: options.actor,
      summary: { ...(options.file ? { file: options.file } : {}), changes, ...summary },
    });
    return { ok: true, importId, changes, summary };
  });
}

function planToChanges(plan: OrgImportPlan) {
  const personIds = plan.people.map((p) => p.id);
  return {
    units: plan.units,
    people: plan.people,
    posts: { unitIds: plan.units.map((u) => u.id), rows: plan.posts },
    leaderDomains: { personIds, rows: plan.leaderDomains },
    acting: { personIds, rows: plan.acting },
  };
}
