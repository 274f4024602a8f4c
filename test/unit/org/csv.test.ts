import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../../services/org/csv.js';

describe('CSV reading', () => {
  it('parses quotes, doubled quotes, embedded commas and newlines, CRLF, and numbers rows by line', () => {
    const text = '编号,名称\r\nsongming,"嵩明县, 云南"\r\np-1,"说""明"\r\np-2,"两\n行"\r\np-3,末行';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['编号', '名称'] },
      { line: 2, cells: ['songming', '嵩明县, 云南'] },
      { line: 3, cells: ['p-1', '说"明'] },
      { line: 4, cells: ['p-2', '两\n行'] },
      { line: 6, cells: ['p-3', '末行'] },
    ]);
  });

  it('decodes UTF-8 with a BOM and falls back to GB18030 (Excel on Chinese Windows)', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('单位')]))).toBe('单位');
    expect(decodeCsv(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0x41]))).toBe('单位,A');
  });
});
