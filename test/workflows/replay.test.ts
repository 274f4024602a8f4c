import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { installQuietRuntime } from '../support/stack.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

/**
 * Histories recorded from earlier versions of the workflows must replay against the current
 * code: a change that would break running items fails here before it ships. Record a new
 * fixture (from test-results/histories after `npm test`) whenever a workflow changes shape.
 */
describe('recorded histories replay against the current workflow code', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('has fixtures to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`replays ${file}`, async () => {
      installQuietRuntime();
      const history = JSON.parse(readFileSync(FIXTURES + file, 'utf8'));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, file);
    });
  }
});
