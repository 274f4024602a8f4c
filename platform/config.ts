import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The one place that reads the environment. Everything else receives a frozen Config.
 * With no Lark credentials set, Duban runs against the bundled simulator with demo credentials.
 */
export interface Config {
  readonly temporal: {
    /** host:port of an existing server; undefined in embedded mode, where a dev server is started. */
    readonly address: string | undefined;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly cliPath: string;
  };
  readonly database: {
    /** PostgreSQL URL; undefined means embedded PGlite in dataDir. */
    readonly url: string | undefined;
    /** The URL is `npm start`'s PGlite: one session, so a client keeps to one pooled connection. */
    readonly singleSession: boolean;
  };
  readonly dataDir: string;
  readonly lark: {
    readonly simulated: boolean;
    readonly appId: string;
    readonly appSecret: string;
    readonly encryptKey: string;
    readonly verificationToken: string;
    /** SDK domain; for the simulator it is filled in once the simulator listens. */
    readonly domain: string | undefined;
    /**
     * LARK_EVENT_MODE: how events and card callbacks arrive. 'ws' (the SDK's long connection, no public URL needed)
     * is the default for real Lark without DUBAN_PUBLIC_URL; 'webhook' with one, and for the embedded simulator.
     */
    readonly eventMode: 'webhook' | 'ws';
  };
  readonly http: {
    readonly host: string;
    readonly botPort: number;
    readonly simPort: number;
    /** How Lark (or the simulator) reaches the bot, e.g. https://duban.example.gov.cn */
    readonly publicBotUrl: string | undefined;
    readonly dashboardPort: number;
    /** How browsers reach the dashboard (the OAuth redirect goes there); default http://host:dashboardPort. */
    readonly publicDashboardUrl: string | undefined;
  };
  readonly dashboard: {
    /** Signs the dashboard's session cookies. */
    readonly sessionSecret: string;
  };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** LOG_FORMAT: 'auto' (the default) means pretty when `npm start` runs at a terminal, JSON lines otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  /** The running `npm start` whose runtime file filled in what the environment left unset (CLI only). */
  readonly runningSystem: RuntimeInfo | undefined;
}

/**
 * What `npm start` writes to `<dataDir>/runtime.json` while it runs, so that `npm run cli` in a second terminal
 * reaches the same database and Temporal with no environment set. Only the embedded database's URL is recorded
 * (it carries no password); an external DATABASE_URL stays in the environment that set it.
 */
export interface RuntimeInfo {
  pid: number;
  startedAt: string;
  database?: { url: string; embedded: true };
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl?: string };
  botUrl: string;
  dashboardUrl?: string;
  simulatorUrl?: string;
}

/** Demo credentials for the simulator only; real deployments must set LARK_* variables. */
export const SIMULATOR_APP = Object.freeze({
  appId: 'cli_d0ba2c3d4e5f6071',
  appSecret: 'duban-demo-secret',
  encryptKey: 'duban-demo-encrypt-key',
  verificationToken: 'duban-demo-verification-token',
});

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export interface LoadOptions {
  /**
   * Fill DATABASE_URL, TEMPORAL_ADDRESS (with its namespace and task queue) and the simulator's LARK_DOMAIN from a
   * live `npm start`'s runtime file when they are unset. For operator commands only: a process that runs the system
   * itself (dev, worker, server) must not attach to another one by accident.
   */
  runningSystem?: boolean;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Env> = {}, options: LoadOptions = {}): Config {
  const e: Env = { ...env, ...overrides };
  const dataDir = resolve(e.DUBAN_DATA_DIR ?? 'data');
  const running =
    options.runningSystem && (!e.DATABASE_URL || !e.TEMPORAL_ADDRESS) ? readRunningSystem(dataDir) : undefined;
  const fromRunning = running && !e.TEMPORAL_ADDRESS ? running.temporal : undefined;
  const databaseUrl = e.DATABASE_URL || running?.database?.url || undefined;
  const simulated = !e.LARK_APP_ID;
  const eventMode = oneOf(
    e,
    'LARK_EVENT_MODE',
    ['webhook', 'ws'] as const,
    simulated || e.DUBAN_PUBLIC_URL ? 'webhook' : 'ws',
  );
  const lark = simulated
    ? { simulated, ...SIMULATOR_APP, domain: e.LARK_DOMAIN || running?.simulatorUrl || undefined, eventMode }
    : {
        simulated,
        eventMode,
        appId: required(e, 'LARK_APP_ID'),
        appSecret: required(e, 'LARK_APP_SECRET'),
        encryptKey: required(e, 'LARK_ENCRYPT_KEY'),
        verificationToken: required(e, 'LARK_VERIFICATION_TOKEN'),
        domain: e.LARK_DOMAIN ?? 'https://open.feishu.cn',
      };
  const config: Config = {
    temporal: {
      address: e.TEMPORAL_ADDRESS || fromRunning?.address || undefined,
      namespace: e.TEMPORAL_NAMESPACE ?? fromRunning?.namespace ?? 'default',
      taskQueue: e.DUBAN_TASK_QUEUE ?? fromRunning?.taskQueue ?? 'duban-items',
      cliPath: resolve(e.TEMPORAL_CLI_PATH ?? '.tools/bin/temporal'),
    },
    database: {
      url: databaseUrl,
      singleSession: !e.DATABASE_URL && databaseUrl !== undefined && running?.database?.embedded === true,
    },
    dataDir,
    lark,
    http: {
      host: e.DUBAN_HOST ?? '127.0.0.1',
      botPort: port(e, 'DUBAN_BOT_PORT', 3000),
      simPort: port(e, 'DUBAN_SIM_PORT', 4010),
      publicBotUrl: e.DUBAN_PUBLIC_URL || undefined,
      dashboardPort: port(e, 'DUBAN_DASHBOARD_PORT', 3001),
      publicDashboardUrl: e.DUBAN_DASHBOARD_URL || undefined,
    },
    dashboard: { sessionSecret: sessionSecret(e, simulated) },
    logLevel: oneOf(e, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    logFormat: oneOf(e, 'LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto'),
    runningSystem: running,
  };
  return deepFreeze(config);
}

export function runtimeFilePath(dataDir: string): string {
  return join(dataDir, 'runtime.json');
}

/** The runtime file of an `npm start` that is still running; a file left by a killed one (dead pid) is ignored. */
export function readRunningSystem(dataDir: string): RuntimeInfo | undefined {
  let info: RuntimeInfo;
  try {
    info = JSON.parse(readFileSync(runtimeFilePath(dataDir), 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
  return Number.isInteger(info.pid) && isAlive(info.pid) ? info : undefined;
}

/** Written once the system is up (whole or not at all: a reader never sees half a file); readable by the owner only. */
export function writeRuntimeFile(dataDir: string, info: RuntimeInfo): void {
  mkdirSync(dataDir, { recursive: true });
  const path = runtimeFilePath(dataDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** Removed on a clean stop, and only if it is still this process's own. */
export function removeRuntimeFile(dataDir: string, pid: number = process.pid): void {
  try {
    const info = JSON.parse(readFileSync(runtimeFilePath(dataDir), 'utf8')) as RuntimeInfo;
    if (info.pid === pid) rmSync(runtimeFilePath(dataDir), { force: true });
  } catch {
    // Gone already, or not ours to remove.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function required(e: Env, name: string): string {
  const v = e[name];
  if (!v) throw new ConfigError(`environment variable ${name} is required when LARK_APP_ID is set`);
  return v;
}

/** With real Lark the secret must be set (and long); the simulator gets a fixed development secret. */
function sessionSecret(e: Env, simulated: boolean): string {
  const v = e.DUBAN_SESSION_SECRET;
  if (!v && simulated) return 'duban-dev-session-secret-not-for-production';
  if (!v) throw new ConfigError('environment variable DUBAN_SESSION_SECRET is required when LARK_APP_ID is set');
  if (v.length < 32) throw new ConfigError('DUBAN_SESSION_SECRET must be at least 32 characters');
  return v;
}

function port(e: Env, name: string, fallback: number): number {
  const raw = e[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}

function oneOf<T extends string>(e: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = e[name];
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}
