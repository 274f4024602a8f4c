import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOWNSHIPS, villageId } from '../../../app/demo/county.js';
import { listEvents } from '../../../db/items/items.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, clickButton, eventually, type Stack, startStack } from '../../support/stack.js';

const WORKER_SCRIPT = fileURLToPath(new URL('../../support/worker-process.ts', import.meta.url));
const ISSUER = 'p-ducha-head';

let stack: Stack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startStack({ runWorker: false });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await stack?.stop();
});

function startWorkerProcess(): Promise<ChildProcess> {
  const args = JSON.stringify({
    temporalAddress: inject('temporalAddress'),
    taskQueue: stack.taskQueue,
    databaseUrl: stack.db.url,
    larkDomain: stack.sim.url,
    bundlePath: inject('workflowBundlePath'),
  });
  // node itself (not the tsx CLI, which would put a relay process in between) so SIGKILL hits the worker.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
  });
}

/** One item per village, so each has its own assignee; the issuer gets one card per item. */
const villages = TOWNSHIPS.flatMap((t) => t.villages.map((_, i) => villageId(t.id, i))).slice(0, 12);

describe('killing the worker mid-flight loses and duplicates nothing', () => {
  it('every card is sent exactly once and every item ends in the right state', async () => {
    const first = await startWorkerProcess();
    const specs = villages.map((v) => liveSpec({ ownerUnitId: v, assigneeId: `p-${v}-secretary` }));
    for (const spec of specs) await stack.startItem(spec);

    // Kill while cards are still going out (the issuer's 12 cards queue behind Lark's 5 QPS per user).
    await eventually(
      'some cards sent',
      () => stack.sim.messages().filter((m) => m.msgType === 'interactive').length >= 4,
    );
    first.kill('SIGKILL');
    const sentBeforeKill = stack.sim.messages().filter((m) => m.msgType === 'interactive').length;
    expect(sentBeforeKill).toBeLessThan(specs.length * 2);

    await startWorkerProcess();
    for (const spec of specs) {
      const card = await eventually(
        `card of ${spec.id}`,
        () => cardsOf(stack.sim, spec.assigneeId).find((m) => cardText(m).includes(spec.id)),
        30_000,
      );
      const r = await clickButton(stack.sim, card, spec.assigneeId, '签收', { committed_date: dateFromToday(5) });
      // Right after a crash a workflow may wait out its sticky-queue timeout on the dead worker,
      // so the click can be acknowledged as "processing" and finish a few seconds later.
      expect(['签收成功', '已收到，正在处理，请稍后查看卡片']).toContain(r.toast?.content);
    }

    await eventually('all issuer cards', () => cardsOf(stack.sim, ISSUER).length >= specs.length, 30_000);
    for (const spec of specs) {
      expect(cardsOf(stack.sim, spec.assigneeId).filter((m) => cardText(m).includes(spec.id))).toHaveLength(1);
      expect(cardsOf(stack.sim, ISSUER).filter((m) => cardText(m).includes(spec.id))).toHaveLength(1);
      const events = await eventually(`${spec.id} signed`, async () => {
        const types = (await listEvents(stack.db.db, spec.id)).map((e) => e.type);
        return types.length >= 2 ? types : undefined;
      });
      expect(events).toEqual(['created', 'signed']);
    }
    expect(stack.sim.messages().filter((m) => m.msgType === 'interactive')).toHaveLength(specs.length * 2);
  });
});
