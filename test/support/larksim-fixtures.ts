import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import { expect } from 'vitest';
import {
  type LarkSim,
  type LarkSimApp,
  type LarkSimDepartment,
  type LarkSimOptions,
  type LarkSimUser,
  startLarkSim,
} from '../../larksim/index.js';

export const APP: LarkSimApp = {
  appId: 'cli_a1b2c3d4e5f60718',
  appSecret: 'sim-test-app-secret',
  encryptKey: 'sim-test-encrypt-key',
  verificationToken: 'sim-test-verification-token',
};

/** A county (root), a town under it and a village under the town; 12 extra cadres in the village for fan-out tests. */
export const DEPT = {
  county: 'od-00000000000000000000000000000001',
  town: 'od-00000000000000000000000000000002',
  village: 'od-00000000000000000000000000000003',
  bureau: 'od-00000000000000000000000000000004',
};
export const TOWN_CHAT = 'oc_00000000000000000000000000000002';

export const U = {
  secretary: 'ou_00000000000000000000000000000001',
  townLeader: 'ou_00000000000000000000000000000002',
  villageLeader: 'ou_00000000000000000000000000000003',
  cadre: 'ou_00000000000000000000000000000004',
  inspector: 'ou_00000000000000000000000000000005',
};

export const CADRES: string[] = Array.from(
  { length: 12 },
  (_, i) => `ou_1000000000000000000000000000${String(i).padStart(4, '0')}`,
);

export const DEPARTMENTS: LarkSimDepartment[] = [
  {
    openDepartmentId: DEPT.county,
    departmentId: 'D-COUNTY',
    name: '嵩明县委',
    parentOpenDepartmentId: '0',
    leaderOpenId: U.secretary,
  },
  { openDepartmentId: DEPT.bureau, departmentId: 'D-BUREAU', name: '县乡村振兴局', parentOpenDepartmentId: '0' },
  {
    openDepartmentId: DEPT.town,
    departmentId: 'D-TOWN',
    name: '小街镇',
    parentOpenDepartmentId: DEPT.county,
    leaderOpenId: U.townLeader,
    chatId: TOWN_CHAT,
  },
  {
    openDepartmentId: DEPT.village,
    departmentId: 'D-VILLAGE',
    name: '匡郎村',
    parentOpenDepartmentId: DEPT.town,
    leaderOpenId: U.villageLeader,
  },
];

export const USERS: LarkSimUser[] = [
  {
    openId: U.secretary,
    name: '李建国',
    departmentIds: [DEPT.county],
    jobTitle: '县委书记',
    email: 'li@example.gov.cn',
  },
  { openId: U.townLeader, name: '陈伟', departmentIds: [DEPT.town], jobTitle: '镇党委书记', leaderOpenId: U.secretary },
  {
    openId: U.villageLeader,
    name: '刘洋',
    departmentIds: [DEPT.village],
    jobTitle: '村党委书记',
    leaderOpenId: U.townLeader,
    mobile: '+8613800000003',
  },
  {
    openId: U.cadre,
    name: '杨帆',
    departmentIds: [DEPT.village],
    jobTitle: '驻村第一书记',
    leaderOpenId: U.villageLeader,
  },
  { openId: U.inspector, name: '孙丽', departmentIds: [DEPT.bureau], jobTitle: '督查室干部' },
  ...CADRES.map((openId, i) => ({ openId, name: `村干部${i + 1}`, departmentIds: [DEPT.village] })),
];

export function startSim(extra: Partial<LarkSimOptions> = {}): Promise<LarkSim> {
  return startLarkSim({ app: { ...APP }, users: USERS, departments: DEPARTMENTS, ...extra });
}

/**
 * Discards SDK logs. (`loggerLevel: LoggerLevel.fatal` does not silence the SDK: it is 0, and the SDK falls back to
 * info on `params.loggerLevel || info`.)
 */
export const silentLogger: lark.Logger = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

/** The real SDK pointed at the simulator, with its own token cache (the default one is process-global). */
export function sdkClient(sim: LarkSim, appSecret = APP.appSecret): lark.Client {
  return new lark.Client({
    appId: APP.appId,
    appSecret,
    domain: sim.url,
    cache: new lark.DefaultCache(),
    logger: silentLogger,
  });
}

/** A schema-2.0 card with a markdown line and a callback button. */
export function simpleCard(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: { title: { tag: 'plain_text', content: '督办事项' }, template: 'blue' },
    body: {
      elements: [
        { tag: 'markdown', content: text },
        {
          tag: 'button',
          name: 'ack',
          text: { tag: 'plain_text', content: '签收' },
          type: 'primary_filled',
          behaviors: [{ type: 'callback', value: { action: 'ack', item: 'DB-1' } }],
        },
      ],
    },
    ...extra,
  };
}

export async function sendCard(
  client: lark.Client,
  receiveId: string,
  card: unknown,
  uuid?: string,
  receiveIdType: 'open_id' | 'chat_id' = 'open_id',
): Promise<string> {
  const res = await client.im.message.create({
    params: { receive_id_type: receiveIdType },
    data: { receive_id: receiveId, msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
  });
  expect(res.code).toBe(0);
  const id = res.data?.message_id;
  if (!id) throw new Error('no message_id');
  return id;
}

/** Awaits a promise the SDK must reject with an HTTP error; returns status, Lark code and headers. */
export async function larkError(
  promise: Promise<unknown>,
): Promise<{ status: number; code: number; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (e) {
    const response = (e as { response?: { status: number; data: { code: number }; headers: Record<string, string> } })
      .response;
    if (!response) throw e;
    return { status: response.status, code: response.data.code, headers: response.headers };
  }
  throw new Error('expected the SDK call to reject');
}

export interface Receiver {
  url: string;
  close(): Promise<void>;
}

/** A bot endpoint built the way Duban's is: the SDK's dispatcher behind `adaptDefault` on node:http. */
export async function startReceiver(
  path: string,
  dispatcher: lark.EventDispatcher | lark.CardActionHandler,
): Promise<Receiver> {
  const handler = lark.adaptDefault(path, dispatcher, { autoChallenge: true });
  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function dispatcher(): lark.EventDispatcher {
  return new lark.EventDispatcher({
    encryptKey: APP.encryptKey,
    verificationToken: APP.verificationToken,
    logger: silentLogger,
  });
}
