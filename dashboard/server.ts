import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Client } from '@temporalio/client';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import { createCalendarCache } from '../db/calendar/calendar-cache.js';
import type { Database } from '../db/schema.js';
import { toShanghaiIso } from '../domain/shanghai-time.js';
import type { Logger } from '../platform/logger.js';
import { CALLBACK_PATH, createAuth } from './auth.js';
import { HttpError, htmlResponse, jsonResponse, redirectResponse } from './http.js';
import type { LarkOAuth } from './oauth.js';
import type { PageEnv } from './page-env.js';
import { errorPage } from './pages/errors.js';
import { type BodyLimit, type DashboardRoute, FORM_BODY_LIMIT } from './routes.js';
import { dashboardSecurityHeaders } from './security.js';
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
  /** The features' logged-in routes (app/features), matched in order. */
  routes: readonly DashboardRoute[];
}

type Env = { Variables: { viewer: Viewer } };

/** The leading group's web dashboard on Hono: server-rendered pages, Lark login, role-scoped data. */
export function createDashboardApp(deps: DashboardDeps): Hono<Env> {
  const clock = deps.clock ?? (() => new Date());
  const auth = createAuth({ ...deps, clock });
  const calendar = createCalendarCache(deps.db, clock);
  // Trailing slashes were always ignored (`/items/` is `/items`).
  const app = new Hono<Env>({ strict: false });

  app.use(dashboardSecurityHeaders(deps.publicUrl));

  app.get('/static/:name', async (c, next) => (await serveStatic(c.req.param('name'))) ?? next());
  app.get('/healthz', () => jsonResponse(200, { ok: true }));
  app.get('/login', (c) => auth.login(new URL(c.req.url)));
  app.get(CALLBACK_PATH, (c) => auth.callback(c, new URL(c.req.url)));
  app.post('/logout', limit(FORM_BODY_LIMIT), (c) => auth.logout(c));

  /** Everything else needs a signed-in person the org still knows. */
  const signedIn = async (c: Context<Env>, next: () => Promise<void>) => {
    const session = auth.session(c);
    const viewer = session ? await loadViewerContext(deps.db, session.personId) : undefined;
    if (!viewer) return unauthenticated(c, session !== undefined);
    c.set('viewer', viewer);
    await next();
  };

  for (const route of deps.routes) {
    app.on(route.method, route.path, signedIn, limit(route.body ?? FORM_BODY_LIMIT), async (c) => {
      const viewer = c.get('viewer');
      const env: PageEnv = {
        db: deps.db,
        viewer,
        url: new URL(c.req.url),
        params: c.req.param(),
        now: toShanghaiIso(clock().getTime()),
        calendar,
        ...(deps.items ? { items: deps.items } : {}),
      };
      try {
        return 'page' in route ? htmlResponse(200, await route.page(env)) : await route.handle(env, c);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        return failed(c, err, viewer);
      }
    });
  }

  app.notFound(() => htmlResponse(404, errorPage(404, '页面不存在')));
  app.onError((err, c) => {
    deps.logger.error('dashboard request failed', { path: c.req.path, err });
    return htmlResponse(500, errorPage(500, '系统繁忙，请稍后重试。'));
  });

  function unauthenticated(c: Context, stale: boolean): Response {
    const cookies = stale ? [auth.clearSession()] : [];
    if (c.req.method !== 'POST') {
      const url = new URL(c.req.url);
      return redirectResponse(`/login?${new URLSearchParams({ next: url.pathname + url.search }).toString()}`, cookies);
    }
    return jsonResponse(401, { ok: false, error: '登录已失效，请刷新页面重新登录' }, { cookies });
  }

  return app;
}

/** The dashboard as a node:http server (not yet listening). */
export function createDashboardServer(deps: DashboardDeps): Server {
  return createAdaptorServer({ fetch: createDashboardApp(deps).fetch }) as Server;
}

/** The body limit of one route: a refusal the page's script shows, as any other POST refusal. */
function limit(body: BodyLimit) {
  return bodyLimit({ maxSize: body.maxBytes, onError: () => jsonResponse(413, { ok: false, error: body.tooLarge }) });
}

/** Pages get an error page; the upload and other scripted calls get JSON. */
function failed(c: Context, err: HttpError, viewer: Viewer): Response {
  if (c.req.method === 'POST') return jsonResponse(err.status, { ok: false, error: err.message });
  return htmlResponse(err.status, errorPage(err.status, err.message, viewer));
}
