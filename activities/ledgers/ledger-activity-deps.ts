import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { LedgerDeliveryDeps } from './ledger-delivery.js';

/** What the activities of every ledger entity (loans, projects) are built from: the delivery's parts and a clock. */
export interface LedgerActivityDeps extends LedgerDeliveryDeps {
  clock: () => Date;
}

/** The activity's own time (+08:00): ledger rows are stamped with when they were written, not the workflow's time. */
export function writtenAt(deps: Pick<LedgerActivityDeps, 'clock'>): string {
  return toShanghaiIso(deps.clock().getTime());
}
