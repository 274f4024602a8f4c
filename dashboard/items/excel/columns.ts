/**
 * The 台账 columns a county office expects, in order. Export writes all of them; import reads the ones marked
 * `importable` by header text, wherever they are, and ignores the rest, so an exported ledger can be re-imported.
 */
export interface LedgerColumn {
  header: string;
  width: number;
  importable?: 'required' | 'optional';
  date?: boolean;
}

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '事项编号', width: 18, importable: 'optional' },
  { header: '事项类型', width: 12, importable: 'required' },
  { header: '事项名称', width: 32, importable: 'required' },
  { header: '事项内容', width: 40, importable: 'optional' },
  { header: '分管领域', width: 10, importable: 'required' },
  { header: '紧急程度', width: 8, importable: 'required' },
  { header: '责任单位', width: 18, importable: 'required' },
  { header: '所属乡镇', width: 12 },
  { header: '责任人', width: 10, importable: 'required' },
  { header: '审核人', width: 10, importable: 'required' },
  { header: '交办人', width: 10 },
  { header: '交办日期', width: 12, date: true },
  { header: '签收期限', width: 12, importable: 'optional', date: true },
  { header: '办结期限', width: 12, importable: 'required', date: true },
  { header: '当前期限', width: 12, date: true },
  { header: '状态', width: 8 },
  { header: '进度(%)', width: 8 },
  { header: '灯色', width: 6 },
  { header: '逾期工作日', width: 10 },
  { header: '督办层级', width: 16 },
  { header: '退回次数', width: 8 },
  { header: '办结日期', width: 12, date: true },
  { header: '是否按期办结', width: 12 },
  { header: '需要佐证', width: 8, importable: 'optional' },
] as const satisfies readonly LedgerColumn[];

export type LedgerHeader = (typeof LEDGER_COLUMNS)[number]['header'];

export const REQUIRED_IMPORT_HEADERS = LEDGER_COLUMNS.filter(
  (c) => 'importable' in c && c.importable === 'required',
).map((c) => c.header);

export const IMPORT_HEADERS: readonly LedgerHeader[] = LEDGER_COLUMNS.filter((c) => 'importable' in c).map(
  (c) => c.header,
);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
