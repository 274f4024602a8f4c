import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoOpenId } from '../../../app/demo/county.js';
import { demoItemSpecs } from '../../../app/demo/items.js';
import { demoLoanSheets } from '../../../app/demo/ledgers.js';
import { SEED_PROJECTS } from '../../../app/demo/seed-projects.js';
import { LOAN_SHEET } from '../../../domain/loans/index.js';
import { type DevProcess, startDevProcess } from '../../support/dev-process.js';
import { eventually } from '../../support/stack.js';

/**
 * The README's first command, `npm start` (`tsx app/cli.ts dev`), as a person runs it: embedded PGlite in a fresh
 * data folder, the simulator, the worker, the bot and the dashboard on free ports, against the run's Temporal dev
 * server (TEMPORAL_ADDRESS, so the test does not start a second one). Started twice on the same folder, it must
 * hand out the demo only once, and stop cleanly on SIGTERM.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'duban-quick-start-'));
const taskQueue = `quick-start-${Date.now()}`;
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startDev(): Promise<DevProcess> {
  const run = await startDevProcess({ dataDir, temporalAddress: inject('temporalAddress'), taskQueue });
  child = run.child;
  return run;
}

describe('npm start (the quick start)', () => {
  it('brings up the demo county: the cadre finds the to-do card in the simulator; the ledgers are loaded', async () => {
    const run = await startDev();
    const sim = /飞书模拟器.*: (http:\/\/\S+?)\/?\n/.exec(run.banner)?.[1];
    expect(sim, run.banner).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.banner).toMatch(/督办看板.*http:\/\/127\.0\.0\.1:\d+/);
    expect(run.banner).toContain(`本次新交办演示事项:    ${demoItemSpecs(new Date()).length} 项`);
    // Every demo loan but the settled one is tracked; every seed project is under way.
    const open = demoLoanSheets(new Date())
      [LOAN_SHEET]!.slice(1)
      .filter((r) => r[6] !== '已结清').length;
    expect(open).toBeGreaterThan(0);
    expect(run.banner).toContain(`小额信贷 ${open} 笔跟踪中，衔接资金项目 ${SEED_PROJECTS.length} 个`);

    const secretary = demoOpenId('p-xiaojie-v1-secretary');
    const card = await eventually(
      'the 匡郎村 secretary’s to-do card',
      async () => {
        const res = await fetch(`${sim}/sim/api/users/${secretary}/feed`);
        const text = await res.text();
        return res.ok && text.includes('DB-SM-001') ? text : undefined;
      },
      60_000,
    );
    expect(card).toContain('匡郎村党委软弱涣散整顿提升');
    expect(await run.stop()).toBe(0);
  }, 240_000);

  it('started again on the same data, hands out nothing twice and stops cleanly', async () => {
    const run = await startDev();
    expect(run.banner).toContain('本次新交办演示事项:    0 项');
    expect(run.banner).not.toContain('导入演示台账');
    expect(await run.stop()).toBe(0);
    expect(run.output()).toContain('正在停止');
  }, 240_000);
});
