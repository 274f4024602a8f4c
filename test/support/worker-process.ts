/**
 * A Duban worker in its own process, so a test can kill it with SIGKILL mid-flight.
 * argv[2] is JSON: { temporalAddress, taskQueue, databaseUrl, larkDomain, bundlePath }.
 */
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createWorker } from '../../app/worker.js';
import { createLarkClient } from '../../bot/lark/client.js';
import { createLarkMessenger } from '../../bot/lark/messenger.js';
import { createDb } from '../../db/connection.js';
import { createLogger } from '../../platform/logger.js';
import { TEST_APP } from './test-app.js';

interface Args {
  temporalAddress: string;
  taskQueue: string;
  databaseUrl: string;
  larkDomain: string;
  bundlePath: string;
}

async function main() {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  const drop = () => {};
  Runtime.install({ logger: { log: drop, trace: drop, debug: drop, info: drop, warn: drop, error: drop } });
  const db = createDb(args.databaseUrl);
  const connection = await NativeConnection.connect({ address: args.temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue: args.taskQueue,
    db: db.db,
    lark: createLarkMessenger(createLarkClient({ ...TEST_APP, domain: args.larkDomain })),
    logger: createLogger('worker-process', 'silent'),
    workflowBundlePath: args.bundlePath,
  });
  process.stdout.write('ready\n');
  await worker.run();
  await connection.close();
  await db.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
