import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  cellTextOrDate,
  findHeaderRow,
  headerColumns,
  loadWorkbook,
  NOT_AN_XLSX,
  readTable,
  readWorkbook,
  sheetNamed,
} from '../../services/shared/workbook.js';

async function xlsx(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      ws.getRow(i + 1).values = r;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the shared workbook reader', () => {
  it('says in Chinese (or in the caller’s words) when the bytes are no workbook, and throws on request', async () => {
    expect(await loadWorkbook(Buffer.from('not excel'))).toEqual({ ok: false, error: NOT_AN_XLSX });
    expect(await loadWorkbook(new Uint8Array([1, 2, 3]), '读不了')).toEqual({ ok: false, error: '读不了' });
    await expect(readWorkbook(Buffer.from('not excel'))).rejects.toThrow();
  });

  it('picks a sheet by name, ignoring stray spaces, else the first one', async () => {
    const loaded = await loadWorkbook(await xlsx({ Sheet1: [['a']], ' 台账 ': [['b']] }));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(sheetNamed(loaded.workbook, '台账')?.name).toBe(' 台账 ');
    expect(sheetNamed(loaded.workbook, '没有')?.name).toBe('Sheet1');
  });

  it('reads the header and the non-empty rows below it with their Excel row numbers, as wide as the sheet', async () => {
    const wb = await readWorkbook(
      await xlsx({ s: [['标题'], [' 名称 ', '金额'], ['甲', 5], [], ['乙', null, '备注']] }),
    );
    const ws = wb.worksheets[0]!;
    expect(findHeaderRow(ws, '名称')).toBe(2);
    expect(findHeaderRow(ws, '不存在')).toBe(0);
    const table = readTable(ws, 2);
    expect(table.header).toEqual([' 名称 ', '金额', '']);
    expect(table.rows.map((r) => [r.row, r.values.map(cellText)])).toEqual([
      [3, ['甲', '5', '']],
      [5, ['乙', '', '备注']],
    ]);
    expect([...headerColumns(table.header)]).toEqual([
      ['名称', 1],
      ['金额', 2],
    ]);
    expect(readTable(wb.worksheets[0]!, 4).header).toEqual([]);
  });

  it('turns cells into the text a person sees, or keeps dates as dates', () => {
    const day = new Date(Date.UTC(2024, 5, 3));
    expect(cellText(null)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(day)).toBe('2024-06-03');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ richText: [{ text: '张' }, { text: '三 ' }] })).toBe('张三 ');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(cellText({ formula: 'A1+1', result: 3 } as ExcelJS.CellValue)).toBe('3');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('#N/A');
    expect(cellTextOrDate(day)).toBe(day);
    expect(cellTextOrDate({ formula: 'TODAY()', result: day } as ExcelJS.CellValue)).toBe(day);
    expect(cellTextOrDate('  甲  ')).toBe('甲');
    expect(cellTextOrDate('   ')).toBeUndefined();
  });
});
