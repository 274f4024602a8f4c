/** A card form as Lark sends it: field name to value. */
export type FormValue = Record<string, unknown>;

/** Lark's date picker sends "2025-06-10 +0800"; we keep the date part. */
export function larkDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s+[+-]\d{4})?$/.exec(value.trim());
  return m ? m[1]! : value.trim();
}

/** "60", "60%" → 60; anything else → NaN so the domain refuses it with its own message. */
export function parsePercent(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const m = /^\s*(\d{1,3})\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : Number.NaN;
}
