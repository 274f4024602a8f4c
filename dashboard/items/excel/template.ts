import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS } from './columns.js';

/** An empty import sheet with the importable columns, and a second sheet explaining them. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('督办事项', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = LEDGER_COLUMNS.filter((c) => 'importable' in c);
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  cols.forEach((c, i) => {
    if ('date' in c && c.date) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 10 }];
  help.addRow(['列名', '是否必填']).font = { bold: true };
  for (const c of cols) help.addRow([c.header, c.importable === 'required' ? '必填' : '选填']);
  help.addRow([]);
  help.addRow(['每行一个事项；全部行校验通过才会导入。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
