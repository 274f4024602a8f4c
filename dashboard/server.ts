import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createCalendarCache } from '../db/calendar/calendar-cache.js';
import type { Database } from '../db/schema.js';
import { toShanghaiIso } from '../domain/shanghai-time.js';
import type { Logger } from '../platform/logger.js';
import { CALLBACK_PATH, createAuth } from './auth.js';
import { cadenceAdminRoute } from './cadence/cadence-admin.js';
import { campaignFormPage, createCampaign } from './campaigns/campaign-new.js';
import type { Html } from './html.js';
import { HttpError, redirect, sendHtml, sendJson } from './http.js';
import { exportLedger, importTemplateFile, importUpload } from './items/data-routes.js';
import { importPage } from './items/import.js';
import { itemPage } from './items/item.js';
import { listPage } from './items/list.js';
import { overviewPage } from './items/overview.js';
import { unitPage } from './items/unit.js';
import type { LarkOAuth } from './oauth.js';
import type { PageEnv } from './page-env.js';
import { errorPage } from './pages/errors.js';
import { ledgersPage } from './pages/ledgers.js';
import { rankingsPage } from './ranking/rankings.js';
import { matchRoute } from './router.js';
import { serveStatic } from './static.js';
import { loadViewerContext, type Viewer } from './viewer.js';

export interface DashboardDeps {
  db: Kysely<Database>;
  oauth: LarkOAuth;
  sessionSecret: string;
  /** How browsers reach the dashboard (for the OAuth redirect), known once the server listens. */
  publicUrl: () => string;
  logger: Logger;
  clock?: () => Date;
  /** Temporal, for the Excel import (which starts items); without it the import answers that it is unavailable. */
  items?: { client: Client; taskQueue: string };
}

type Handler =
  | { kind: 'page'; handle: (env: PageEnv) => Promise<Html> }
  | { kind: 'raw'; handle: (env: PageEnv, req: IncomingMessage, res: ServerResponse) => Promise<void> };

interface DashboardRoute {
  method: 'GET' | 'POST';
  pattern: string;
  handler: Handler;
}

const page = (method: 'GET' | 'POST', pattern: string, handle: (env: PageEnv) => Promise<Html>): DashboardRoute => ({
  method,
  pattern,
  handler: { kind: 'page', handle },
});
const raw = (method: 'GET' | 'POST', pattern: string, handle: Extract<Handler, { kind: 'raw' }>['handle']) => ({
  method,
  pattern,
  handler: { kind: 'raw' as const, handle },
});

/** Everything behind login. Order matters where patterns overlap (/items/:id after the fixed /items paths). */
const ROUTES: DashboardRoute[] = [
  page('GET', '/', overviewPage),
  page('GET', '/units/:id', unitPage),
  page('GET', '/overdue', listPage('overdue', 'overdue')),
  page('GET', '/escalated', listPage('escalated', 'escalated')),
  page('GET', '/items', listPage('all', 'items')),
  page('GET', '/items/:id', itemPage),
  page('GET', '/rankings', rankingsPage),
  page('GET', '/ledgers', ledgersPage),
  page('GET', '/campaigns/new', campaignFormPage),
  raw('POST', '/campaigns', createCampaign),
  raw('POST', '/cadences/pause', cadenceAdminRoute('pause')),
  raw('POST', '/cadences/resume', cadenceAdminRoute('resume')),
  page('GET', '/import', importPage),
  raw('GET', '/import/template.xlsx', importTemplateFile),
  raw('POST', '/import', importUpload),
  raw('GET', '/export.xlsx', exportLedger),
];

/** The leading group's web dashboard: node:http, server-rendered pages, Lark login, role-scoped data. */
export function createDashboardServer(deps: DashboardDeps): Server {
  const clock = deps.clock ?? (() => new Date());
  const auth = createAuth({ ...deps, clock });
  const calendar = createCalendarCache(deps.db, clock);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dashboard.local');
    const path = url.pathname;
    if (req.method === 'GET' && path.startsWith('/static/') && (await serveStatic(path.slice(8), res))) return;
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'GET' && path === '/login') return auth.login(req, res, url);
    if (req.method === 'GET' && path === CALLBACK_PATH) return auth.callback(req, res, url);
    if (req.method === 'POST' && path === '/logout') return auth.logout(req, res);

    const match = matchRoute(ROUTES, req.method ?? 'GET', path);
    if (!match) return sendHtml(res, 404, errorPage(404, '页面不存在'));
    const session = auth.session(req);
    const viewer = session ? await loadViewerContext(deps.db, session.personId) : undefined;
    if (!viewer) return unauthenticated(req, res, url, session !== undefined);
    const env: PageEnv = {
      db: deps.db,
      viewer,
      url,
      params: match.params,
      now: toShanghaiIso(clock().getTime()),
      calendar,
      ...(deps.items ? { items: deps.items } : {}),
    };
    try {
      const h = match.route.handler;
      if (h.kind === 'page') sendHtml(res, 200, await h.handle(env));
      else await h.handle(env, req, res);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      failed(req, res, err, viewer);
    }
  }

  function unauthenticated(req: IncomingMessage, res: ServerResponse, url: URL, stale: boolean): void {
    const cookies = stale ? [auth.clearSession()] : [];
    if (req.method === 'GET') {
      redirect(res, `/login?${new URLSearchParams({ next: url.pathname + url.search }).toString()}`, cookies);
      return;
    }
    res.setHeader('set-cookie', cookies);
    sendJson(res, 401, { ok: false, error: '登录已失效，请刷新页面重新登录' });
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.logger.error('dashboard request failed', { path: req.url, error: String(err) });
      if (!res.headersSent) sendHtml(res, 500, errorPage(500, '系统繁忙，请稍后重试。'));
      else res.end();
    });
  });
}

/** Pages get an error page; the upload and other scripted calls get JSON. */
function failed(req: IncomingMessage, res: ServerResponse, err: HttpError, viewer: Viewer): void {
  if (req.method === 'POST') sendJson(res, err.status, { ok: false, error: err.message });
  else sendHtml(res, err.status, errorPage(err.status, err.message, viewer));
}
