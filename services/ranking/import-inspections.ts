import type { Kysely } from 'kysely';
import { listVillages } from '../../db/ranking/inputs.js';
import { type InspectionRecord, recordInspections } from '../../db/ranking/inspections.js';
import type { Database } from '../../db/schema.js';
import { checkInspection, type DimensionRule, parseScore, splitProblems } from '../../domain/ranking/index.js';
import {
  type Cell,
  headerColumns,
  imagesByCell,
  loadWorkbook,
  readTable,
  cellText as sharedCellText,
  type TableRow,
} from '../shared/workbook.js';
import { resolveRules } from './compute.js';

export type ImportResult =
  | { ok: true; villages: number; inspections: number; photos: number }
  | { ok: false; errors: string[] };

const COL = { village: '村（社区）', month: '考核月份', date: '检查日期', inspector: '检查人' } as const;
const problemsHeader = (d: DimensionRule) => `${d.label}问题`;

/**
 * Imports a month's inspections from Excel: one row per village, the columns 村（社区）, 考核月份, 检查日期, 检查人,
 * then for each dimension of the rules its score (header = the dimension's name, e.g. 厕所) and its problems
 * (e.g. 厕所问题). Photos placed over a problems cell belong to that dimension. Every row is checked first and every
 * problem reported with its row number; only a file without problems is written, in one transaction.
 */
export async function importInspections(
  db: Kysely<Database>,
  file: Buffer,
  meta: { by: string; at: string },
): Promise<ImportResult> {
  const rules = await resolveRules(db);
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };
  const sheet = loaded.workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: ['Excel 文件中没有工作表'] };
  const table = readTable(sheet);
  const headers = headerColumns(table.header);
  const wanted = [...Object.values(COL), ...rules.dimensions.map((d) => d.label)];
  const missing = wanted.filter((h) => !headers.has(h));
  if (missing.length) return { ok: false, errors: [`第 1 行缺少列：${missing.join('、')}`] };

  const villages = await listVillages(db);
  const people = await db.selectFrom('people').select(['id', 'name']).execute();
  const photos = imagesByCell(loaded.workbook, sheet);
  const errors: string[] = [];
  const records: InspectionRecord[] = [];
  const seen = new Set<string>();
  const at = (row: TableRow, header: string) => row.values[headers.get(header)! - 1] ?? null;

  for (const row of table.rows) {
    const n = row.row;
    const villageText = cellText(at(row, COL.village));
    if (!villageText) continue;
    const village = villages.filter(
      (v) => v.id === villageText || v.name === villageText || v.name.endsWith(villageText),
    );
    const who = people.filter(
      (p) => p.id === cellText(at(row, COL.inspector)) || p.name === cellText(at(row, COL.inspector)),
    );
    const month = monthText(at(row, COL.month));
    const date = dateText(at(row, COL.date));
    if (village.length !== 1)
      errors.push(`第 ${n} 行：${village.length ? '村（社区）名称不唯一' : '找不到村（社区）'}“${villageText}”`);
    if (who.length !== 1)
      errors.push(
        `第 ${n} 行：${who.length ? '检查人重名，请填写人员编号' : '找不到检查人'}“${cellText(at(row, COL.inspector))}”`,
      );
    if (village.length !== 1 || who.length !== 1) continue;
    const key = `${month}|${village[0]!.id}`;
    if (seen.has(key)) errors.push(`第 ${n} 行：${village[0]!.name} ${month} 在本文件中重复`);
    seen.add(key);
    for (const d of rules.dimensions) {
      const problemsCol = headers.get(problemsHeader(d));
      const entry = {
        month,
        villageId: village[0]!.id,
        dimension: d.key,
        score: at(row, d.label),
        problems: problemsCol ? splitProblems(cellText(row.values[problemsCol - 1] ?? null)) : [],
        inspectedOn: date,
      };
      const problem = checkInspection(
        { ...entry, score: cellText(entry.score) },
        rules.dimensions,
        new Set([entry.villageId]),
      );
      if (problem) {
        // One bad date fails every dimension of the row; say it once.
        if (!errors.includes(`第 ${n} 行：${problem}`)) errors.push(`第 ${n} 行：${problem}`);
        continue;
      }
      const pics = problemsCol ? (photos.get(`${n}:${problemsCol}`) ?? []) : [];
      records.push({
        ...entry,
        score: parseScore(cellText(entry.score))!,
        inspectorId: who[0]!.id,
        ...(pics.length ? { photos: pics } : {}),
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  if (records.length === 0) return { ok: false, errors: ['文件中没有检查数据'] };
  await recordInspections(db, records, { source: 'excel', by: meta.by, at: meta.at });
  return {
    ok: true,
    villages: seen.size,
    inspections: records.length,
    photos: records.reduce((s, r) => s + (r.photos?.length ?? 0), 0),
  };
}

/** Trimmed, as people's spaces around a name or a score mean nothing. */
function cellText(v: Cell): string {
  return sharedCellText(v).trim();
}

/** Excel keeps dates as dates; people also type '2024-06' or '2024年6月'. */
function monthText(v: Cell): string {
  const t = cellText(v);
  const m = /^(\d{4})\s*[-年/.]\s*(\d{1,2})/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : t;
}

function dateText(v: Cell): string {
  const t = cellText(v);
  const m = /^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}
