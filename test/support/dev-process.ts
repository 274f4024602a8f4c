import { type ChildProcess, spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { eventually } from './stack.js';

/**
 * `npm start` (`tsx app/cli.ts dev`) as a person runs it, the way the quick-start test does: embedded PGlite in
 * `dataDir`, the simulator, the worker, the bot and the dashboard on free ports, against the run's Temporal dev
 * server (TEMPORAL_ADDRESS, so no second one starts). Resolves once the banner is printed.
 */
export interface DevProcess {
  child: ChildProcess;
  output: () => string;
  banner: string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

export async function startDevProcess(opts: {
  dataDir: string;
  temporalAddress: string;
  taskQueue: string;
  /** A namespace of its own keeps its demo workflow ids (DB-SM-001…) apart from another npm start's on the server. */
  namespace?: string;
}): Promise<DevProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'dev'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TEMPORAL_ADDRESS: opts.temporalAddress,
      DUBAN_TASK_QUEUE: opts.taskQueue,
      ...(opts.namespace ? { TEMPORAL_NAMESPACE: opts.namespace } : {}),
      DUBAN_DATA_DIR: opts.dataDir,
      DUBAN_BOT_PORT: '0',
      DUBAN_SIM_PORT: '0',
      DUBAN_DASHBOARD_PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  proc.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const banner = await eventually(
    'the start-up banner',
    () => {
      if (proc.exitCode !== null) throw new Error(`dev exited with ${proc.exitCode}:\n${out}`);
      const at = out.indexOf('督办 Duban 已启动');
      return at >= 0 && out.includes('按 Ctrl+C 停止。') ? out.slice(at) : undefined;
    },
    120_000,
  );
  return {
    child: proc,
    output: () => out,
    banner,
    stop: async () => {
      proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** Registers `namespace` on the server at `address` and waits until it answers (the test server has only default). */
export async function createNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    await eventually(`namespace ${namespace}`, async () => {
      const described = await connection.workflowService.describeNamespace({ namespace }).catch(() => undefined);
      return described?.namespaceInfo?.name === namespace ? true : undefined;
    });
  } finally {
    await connection.close();
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `tsx app/cli.ts <args>` in a second "terminal": only PATH, HOME and the data directory in its environment, no
 * DATABASE_URL and no TEMPORAL_ADDRESS, as an operator who just ran `npm start` has.
 */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'app/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout?.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    proc.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    proc.once('error', reject);
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
