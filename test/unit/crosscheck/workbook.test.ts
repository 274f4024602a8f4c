import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseFindingsWorkbook } from '../../../services/crosscheck/findings-workbook.js';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('问题');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a findings upload', () => {
  it('reads each non-empty row with its row number, either bracket style, severity words and whole days', async () => {
    const file = await xlsx([
      ['清单编号', '问题描述', '严重程度', '整改时限(工作日)'],
      ['T3-02', '2户系统收入与纸质采集表不一致', '较重', 5],
      [],
      ['T3-07', '饮水安全台账未更新', '一般', ''],
    ]);
    expect(await parseFindingsWorkbook(file)).toEqual({
      ok: true,
      errors: [],
      findings: [
        { lineId: 'T3-02', problem: '2户系统收入与纸质采集表不一致', severity: 'major', workdays: 5, row: 2 },
        { lineId: 'T3-07', problem: '饮水安全台账未更新', severity: 'minor', row: 4 },
      ],
    });
  });

  it('names the rows it cannot read and keeps the others for the round to judge', async () => {
    const file = await xlsx([
      ['清单编号', '问题描述', '严重程度', '整改时限（工作日）'],
      ['T3-02', 'a', '很严重', ''],
      ['T3-03', 'b', '严重', '三天'],
      ['T3-04', 'c', '严重', ''],
    ]);
    const r = await parseFindingsWorkbook(file);
    expect(r).toMatchObject({
      ok: true,
      errors: [
        '第 2 行：严重程度须为 一般、较重 或 严重（收到“很严重”）',
        '第 3 行：整改时限须为整数（工作日），收到“三天”',
      ],
      findings: [{ lineId: 'T3-04', row: 4 }],
    });
  });

  it('refuses a file that is not a workbook, lacks a column, or holds no findings', async () => {
    expect(await parseFindingsWorkbook(Buffer.from('not excel'))).toEqual({
      ok: false,
      errors: ['文件不是有效的 Excel（.xlsx）文件'],
    });
    expect(await parseFindingsWorkbook(await xlsx([['清单编号', '问题描述']]))).toEqual({
      ok: false,
      errors: ['第 1 行缺少列：严重程度'],
    });
    expect(await parseFindingsWorkbook(await xlsx([['清单编号', '问题描述', '严重程度']]))).toEqual({
      ok: false,
      errors: ['文件中没有问题记录'],
    });
  });
});
