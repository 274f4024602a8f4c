import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { demoOrg } from './demo.js';
import { startLarkSim } from './server.js';
import type { LarkSimApp, LarkSimDepartment, LarkSimUser } from './types.js';

const USAGE = `usage: tsx larksim/main.ts [--port 4010] [--host 127.0.0.1] [--org org.json]
                            [--card-url http://…/lark/card] [--event-url http://…/lark/event]
org.json: {"app"?: LarkSimApp, "users": LarkSimUser[], "departments"?: LarkSimDepartment[]}`;

interface OrgFile {
  app?: LarkSimApp;
  users?: LarkSimUser[];
  departments?: LarkSimDepartment[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      org: { type: 'string' },
      'card-url': { type: 'string' },
      'event-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const demo = demoOrg();
  const org: OrgFile = values.org ? (JSON.parse(await readFile(values.org, 'utf8')) as OrgFile) : demo;
  const app: LarkSimApp = { ...(org.app ?? demo.app) };
  if (values['card-url']) app.cardCallbackUrl = values['card-url'];
  if (values['event-url']) app.eventCallbackUrl = values['event-url'];
  const sim = await startLarkSim({
    host: values.host,
    port: Number(values.port),
    app,
    users: org.users ?? [],
    departments: org.departments ?? [],
  });
  // Secrets (app secret, encrypt key) are never printed; they are in the org file or larksim/demo.ts.
  console.log(`larksim listening on ${sim.url}`);
  console.log(`  web chat:  ${sim.url}/`);
  console.log(`  app id:    ${app.appId}  (${(org.users ?? []).length} users)`);
  console.log(`  card URL:  ${app.cardCallbackUrl ?? '(not set)'}`);
  console.log(`  event URL: ${app.eventCallbackUrl ?? '(not set)'}`);
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
