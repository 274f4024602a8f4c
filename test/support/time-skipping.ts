import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '../../app/config.js';

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
    `#!/bin/sh\nexport TZ=UTC LD_PRELOAD=${LIBFAKETIME} FAKETIME="@${at}" DONT_FAKE_MONOTONIC=1\nexec "${testServer}" "$@"\n`,
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
