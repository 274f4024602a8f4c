import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DIGEST_SCHEDULE_ID, ensureDigestSchedule } from '../../../services/digest/schedule.js';

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
});

describe('the daily digest schedule', () => {
  it('exists after start-up, runs next at 08:30 Asia/Shanghai, and start-up is idempotent', async () => {
    const id = `${DIGEST_SCHEDULE_ID}-${randomUUID()}`;
    await ensureDigestSchedule(client, 'duban-test', id);
    await ensureDigestSchedule(client, 'duban-test', id);
    const handle = client.schedule.getHandle(id);
    const { info, action } = await handle.describe();
    const next = info.nextActionTimes[0]!;
    expect(new Date(next.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)).toBe('08:30');
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyDigest' });
    const ids: string[] = [];
    for await (const s of client.schedule.list()) ids.push(s.scheduleId);
    expect(ids.filter((x) => x === id)).toHaveLength(1);
    await handle.delete();
  });
});
