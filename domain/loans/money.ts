/**
 * Money is kept in 分 (integer) so sums and rates are exact. Ledgers and county figures are written in 万元, a
 * cadre's repayment in 元; both are parsed from the text people type and never through floating-point sums.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;

const UNIT = {
  wan: { fen: FEN_PER_WAN, decimals: 6 },
  yuan: { fen: FEN_PER_YUAN, decimals: 2 },
} as const;

/** '4.85' 万元 → 4 850 000 分; thousands separators are allowed; negative, blank or over-precise text is undefined. */
export function parseAmount(text: string, unit: keyof typeof UNIT): Fen | undefined {
  const t = text.replace(/[,，\s]/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const { fen, decimals } = UNIT[unit];
  const frac = m[2] ?? '';
  if (frac.length > decimals) return undefined;
  // Integer arithmetic on the digits: 0.1 + 0.2 never enters a ledger.
  const scale = fen / 10 ** frac.length;
  if (!Number.isInteger(scale)) return undefined;
  const value = Number(m[1]) * fen + Number(frac || '0') * scale;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** 1 826 200 000 分 → '1826.20' (万元, two decimals, as in county reports). */
export function formatWan(fen: Fen): string {
  const cents = Math.round(fen / 10_000); // 0.01 万元 = 10 000 分
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 5 000 000 分 → '50,000.00' (元, for a cadre's card). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * part / whole as a percentage rounded half-up to `digits` decimals (54.67 for 1182.62 of 2163.04), or undefined
 * when there is nothing to divide by: the rounding a person does by hand in a report.
 */
export function percentOf(part: number, whole: number, digits = 2): number | undefined {
  if (whole <= 0) return undefined;
  const scale = 10 ** digits;
  return Math.round((part * 100 * scale) / whole) / scale;
}
