import type { Light } from '../lights.js';
import type { OrgUnit } from '../org/access.js';

/** Ledger counts of one owner unit (SQL aggregates; see db/items/dashboard.ts). */
export interface UnitCounts {
  unitId: string;
  total: number;
  open: number;
  done: number;
  /** Done with closed_at ≤ original_due_at (assessment keeps the original deadline). */
  onTime: number;
  /** Open and past the working deadline. */
  overdue: number;
  cancelled: number;
  /** Open and escalated to L1 or above. */
  escalated: number;
}

export type LightCounts = Record<Light, number>;

export interface SummaryRow extends Omit<UnitCounts, 'unitId'> {
  unitId: string;
  name: string;
  kind: OrgUnit['kind'] | 'self';
  /** onTime / done, 0–100 with one decimal; null before anything is done. */
  onTimeRate: number | null;
  lights: LightCounts;
}

export interface Summary {
  rows: SummaryRow[];
  total: SummaryRow;
}

const KIND_ORDER: Record<SummaryRow['kind'], number> = { township: 0, village: 1, department: 2, county: 3, self: 4 };

/**
 * Rolls per-unit counts up to the children of `parentId` (the county: townships and departments; a township: its
 * villages). Items owned by the parent itself get a "本级" row. Units outside the parent's subtree are left out.
 * `keepEmpty` decides whether a row with no items is shown (a leader wants to see an idle township; a cadre does not
 * need rows for places they have nothing in).
 */
export function summarize(
  units: readonly OrgUnit[],
  parentId: string,
  counts: readonly UnitCounts[],
  lights: ReadonlyMap<string, LightCounts>,
  keepEmpty: (rowUnitId: string) => boolean,
): Summary {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parent = byId.get(parentId);
  const rows = new Map<string, SummaryRow>();
  for (const child of units.filter((u) => u.parentId === parentId))
    rows.set(child.id, emptyRow(child.id, child.name, child.kind));
  const self = emptyRow(parentId, `${parent?.name ?? parentId}本级`, 'self');
  const rowOf = (unitId: string): SummaryRow | undefined => {
    if (unitId === parentId) return self;
    let u = byId.get(unitId);
    while (u && u.parentId !== parentId) u = u.parentId ? byId.get(u.parentId) : undefined;
    return u ? rows.get(u.id) : undefined;
  };
  const total = emptyRow(parentId, parent?.name ?? parentId, parent?.kind ?? 'county');
  for (const c of counts) {
    const row = rowOf(c.unitId);
    if (!row) continue;
    add(row, c, lights.get(c.unitId));
    add(total, c, lights.get(c.unitId));
  }
  const out = [...rows.values(), self]
    .filter((r) => r.total > 0 || (r.kind !== 'self' && keepEmpty(r.unitId)))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  for (const r of [...out, total]) r.onTimeRate = rate(r.onTime, r.done);
  return { rows: out, total };
}

export function emptyLights(): LightCounts {
  return { green: 0, yellow: 0, red: 0 };
}

/** Percentage with one decimal, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function emptyRow(unitId: string, name: string, kind: SummaryRow['kind']): SummaryRow {
  return {
    unitId,
    name,
    kind,
    total: 0,
    open: 0,
    done: 0,
    onTime: 0,
    overdue: 0,
    cancelled: 0,
    escalated: 0,
    onTimeRate: null,
    lights: emptyLights(),
  };
}

function add(row: SummaryRow, c: UnitCounts, lights: LightCounts | undefined): void {
  row.total += c.total;
  row.open += c.open;
  row.done += c.done;
  row.onTime += c.onTime;
  row.overdue += c.overdue;
  row.cancelled += c.cancelled;
  row.escalated += c.escalated;
  if (lights) {
    row.lights.green += lights.green;
    row.lights.yellow += lights.yellow;
    row.lights.red += lights.red;
  }
}
