import { Resvg } from '@resvg/resvg-js';
import type { Kysely } from 'kysely';
import { recordInspections } from '../../db/ranking/inspections.js';
import type { Database } from '../../db/schema.js';
import { type ItemSpec, initialState } from '../../domain/items/index.js';
import { DIMENSIONS, INSPECTIONS, ITEMS, MONTH } from '../unit/ranking/fixture-month.js';

const INSPECTOR = 'p-ducha-staff';

/**
 * Writes the June 2024 fixture month into a database seeded with the demo county: the inspections as 督查室
 * recorded them, and the villages' items as ledger rows with their audit events (returns, escalations), the way
 * the item workflows leave them. The items are history here, so no workflow runs for them.
 */
export async function writeFixtureMonth(db: Kysely<Database>): Promise<void> {
  await recordInspections(
    db,
    Object.entries(INSPECTIONS).flatMap(([villageId, v]) =>
      v.scores.map((score, d) => ({
        month: MONTH,
        villageId,
        dimension: DIMENSIONS[d]!,
        score,
        problems: v.problems?.[DIMENSIONS[d]!] ?? [],
        inspectorId: INSPECTOR,
        inspectedOn: '2024-06-12',
        ...(villageId === 'niulanjiang-v1' && DIMENSIONS[d] === 'garbage'
          ? { photos: [sitePhoto('河道垃圾堆积')] }
          : {}),
      })),
    ),
    { source: 'excel', by: INSPECTOR, at: '2024-06-30T17:00:00+08:00' },
  );
  for (const [villageId, items] of Object.entries(ITEMS)) {
    for (const item of items) {
      const spec: ItemSpec = {
        id: item.id,
        kind: 'task',
        title: item.title,
        description: item.title,
        urgency: 'normal',
        domain: '农业农村',
        ownerUnitId: villageId,
        issuerId: 'p-ducha-head',
        reviewerId: 'p-ducha-staff',
        assigneeId: `p-${villageId}-secretary`,
        createdAt: '2024-05-20T09:00:00+08:00',
        signBy: '2024-05-21T18:00:00+08:00',
        dueAt: item.originalDueAt,
        evidenceRequired: false,
      };
      // 北街社区's second item was extended to 5 July: the working deadline moves, the assessed one does not.
      const dueAt = item.id === 'RH-T-BJ-2' ? '2024-07-05T18:00:00+08:00' : item.originalDueAt;
      const level = Math.max(0, ...item.escalations.map((e) => e.level));
      await db
        .insertInto('items')
        .values({
          id: item.id,
          kind: spec.kind,
          title: spec.title,
          urgency: spec.urgency,
          domain: spec.domain,
          owner_unit_id: villageId,
          issuer_id: spec.issuerId,
          reviewer_id: spec.reviewerId,
          assignee_id: spec.assigneeId,
          status: item.status,
          sign_by: spec.signBy,
          due_at: dueAt,
          original_due_at: item.originalDueAt,
          committed_date: null,
          progress_percent: null,
          return_count: item.returns.length,
          extensions_granted: dueAt === item.originalDueAt ? 0 : 1,
          signed_at: null,
          submitted_at: null,
          closed_at: item.closedAt ?? null,
          policy_id: null,
          state: JSON.stringify({ ...initialState(spec), status: item.status, dueAt }),
          version: 1,
          escalation_level: level,
          created_at: spec.createdAt,
          updated_at: item.closedAt ?? spec.createdAt,
        })
        .execute();
      const events = [
        { seq: 1, type: 'created', actor_id: spec.issuerId, at: spec.createdAt, payload: {} },
        ...item.returns.map((r) => ({
          seq: r.seq,
          type: 'returned',
          actor_id: spec.reviewerId,
          at: r.at,
          payload: { reason: r.reason },
        })),
        ...item.escalations.map((e) => ({
          seq: e.seq,
          type: 'escalated',
          actor_id: 'system',
          at: e.at,
          payload: {
            level: e.level,
            personId: e.level >= 3 ? 'p-vice-agri' : `p-${villageId}-secretary`,
            stepId: `overdue-L${e.level}`,
          },
        })),
      ];
      await db
        .insertInto('item_events')
        .values(events.map((e) => ({ item_id: item.id, ...e, payload: JSON.stringify(e.payload) })))
        .execute();
    }
  }
}

/** A stand-in for an inspector's photo: a captioned picture, drawn so the test needs no binary fixture. */
function sitePhoto(caption: string): { contentType: string; bytes: Buffer } {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240">
    <rect width="480" height="240" fill="#7d8b6a"/><rect x="40" y="150" width="400" height="50" fill="#5b4a3a"/>
    <text x="24" y="48" font-size="28" fill="#ffffff">现场照片：${caption}</text></svg>`;
  const png = new Resvg(svg, {
    font: {
      fontFiles: ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'],
      loadSystemFonts: false,
      defaultFontFamily: 'WenQuanYi Zen Hei',
    },
  })
    .render()
    .asPng();
  return { contentType: 'image/png', bytes: png };
}
