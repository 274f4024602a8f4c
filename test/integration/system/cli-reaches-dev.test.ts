import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { monthOfDate } from '../../../domain/month.js';
import { localDate } from '../../../domain/shanghai-time.js';
import type { RuntimeInfo } from '../../../platform/config.js';
import { loanFiguresReport } from '../../../services/loans/figures-report.js';
import { createNamespace, type DevProcess, runCli, startDevProcess } from '../../support/dev-process.js';

/**
 * Issue 12: `npm start`, then `npm run cli -- <command>` in a second terminal with no environment set. The CLI finds
 * the running system through `<data dir>/runtime.json` (its PGlite URL, Temporal address and task queue), acts on
 * the same data, and stops reaching it once `npm start` stops.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'duban-cli-reaches-dev-'));
const taskQueue = `cli-reaches-dev-${Date.now()}`;
/** Its own namespace: the quick-start test's npm start, on the same server, starts the same demo workflow ids. */
const namespace = `cli-reaches-dev-${Date.now()}`;
/** The second terminal: nothing but the data directory `npm start` was given. */
const terminal = { DUBAN_DATA_DIR: dataDir };
let dev: DevProcess | undefined;
let db: DbHandle | undefined;

beforeAll(async () => {
  await createNamespace(inject('temporalAddress'), namespace);
  dev = await startDevProcess({ dataDir, temporalAddress: inject('temporalAddress'), taskQueue, namespace });
}, 180_000);

afterAll(async () => {
  await db?.close();
  dev?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function runtime(): RuntimeInfo {
  return JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeInfo;
}

/** The test's own look at the data `npm start` serves, through the URL it recorded (PGlite: one connection). */
function database() {
  db ??= createDb(runtime().database!.url, 1);
  return db.db;
}

describe('the CLI reaches the system npm start runs', () => {
  it('finds it through the runtime file, which the banner names along with the database URL', () => {
    const info = runtime();
    expect(info.pid).toBe(dev!.child.pid);
    expect(info.database?.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(info.temporal).toMatchObject({ address: inject('temporalAddress'), taskQueue, namespace });
    expect(dev!.banner).toContain(`数据库:                PGlite ${info.database?.url}`);
    expect(dev!.banner).toContain(join(dataDir, 'runtime.json'));
  });

  it('prints a demo item’s timeline from the running database', async () => {
    const run = await runCli(['timeline', 'DB-SM-001'], terminal);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    // The first event is the 督查室主任 handing the item out.
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}冯永永　 {2}交办$/);
    const missing = await runCli(['timeline', 'DB-NONE-999'], terminal);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('没有事项 DB-NONE-999\n');
  });

  it('prints this month’s loan figures of the demo ledger, as the running database has them', async () => {
    const month = monthOfDate(localDate(Date.now()));
    const run = await runCli(['loans-figures', month], terminal);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月小额信贷回收情况`);
    expect(run.stdout).toMatch(/\n合计　　　　　 +\d+ 笔/);
    expect(run.stdout).toBe(`${(await loanFiguresReport(database(), month)).join('\n')}\n`);
  });

  it('acts through the running Temporal as the 督查室主任 by default, or as a person named by 姓名', async () => {
    const day = localDate(Date.now() + 40 * 86_400_000);
    const byDefault = await runCli(['calendar-override', 'emergency', day, day, '防汛演练'], terminal);
    expect(byDefault.stderr).toBe('');
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toMatch(
      new RegExp(`^已登记 ${day}～${day}（emergency：防汛演练），\\d+ 个在办事项已重新计算`),
    );
    const byName = await runCli(
      ['calendar-override', 'emergency', day, day, '防汛', '复盘', '--actor', '冯永永'],
      terminal,
    );
    expect(byName.code).toBe(0);
    const rows = await database()
      .selectFrom('calendar_overrides')
      .select(['reason', 'created_by'])
      .where('date_from', '=', day)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { reason: '防汛演练', created_by: 'p-ducha-head' },
      { reason: '防汛 复盘', created_by: 'p-ducha-head' },
    ]);
  });

  it('refuses an actor the org does not hold, naming the nearest people with their units', async () => {
    const run = await runCli(['ranking-draft', '2024-06', '--actor', '冯永'], terminal);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('组织架构中没有操作人「冯永」，相近的人员：');
    expect(run.stderr).toContain('  p-ducha-head  冯永永（县委督查室 督查室主任）');
  });

  it('exits 2 with the usage line on an unknown flag or a wrong number of arguments', async () => {
    const flag = await runCli(['timeline', 'DB-SM-001', '--bogus'], terminal);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toBe('未知选项 --bogus\n用法：timeline <item-id>\n');
    const arity = await runCli(['loans-figures'], terminal);
    expect(arity.code).toBe(2);
    expect(arity.stderr).toBe('参数个数不对：需要 1 个，收到 0 个\n用法：loans-figures <YYYY-MM>\n');
    const unknown = await runCli(['no-such-command'], terminal);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有命令 no-such-command\n');
    expect(unknown.stderr).toContain('  loans-figures <YYYY-MM>\n');
  });

  it('stops reaching it when npm start stops: the runtime file is gone', async () => {
    await db?.close();
    db = undefined;
    expect(await dev!.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    const run = await runCli(['timeline', 'DB-SM-001'], terminal);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL is required');
  }, 60_000);
});
