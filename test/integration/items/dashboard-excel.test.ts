import { WorkflowNotFoundError } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { recordTransition } from '../../../db/items/items.js';
import { type ItemSpec, initialState } from '../../../domain/items/index.js';
import { endOfDay, localDate, toShanghaiIso } from '../../../domain/shanghai-time.js';
import { startTestDashboard, type TestDashboard } from '../../support/dashboard.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { eventually, type Stack, startStack } from '../../support/stack.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;
/** The columns an import reads: what must survive export → import → export. */
const SPEC_COLUMNS = [
  '事项编号',
  '事项类型',
  '事项名称',
  '事项内容',
  '分管领域',
  '紧急程度',
  '责任单位',
  '责任人',
  '审核人',
  '签收期限',
  '办结期限',
  '需要佐证',
];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

let stack: Stack;
let source: TestDatabase;
let sourceDashboard: TestDashboard | undefined;

/** Another county office's ledger (its own database and dashboard) whose export we import into the stack. */
beforeAll(async () => {
  stack = await startStack();
  source = await createTestDatabase();
  await seedDemoOrg(source.db);
  const now = Date.now();
  for (const spec of sourceSpecs(now)) {
    await recordTransition(
      source.db,
      initialState(spec),
      { type: 'created', spec, seq: 1, actorId: spec.issuerId, at: spec.createdAt },
      spec.createdAt,
    );
  }
  sourceDashboard = await startTestDashboard(source.db, { sim: stack.sim });
});
afterAll(async () => {
  await sourceDashboard?.close();
  await source?.drop();
  await stack?.stop();
});

function sourceSpecs(now: number): ItemSpec[] {
  const due = (days: number) => endOfDay(localDate(now + days * DAY));
  const base = {
    description: '按县委农村工作领导小组部署办理。',
    issuerId: 'p-ducha-head',
    reviewerId: 'p-ducha-staff',
    createdAt: toShanghaiIso(now),
    signBy: due(1),
    evidenceRequired: false,
  };
  return [
    {
      ...base,
      id: 'RT-001',
      kind: 'task',
      title: '匡郎村党委软弱涣散整顿提升',
      urgency: 'important',
      domain: '农业农村',
      ownerUnitId: 'xiaojie-v1',
      assigneeId: 'p-xiaojie-v1-secretary',
      dueAt: due(14),
    },
    {
      ...base,
      id: 'RT-002',
      kind: 'rectification',
      title: '大箐村人居环境问题整改',
      urgency: 'urgent',
      domain: '农业农村',
      ownerUnitId: 'niulanjiang-v1',
      assigneeId: 'p-niulanjiang-v1-first',
      dueAt: due(7),
      evidenceRequired: true,
    },
    {
      ...base,
      id: 'RT-003',
      kind: 'loan',
      title: '积德村小额信贷到期催缴',
      urgency: 'normal',
      domain: '金融',
      ownerUnitId: 'xiaojie-v3',
      assigneeId: 'p-xiaojie-v3-cadre',
      dueAt: due(10),
      signBy: due(2),
    },
    {
      ...base,
      id: 'RT-004',
      kind: 'monitoring',
      title: '防返贫监测收入信息核查',
      urgency: 'normal',
      domain: '农业农村',
      ownerUnitId: 'yanglin',
      assigneeId: 'p-yanglin-staff',
      dueAt: due(21),
    },
    {
      ...base,
      id: 'RT-005',
      kind: 'project',
      title: '抗旱应急保供水项目建成投用',
      urgency: 'urgent',
      domain: '水务',
      ownerUnitId: 'shuiwu',
      assigneeId: 'p-shuiwu-staff',
      dueAt: due(30),
      description: '剩余 4 个项目须尽快建成投用。',
    },
    {
      ...base,
      id: 'RT-006',
      kind: 'task',
      title: '农村危房改造核查',
      urgency: 'normal',
      domain: '住建',
      ownerUnitId: 'songyang',
      assigneeId: 'p-songyang-staff',
      dueAt: due(40),
    },
  ];
}

async function exportAll(url: string, cookie: string): Promise<Buffer> {
  const res = await getAs(url, cookie, '/export.xlsx?view=all');
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function upload(cookie: string, body: Buffer, headers: Record<string, string> = { 'x-duban-import': '1' }) {
  const res = await fetch(`${stack.dashboardUrl}/import`, {
    method: 'POST',
    headers: { cookie, 'content-type': XLSX, ...headers },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      started: string[];
      existing: string[];
      errors: { row: number; message: string }[];
      fileError?: string;
      error?: string;
    },
  };
}

/** The spec columns of every item row of a ledger file, keyed by 事项编号. */
async function specRows(file: Buffer): Promise<Record<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(3).values as unknown[];
  const out: Record<string, Record<string, string>> = {};
  for (let r = 4; r <= ws.rowCount; r++) {
    const row: Record<string, string> = {};
    for (const name of SPEC_COLUMNS) {
      const v = ws.getRow(r).getCell(header.indexOf(name)).value;
      row[name] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
    }
    out[row['事项编号']!] = row;
  }
  return out;
}

describe('Excel export and import of items', () => {
  it('an exported list imports into another system and exports again unchanged; a second import starts nothing', async () => {
    const exported = await exportAll(sourceDashboard!.url, await loginCookie(sourceDashboard!.url, 'p-ducha-head'));
    const before = await specRows(exported);
    expect(Object.keys(before).sort(byText)).toEqual(['RT-001', 'RT-002', 'RT-003', 'RT-004', 'RT-005', 'RT-006']);

    const cookie = await loginCookie(stack.dashboardUrl, 'p-ducha-head');
    const first = await upload(cookie, exported);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, existing: [], errors: [] });
    expect(first.body.started.sort(byText)).toEqual(Object.keys(before).sort(byText));
    await eventually('all imported items in the ledger', async () => {
      const n = await stack.db.db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'like', 'RT-%')
        .executeTakeFirstOrThrow();
      return Number(n.n) === 6 || undefined;
    });
    const after = await specRows(await exportAll(stack.dashboardUrl, cookie));
    expect(after).toEqual(before);
    const issuers = await stack.db.db
      .selectFrom('items')
      .select('issuer_id')
      .distinct()
      .where('id', 'like', 'RT-%')
      .execute();
    expect(issuers).toEqual([{ issuer_id: 'p-ducha-head' }]);

    const again = await upload(cookie, exported);
    expect(again.body).toMatchObject({ ok: true, started: [] });
    expect(again.body.existing.sort(byText)).toEqual(Object.keys(before).sort(byText));
  });

  it('a file with bad rows imports nothing and names each row and its reason', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(['事项编号', '事项类型', '事项名称', '分管领域', '紧急程度', '责任单位', '责任人', '审核人', '办结期限']);
    const due = new Date(Date.now() + 20 * DAY);
    const dueCell = new Date(`${localDate(due.getTime())}T00:00:00Z`);
    const staff = await stack.db.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', 'p-ducha-staff')
      .executeTakeFirstOrThrow();
    const cadre = await stack.db.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', 'p-xiaojie-v2-cadre')
      .executeTakeFirstOrThrow();
    ws.addRow([
      'BAD-001',
      '督办事项',
      '墩白村村容村貌整治',
      '农业农村',
      '一般',
      '小街镇墩白村',
      cadre.name,
      staff.name,
      dueCell,
    ]);
    ws.addRow([
      'BAD-002',
      '督办事项',
      '墩白村公厕选址',
      '农业农村',
      '一般',
      '墩白村',
      cadre.name,
      staff.name,
      '2026-02-30',
    ]);
    ws.addRow([
      'BAD-003',
      '整改事项',
      '不存在村环境整治',
      '农业农村',
      '重要',
      '不存在村',
      cadre.name,
      staff.name,
      dueCell,
    ]);
    ws.addRow([
      'BAD-004',
      '督办事项',
      '墩白村防返贫监测',
      '农业农村',
      '特急',
      '小街镇墩白村',
      cadre.name,
      staff.name,
      dueCell,
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const cookie = await loginCookie(stack.dashboardUrl, 'p-ducha-staff');
    const res = await upload(cookie, file);
    expect(res.status).toBe(422);
    expect(res.body.ok).toBe(false);
    expect(res.body.started).toEqual([]);
    expect(res.body.errors).toEqual([
      { row: 3, message: '办结期限「2026-02-30」不是有效日期（例如 2026-06-30）' },
      { row: 4, message: '责任单位「不存在村」不存在' },
      { row: 5, message: '紧急程度「特急」无效，应为：一般、重要、紧急' },
    ]);
    const rows = await stack.db.db.selectFrom('items').select('id').where('id', 'like', 'BAD-%').execute();
    expect(rows).toEqual([]);
    await expect(stack.system.client.workflow.getHandle('BAD-001').describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
  });

  it('refuses a file that is not Excel, an upload without the page’s header, and anyone who may not import', async () => {
    const supervisor = await loginCookie(stack.dashboardUrl, 'p-ducha-head');
    const notExcel = await upload(supervisor, Buffer.from('事项名称,责任单位\n'));
    expect(notExcel.body.fileError).toContain('无法读取文件');
    const forged = await upload(supervisor, Buffer.from('x'), {});
    expect(forged.status).toBe(400);
    const township = await loginCookie(stack.dashboardUrl, 'p-xiaojie-secretary');
    const refused = await upload(township, Buffer.from('x'));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('只有县委督查室');
    expect((await getAs(stack.dashboardUrl, township, '/import')).status).toBe(403);
    const template = await getAs(stack.dashboardUrl, supervisor, '/import/template.xlsx');
    expect(template.headers.get('content-type')).toBe(XLSX);
  });
});
