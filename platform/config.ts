import { resolve } from 'node:path';

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

export function loadConfig(env: Env = process.env, overrides: Partial<Env> = {}): Config {
  const e: Env = { ...env, ...overrides };
  const simulated = !e.LARK_APP_ID;
  const eventMode = oneOf(
    e,
    'LARK_EVENT_MODE',
    ['webhook', 'ws'] as const,
    simulated || e.DUBAN_PUBLIC_URL ? 'webhook' : 'ws',
  );
  const lark = simulated
    ? { simulated, ...SIMULATOR_APP, domain: e.LARK_DOMAIN || undefined, eventMode }
    : {
        simulated,
        eventMode,
        appId: required(e, 'LARK_APP_ID'),
        appSecret: required(e, 'LARK_APP_SECRET'),
        encryptKey: required(e, 'LARK_ENCRYPT_KEY'),
        verificationToken: required(e, 'LARK_VERIFICATION_TOKEN'),
        domain: e.LARK_DOMAIN ?? 'https://open.feishu.cn',
      };
  const dataDir = resolve(e.DUBAN_DATA_DIR ?? 'data');
  const config: Config = {
    temporal: {
      address: e.TEMPORAL_ADDRESS || undefined,
      namespace: e.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: e.DUBAN_TASK_QUEUE ?? 'duban-items',
      cliPath: resolve(e.TEMPORAL_CLI_PATH ?? '.tools/bin/temporal'),
    },
    database: { url: e.DATABASE_URL || undefined },
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
  };
  return deepFreeze(config);
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
