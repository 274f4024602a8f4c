import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { CardCallbacks } from './callbacks.js';
import { registerControlRoutes } from './control.js';
import { EventPusher } from './events.js';
import { createFacade, markRead } from './facade.js';
import { Faults, faultReply } from './faults.js';
import {
  ApiError,
  errorBody,
  errorReply,
  type Reply,
  type RequestContext,
  Router,
  readBody,
  replyCode,
  send,
} from './http.js';
import { stableHex } from './ids.js';
import { LongConnectionHub } from './longconn/hub.js';
import { registerLongConnectionRoutes } from './longconn/routes.js';
import { RateLimiter } from './rate-limit.js';
import { authenticate, registerAuthRoutes } from './routes/auth.js';
import { registerChatRoutes } from './routes/chats.js';
import { registerContactRoutes } from './routes/contact.js';
import { registerImageRoutes } from './routes/images.js';
import { registerMessageUpdateRoutes } from './routes/message-updates.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerOAuthRoutes } from './routes/oauth.js';
import { registerUrgentRoutes } from './routes/urgent.js';
import { Store } from './store.js';
import { Transport } from './transport.js';
import type { LarkSim, LarkSimOptions, SimFault, SimRequestRecord } from './types.js';

const APP_ID_PATTERN = /^cli_[0-9a-fA-F]{16}$/;

/** Starts a simulator on its own HTTP server; resolves once it listens. */
export async function startLarkSim(options: LarkSimOptions): Promise<LarkSim> {
  if (!APP_ID_PATTERN.test(options.app.appId)) {
    throw new Error(`larksim: app id must be cli_ + 16 hex (the SDK's WSClient requires it), got ${options.app.appId}`);
  }
  const store = new Store(
    { ...options.app },
    options.tenantKey ?? stableHex(16, 'tenant', options.app.appId),
    options.now ?? Date.now,
  );
  store.quota.sms = options.smsQuota ?? store.quota.sms;
  store.quota.phone = options.phoneQuota ?? store.quota.phone;
  store.upsertDepartments(options.departments ?? []);
  store.upsertUsers(options.users ?? []);

  const transport = new Transport(store, options.callbackTimeoutMs ?? 3000);
  const longConnection = new LongConnectionHub({
    ...options.longConnection,
    appId: store.app.appId,
    appSecret: store.app.appSecret,
    ackTimeoutMs: options.callbackTimeoutMs ?? 3000,
    retryDelaysMs: options.eventRetryDelaysMs ?? [200, 1000],
  });
  const cards = new CardCallbacks(store, transport, longConnection);
  const events = new EventPusher(store, transport, options.eventRetryDelaysMs ?? [200, 1000], longConnection);
  const limiter = new RateLimiter(store);
  const faults = new Faults();

  const router = new Router();
  registerAuthRoutes(router, store);
  registerMessageRoutes(router, store, limiter);
  registerMessageUpdateRoutes(router, store, limiter);
  registerUrgentRoutes(router, store);
  registerImageRoutes(router, store);
  registerChatRoutes(router, store);
  registerContactRoutes(router, store);
  registerOAuthRoutes(router, store);
  registerLongConnectionRoutes(router, longConnection);
  registerControlRoutes(router, store, {
    click: (p) => cards.click(p),
    sendText: (p) => events.sendText(p),
    markRead: (messageId, openId) => markRead(store, messageId, openId),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const at = store.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://larksim');
    const isApi = url.pathname.startsWith('/open-apis/');
    let fault: SimFault | undefined;
    let reply: Reply;
    try {
      const body = await readBody(req);
      fault = isApi ? faults.take(url.pathname) : undefined;
      reply = await answer(method, url, req, body, fault);
    } catch (e) {
      reply = e instanceof ApiError ? errorReply(e) : internalError(e);
    }
    if (!res.destroyed) send(res, reply);
    if (isApi) {
      const record: SimRequestRecord = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: reply.status,
        at,
        durationMs: Math.round(performance.now() - started),
      };
      const code = replyCode(reply);
      if (code !== undefined) record.code = code;
      if (fault) record.fault = fault.kind;
      store.logRequest(record);
    }
  };

  const answer = async (
    method: string,
    url: URL,
    req: IncomingMessage,
    body: Buffer,
    fault: SimFault | undefined,
  ): Promise<Reply> => {
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 3500);
    const injected = fault && faultReply(fault);
    if (injected) return injected;
    const match = router.match(method, url.pathname);
    if (!match) {
      return url.pathname.startsWith('/open-apis/')
        ? { status: 404, body: errorBody(404, `larksim does not implement ${method} ${url.pathname}`) }
        : { status: 404, body: '页面不存在', headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    const ctx: RequestContext = {
      method,
      path: url.pathname,
      query: url.searchParams,
      params: match.params,
      headers: req.headers,
      body,
    };
    authenticate(ctx, match.route.auth, store);
    if (match.route.tier4) limiter.checkApp(`${method} ${match.route.pattern}`, method, url.pathname);
    return match.route.handler(ctx);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, internalError(e));
    });
  });
  server.on('upgrade', (req, socket, head) => longConnection.upgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const closeServer = async (): Promise<void> => {
    longConnection.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return createFacade({
    url: `http://${host}:${address.port}`,
    store,
    transport,
    cards,
    events,
    faults,
    longConnection: longConnection.facade(),
    closeServer,
  });
}

function internalError(e: unknown): Reply {
  console.error('larksim: unexpected error', e instanceof Error ? e.stack : e);
  return { status: 500, body: errorBody(500, 'larksim internal error') };
}
