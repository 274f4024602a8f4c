import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, listEvents } from '../../../db/items/items.js';
import { cardClickEnvelope } from '../../support/card-envelope.js';
import { liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, eventually, type Stack, startStack } from '../../support/stack.js';

/** Issue 11, defect 6: button values naming Object.prototype's keys are unknown actions, never a TypeError. */
const ASSIGNEE = 'p-xiaojie-v1-secretary';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('a click whose value names a prototype key', () => {
  it('answers 无法识别的操作 and changes nothing, for the route kind and for every feature command', async () => {
    const spec = liveSpec();
    await stack.startItem(spec);
    const card = await eventually('the assignee card', () =>
      cardsOf(stack.sim, ASSIGNEE).find((m) => cardText(m).includes(spec.id)),
    );
    const before = {
      row: await findItem(stack.db.db, spec.id),
      events: (await listEvents(stack.db.db, spec.id)).length,
    };
    const values = ['__proto__', 'toString', 'constructor', 'hasOwnProperty'].flatMap((key) => [
      { kind: key, item: spec.id, cmd: 'sign' },
      { item: spec.id, cmd: key },
      { kind: 'loan', loan: 'L-none', act: key },
    ]);
    for (const value of values) {
      const { body, headers } = stack.sim.buildCallback(cardClickEnvelope(card, ASSIGNEE, value));
      const r = await stack.sim.postRaw(`${stack.system.botUrl}/lark/card`, body, headers);
      expect(r.status, JSON.stringify(value)).toBe(200);
      expect(JSON.parse(r.body), JSON.stringify(value)).toMatchObject({
        toast: { type: 'error', content: '无法识别的操作' },
      });
    }
    const after = {
      row: await findItem(stack.db.db, spec.id),
      events: (await listEvents(stack.db.db, spec.id)).length,
    };
    expect(after.row?.version).toBe(before.row?.version);
    expect(after.events).toBe(before.events);
  });
});
