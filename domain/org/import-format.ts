import type { OrgPerson } from './snapshot.js';

/**
 * The org import format: five tables, as sheets of one .xlsx or as five .csv files of the same
 * names (services/org/README.md). Row numbers are the spreadsheet's own (the header is row 1), so an
 * error points at the line a clerk sees in Excel or WPS.
 */
export type SheetName = '单位' | '人员' | '职务' | '分管' | '代理';

export const SHEET_COLUMNS: Readonly<Record<SheetName, readonly string[]>> = {
  单位: ['编号', '名称', '类型', '上级编号', '分管领域'],
  人员: ['编号', '姓名', '飞书open_id', '手机', '所属单位编号', '职务'],
  职务: ['单位编号', '人员编号', '角色', '职务名称'],
  分管: ['人员编号', '领域'],
  代理: ['代理人编号', '被代理人编号', '开始日期', '结束日期', '事由'],
};

export const SHEET_NAMES = Object.keys(SHEET_COLUMNS) as SheetName[];

/** 分管 and 代理 may be left out of a file; the other three describe the org and must be there. */
export const OPTIONAL_SHEETS: readonly SheetName[] = ['分管', '代理'];

/** One sheet as read from the file: header cells and data rows, every cell already text. */
export interface RawSheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export type RawWorkbook = Partial<Record<SheetName, RawSheet>>;

export interface ImportError {
  sheet: SheetName;
  /** Spreadsheet row number; null for a problem with the sheet itself (missing sheet or column). */
  row: number | null;
  message: string;
}

export interface ImportPerson extends OrgPerson {
  mobile: string | null;
}
