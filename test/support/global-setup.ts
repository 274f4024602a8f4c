import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateAll } from '../../app/migrations.js';
import { WORKFLOWS_PATH } from '../../app/worker.js';
import { loadConfig } from '../../platform/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    pgAdminUrl: string;
    pgTemplate: string;
    workflowBundlePath: string;
  }
}

/**
 * One Temporal dev server, one migrated template database and one workflow bundle per run,
 * shared by every test file (each file clones the template into its own database).
 * A missing Temporal binary is an error, never a skip.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig();
  const cliPath = config.temporal.cliPath;
  if (!existsSync(cliPath)) {
    throw new Error(`Temporal CLI not found at ${cliPath}: run scripts/ensure-tools.sh or set TEMPORAL_CLI_PATH`);
  }
  const adminUrl = config.database.url ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = `duban_tpl_${process.pid}_${Date.now()}`;

  const [env, bundlePath] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cliPath },
        log: { format: 'pretty', level: 'error' },
        extraArgs: ['--dynamic-config-value', 'system.forceSearchAttributesCacheRefreshOnRead=true'],
      },
    }),
    bundleOnce(),
    createTemplate(adminUrl, template),
  ]);

  project.provide('temporalAddress', env.address);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('workflowBundlePath', bundlePath);

  return async () => {
    await env.teardown();
    await dropDatabases(adminUrl, template);
  };
}

async function bundleOnce(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
  });
  const path = join(mkdtempSync(join(tmpdir(), 'duban-bundle-')), 'workflows.js');
  writeFileSync(path, code);
  return path;
}

async function createTemplate(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(adminUrl, name), max: 1 }) }),
  });
  try {
    await migrateAll(db);
  } finally {
    await db.destroy();
  }
}

async function dropDatabases(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `${template}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
