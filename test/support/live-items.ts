import { randomBytes } from 'node:crypto';
import type { ItemSpec } from '../../domain/items/index.js';
import { endOfDay, localDate, toShanghaiIso } from '../../domain/shanghai-time.js';
import { kuanglangSpec } from './item-fixtures.js';

const DAY = 86_400_000;

/** A date `days` from today in Asia/Shanghai, as a card's date picker would send it. */
export function dateFromToday(days: number): string {
  return localDate(Date.now() + days * DAY);
}

/** The 匡郎村 item with a unique id and deadlines relative to the real clock (the dev server's time). */
export function liveSpec(overrides: Partial<ItemSpec> = {}): ItemSpec {
  return kuanglangSpec({
    id: `DB-T-${randomBytes(5).toString('hex')}`,
    createdAt: toShanghaiIso(Date.now()),
    signBy: endOfDay(dateFromToday(1)),
    dueAt: endOfDay(dateFromToday(14)),
    ...overrides,
  });
}
