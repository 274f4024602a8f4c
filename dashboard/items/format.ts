import { KIND_LABELS, STATUS_LABELS, URGENCY_LABELS } from '../../domain/items/index.js';

/** How item fields read on the dashboard (the domain's labels; unknown codes shown as they are). */
export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function urgencyLabel(urgency: string): string {
  return (URGENCY_LABELS as Record<string, string>)[urgency] ?? urgency;
}

export function isOpenStatus(status: string): boolean {
  return status !== 'done' && status !== 'cancelled';
}
