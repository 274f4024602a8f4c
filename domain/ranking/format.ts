import { localDate } from '../shanghai-time.js';

/** Points are kept as integer tenths so that a breakdown adds up exactly; shown with one decimal. */
export function pts(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

/** '+5.0', '-2.0', '0.0' */
export function signedPts(tenths: number): string {
  return tenths > 0 ? `+${pts(tenths)}` : pts(tenths);
}

/** '6月20日' for an instant or a 'YYYY-MM-DD' date, Shanghai time. */
export function dayLabel(instantOrDate: string): string {
  const date = instantOrDate.length === 10 ? instantOrDate : localDate(instantOrDate);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export const LEVEL_LABELS: Record<number, string> = {
  1: '村（社区）书记',
  2: '乡镇（街道）书记',
  3: '分管县领导',
  4: '县委书记',
};
