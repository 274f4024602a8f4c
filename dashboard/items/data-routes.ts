import type { Context } from 'hono';
import { listItems } from '../../db/items/dashboard-list.js';
import { fileResponse, fromPageScript, HttpError, jsonResponse } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { dateTime } from '../pages/format.js';
import type { BodyLimit } from '../routes.js';
import { XLSX_TYPE } from './excel/columns.js';
import { ledgerFileName, ledgerWorkbook } from './excel/export.js';
import { importItems } from './excel/import-run.js';
import { importTemplate } from './excel/template.js';
import { requireImporter } from './import.js';
import { parseListQuery, toFilter, VIEW_TITLES } from './list-query.js';

/** An Excel ledger of a few thousand rows is well under this. */
export const IMPORT_BODY_LIMIT: BodyLimit = { maxBytes: 5 * 1024 * 1024, tooLarge: '文件不能超过 5 MB' };

/** The Excel export of any list the viewer can see: same query as the list page, no row limit. */
export async function exportLedger(env: PageEnv): Promise<Response> {
  const { viewer, now } = env;
  const q = parseListQuery(env.url.searchParams, viewer.units, 'all');
  const [rows, cal] = await Promise.all([
    listItems(env.db, viewer.scope, toFilter(q, viewer.units, viewer.scope), now),
    env.calendar(),
  ]);
  const root = viewer.units.find((u) => u.parentId === null)?.name ?? '';
  const place = viewer.units.find((u) => u.id === (q.unit ?? q.township))?.name;
  const title = `${root}督办事项台账（${place ? `${place}，` : ''}${q.mine ? '我的' : ''}${VIEW_TITLES[q.view]}）`;
  const body = await ledgerWorkbook(rows, {
    title,
    subtitle: `导出时间：${dateTime(now)}　导出人：${viewer.person.name}　可见范围：${viewer.label}　共 ${rows.length} 项`,
    units: viewer.units,
    cal,
    now,
  });
  return sendFile(ledgerFileName('督办台账', now), body);
}

export async function importTemplateFile(env: PageEnv): Promise<Response> {
  requireImporter(env);
  return sendFile('督办事项导入模板.xlsx', await importTemplate());
}

/**
 * The import upload: the raw .xlsx bytes, sent by the page's script with a custom header (a cross-site form cannot
 * set one, so this doubles as CSRF protection next to the SameSite cookie). Its size is capped by the route's body
 * limit (IMPORT_BODY_LIMIT) before this runs.
 */
export async function importUpload(env: PageEnv, c: Context): Promise<Response> {
  requireImporter(env);
  if (!fromPageScript(c, 'x-duban-import')) throw new HttpError(400, '请通过导入页面上传文件');
  if (!env.items) throw new HttpError(400, '当前部署未连接督办流程服务，不能导入');
  const data = Buffer.from(await c.req.arrayBuffer());
  if (data.length === 0) throw new HttpError(400, '请选择要导入的文件');
  const outcome = await importItems(
    { db: env.db, ...env.items, cal: await env.calendar(), now: env.now, issuerId: env.viewer.person.id },
    data,
  );
  return jsonResponse(outcome.ok ? 200 : 422, outcome);
}

function sendFile(name: string, body: Buffer): Response {
  return fileResponse(body, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="duban.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });
}
