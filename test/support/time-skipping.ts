import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The symbol that gives a Connection the test service: the SDK sets it for its own; it is the only way to get one
// with our own channel settings.
import {
  Connection,
  type ConnectionOptions,
  InternalConnectionOptionsSymbol,
} from '@temporalio/client/lib/connection.js';
import { msToTs, tsToMs } from '@temporalio/common/lib/time.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '../../platform/config.js';
import { installQuietRuntime, type Stack, startStack } from './stack.js';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/**
 * A time-skipping test server whose virtual clock starts at `startIso` (e.g. a week before
 * 国庆 2025). The Java test server only moves time forward from the host's clock, so it is
 * started under libfaketime (Debian's `faketime`, installed by .ci/run); everything else — the
 * worker, PostgreSQL, the simulator — runs on real time, and workflows see only virtual time.
 * A missing binary or library is an error, never a skip.
 */
export async function createTimeSkippingEnvAt(startIso: string): Promise<TestWorkflowEnvironment> {
  const testServer = join(loadConfig().temporal.cliPath, '..', 'temporal-test-server');
  if (!existsSync(testServer))
    throw new Error(`time-skipping server not found at ${testServer}: run scripts/ensure-tools.sh`);
  if (!existsSync(LIBFAKETIME)) throw new Error(`${LIBFAKETIME} not found: apt-get install faketime`);
  const start = new Date(startIso);
  if (Number.isNaN(start.getTime())) throw new Error(`bad start time ${startIso}`);
  // faketime's "@YYYY-MM-DD hh:mm:ss" starts the clock there and lets it run; TZ=UTC makes it unambiguous.
  const at = start.toISOString().slice(0, 19).replace('T', ' ');
  const wrapper = join(mkdtempSync(join(tmpdir(), 'duban-ts-')), 'test-server-at.sh');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexport TZ=UTC LD_PRELOAD=${LIBFAKETIME} FAKETIME="@${at}"\nexec "${testServer}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: wrapper } },
  });
  const drift = Math.abs((await env.currentTimeMs()) - start.getTime());
  if (drift > 60_000) {
    await env.teardown();
    throw new Error(`time-skipping server did not start at ${startIso} (drift ${drift} ms)`);
  }
  return env;
}

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  /** The full stack (worker, PostgreSQL, simulator, bot) on the time-skipping server. */
  stack: Stack;
  /** Skips virtual time to a local instant, e.g. '2025-10-09T18:00:00+08:00'. */
  sleepUntil(local: string): Promise<void>;
  virtualNow(): Promise<Date>;
  stop(): Promise<void>;
}

/**
 * The whole stack on a time-skipping server whose clock starts at `startIso`; the test moves the clock with
 * `sleepUntil`, through a connection of its own (see clockConnection).
 */
export async function startTimeSkippingStack(startIso: string): Promise<TimeSkippingStack> {
  installQuietRuntime();
  const env = await createTimeSkippingEnvAt(startIso);
  let stack: Stack;
  let clock: Connection;
  try {
    clock = await clockConnection(env.address);
    stack = await startStack({ temporalAddress: env.address });
  } catch (err) {
    await env.teardown();
    throw err;
  }
  const virtualMs = async () => {
    const { time } = await clock.testService!.getCurrentTime({});
    return tsToMs(time);
  };
  return {
    env,
    stack,
    async sleepUntil(local) {
      const target = Date.parse(local);
      if (Number.isNaN(target)) throw new Error(`bad time ${local}`);
      const ms = target - (await virtualMs());
      if (ms > 0) await clock.testService!.unlockTimeSkippingWithSleep({ duration: msToTs(ms) });
    },
    async virtualNow() {
      return new Date(await virtualMs());
    },
    async stop() {
      await stack.stop();
      await clock.close();
      await env.teardown();
    },
  };
}

/**
 * The connection the tests move the virtual clock through. The SDK's default one pings every 30 s; the test server
 * allows one ping per 5 minutes, answers more with GOAWAY, and the SDK then retries the cut call: a retried
 * "unlock and sleep" skips the time twice and leaves the server's lock count off, which hung runs on a busy
 * machine. This one pings rarely and never retries.
 */
async function clockConnection(address: string): Promise<Connection> {
  return Connection.connect({
    address,
    interceptors: [],
    channelArgs: {
      'grpc.keepalive_time_ms': 600_000,
      'grpc.keepalive_permit_without_calls': 0,
    },
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  } as ConnectionOptions);
}
