import { type ParseArgsConfig, parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createDb, type DbHandle } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';
import { type Config, ConfigError } from '../../platform/config.js';
import { ACTOR_RULE, type Actor, resolveActor, resolvePerson } from './actor.js';
import { ttyStartProgress, withStartProgress } from './progress.js';

export interface CliOut {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** A refusal a command reports in Chinese on stderr and exits with (1 unless said otherwise); no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** What a command may use. The database and Temporal are opened on first use and closed after the command. */
export interface CliContext {
  readonly config: Config;
  readonly stdout: CliOut['stdout'];
  readonly stderr: CliOut['stderr'];
  db(): Promise<Kysely<Database>>;
  /** Fails with a ConfigError unless TEMPORAL_ADDRESS is set or a running `npm start` is known. */
  temporal(): Promise<Client>;
  /** `--actor`'s one rule (services/shared/actor.ts); a refusal is a CliError listing the candidates. */
  resolveActor(value: string | undefined): Promise<Actor>;
  /** Another person named by id or name (交办人, 审核人…), checked the same way. */
  resolvePerson(value: string, label: string): Promise<Actor>;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends CliOptions> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

/** One operator command, as a feature contributes it (app/features/<feature>.ts `cli`). */
export interface CliCommand<O extends CliOptions = CliOptions> {
  name: string;
  /** One line: the name, its positionals and its options, e.g. `loans-figures <YYYY-MM>`. */
  usage: string;
  /** What it does, for the command list. */
  summary: string;
  /** node:util parseArgs options; anything else on the command line is refused. */
  options?: O;
  /** How many positionals it takes; `max` omitted means no upper bound (a reason of several words). */
  args: { min: number; max?: number };
  /** The exit code: 0 done, 1 refused (with the reason on stderr), 2 a usage error. */
  run(ctx: CliContext, parsed: Parsed<O>): Promise<number>;
}

/** Keeps the option names typed inside `run`. */
export function defineCommand<const O extends CliOptions = Record<never, never>>(
  command: CliCommand<O>,
): CliCommand<O> {
  return command;
}

/** The `--actor` option every acting command declares; its rule is printed once under the command list. */
export const ACTOR_OPTION = { actor: { type: 'string' } } as const;
export const ACTOR_USAGE = '[--actor 姓名|编号]';

/**
 * Parses strictly (an unknown flag, a missing option value or a wrong number of arguments prints the command's
 * usage line and exits 2), runs the command, and closes what it opened.
 */
export async function runCommand(command: CliCommand, args: readonly string[], ctx: CliSession): Promise<number> {
  let parsed: Parsed<CliOptions>;
  try {
    parsed = parseArgs({ args: [...args], options: command.options ?? {}, strict: true, allowPositionals: true });
  } catch (err) {
    return usageError(ctx, command, parseErrorText(err));
  }
  const n = parsed.positionals.length;
  const { min, max } = command.args;
  if (n < min || (max !== undefined && n > max)) {
    const wanted = max === undefined ? ` 至少 ${min} 个` : min === max ? ` ${min} 个` : ` ${min}～${max} 个`;
    return usageError(ctx, command, `参数个数不对：需要${wanted}，收到 ${n} 个`);
  }
  try {
    const progress = ctx.stderr.isTTY ? ttyStartProgress(ctx.stderr) : undefined;
    return await withStartProgress(progress, () => command.run(ctx, parsed));
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    ctx.stderr.write(`${err.message}\n`);
    return err.exitCode;
  } finally {
    await ctx.close();
  }
}

function usageError(ctx: CliContext, command: CliCommand, problem: string): number {
  ctx.stderr.write(`${problem}\n用法：${command.usage}\n`);
  return 2;
}

/** parseArgs speaks English; an operator reads which flag was wrong in Chinese. */
function parseErrorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const flag = /'(-{1,2}[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${flag} 的值不对（${e.message}）`;
    default:
      return `参数错误：${e.message ?? String(err)}`;
  }
}

/** A context plus what closes it; one per command run. */
export interface CliSession extends CliContext {
  close(): Promise<void>;
}

/**
 * The context a command runs in. `db` given (tests, scripts that hold a database) is used and left open; otherwise
 * the database is opened from the config on first use, and closed with the session.
 */
export function createCliSession(opts: { config: Config; out: CliOut; db?: Kysely<Database> }): CliSession {
  const { config, out } = opts;
  let handle: DbHandle | undefined;
  let connection: Promise<Connection> | undefined;
  const db = async (): Promise<Kysely<Database>> => {
    if (opts.db) return opts.db;
    if (!handle) {
      if (!config.database.url)
        throw new ConfigError(
          'DATABASE_URL is required for this command (or start the system with npm start in this data directory)',
        );
      handle = createDb(config.database.url, config.database.singleSession ? 1 : 4);
    }
    return handle.db;
  };
  const checked = async (r: Promise<{ ok: true; actor: Actor } | { ok: false; message: string }>) => {
    const result = await r;
    if (!result.ok) throw new CliError(result.message);
    return result.actor;
  };
  return {
    config,
    stdout: out.stdout,
    stderr: out.stderr,
    db,
    async temporal() {
      const address = config.temporal.address;
      if (!address)
        throw new ConfigError(
          'TEMPORAL_ADDRESS is required for this command (or start the system with npm start in this data directory)',
        );
      connection ??= Connection.connect({ address });
      return new Client({ connection: await connection, namespace: config.temporal.namespace });
    },
    resolveActor: async (value) => checked(resolveActor(await db(), value)),
    resolvePerson: async (value, label) => checked(resolvePerson(await db(), value, label)),
    async close() {
      const c = connection;
      connection = undefined;
      if (c) await (await c.catch(() => undefined))?.close();
      const h = handle;
      handle = undefined;
      await h?.close();
    },
  };
}

/** Runs `name` from a feature's table against a database the caller holds (how tests drive one command). */
export async function runCommandOn(
  commands: readonly CliCommand[],
  name: string,
  args: readonly string[],
  opts: { db: Kysely<Database>; config: Config; out: CliOut },
): Promise<number> {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no CLI command ${name}`);
  return runCommand(command, args, createCliSession(opts));
}

/** The generated command list `npm run cli` prints: every usage line with its summary, then the --actor rule. */
export function commandList(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `${lines.join('\n')}\n\n  ${ACTOR_RULE}`;
}
