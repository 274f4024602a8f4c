import ExcelJS from 'exceljs';
import { buildDemoOrg, type DemoOrg } from '../../app/demo/county.js';
import { KIND_LABEL, ROLE_LABEL } from '../../domain/org/import-labels.js';
import { SHEET_COLUMNS, type SheetName } from '../../domain/org/index.js';

export type OrgTables = Record<SheetName, string[][]>;

/** 小街镇's 镇长 stands in for its 党委书记 during a week of training. */
export const DEMO_ACTING = ['p-xiaojie-mayor', 'p-xiaojie-secretary', '2024-06-10', '2024-06-14', '参加省委党校培训'];

/** The demo county as the five import tables, in the documented column order. */
export function demoOrgTables(org: DemoOrg = buildDemoOrg()): OrgTables {
  return {
    单位: org.units.map((u) => [u.id, u.name, KIND_LABEL[u.kind], u.parent_id ?? '', u.domain ?? '']),
    人员: org.people.map((p) => [p.id, p.name, p.open_id ?? '', p.mobile ?? '', p.unit_id, p.title ?? '']),
    职务: org.posts.map((p) => [p.unit_id, p.person_id, ROLE_LABEL[p.role], p.title]),
    分管: org.leaderDomains.map((d) => [d.person_id, d.domain]),
    代理: [DEMO_ACTING],
  };
}

/**
 * Builds the .xlsx a clerk would fill in, with exceljs. Cells that look like dates are written as
 * real date cells (as Excel stores typed dates), so the reader's date handling is exercised.
 */
export async function orgWorkbook(tables: OrgTables): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本工作簿由督办系统导入；此页不会被读取。']);
  for (const [sheet, rows] of Object.entries(tables) as [SheetName, string[][]][]) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([...SHEET_COLUMNS[sheet]]);
    for (const row of rows) {
      ws.addRow(row.map((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v)));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
