import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../platform/logger.js';
import { checkSignature } from './signature.js';

export interface LarkEndpointOptions {
  encryptKey: string;
  verificationToken: string;
  /** Handlers keyed by Lark event type, e.g. 'card.action.trigger', 'im.message.receive_v1'. */
  handlers: Record<string, (data: never) => Promise<unknown>>;
  logger: Logger;
  clock: () => Date;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;

const MAX_BODY_BYTES = 1 << 20;

/**
 * One Lark endpoint (events or card callbacks): answers the URL challenge, refuses anything
 * unsigned, forged, tampered or stale with HTTP 401 before the SDK sees it (the SDK alone
 * would answer 200 with an empty body), then lets the SDK's EventDispatcher decrypt and
 * dispatch to our handlers.
 */
export function larkEndpoint(options: LarkEndpointOptions): RouteHandler {
  const { encryptKey, verificationToken, logger } = options;
  const dispatcher = new lark.EventDispatcher({ encryptKey, verificationToken, loggerLevel: lark.LoggerLevel.error });
  dispatcher.register(options.handlers as never);

  return async (req, res, raw) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return send(res, 400, { code: 400, msg: 'body is not JSON' });
    }
    const plain = tryDecrypt(body, encryptKey);
    if (!plain) return send(res, 401, { code: 401, msg: 'cannot decrypt body' });
    // Lark sends the URL challenge unsigned; the verification token inside is what proves it.
    if (plain.type === 'url_verification') {
      if (plain.token !== verificationToken) return send(res, 401, { code: 401, msg: 'verification token mismatch' });
      return send(res, 200, { challenge: plain.challenge });
    }
    const check = checkSignature(
      {
        timestamp: header(req, 'x-lark-request-timestamp'),
        nonce: header(req, 'x-lark-request-nonce'),
        signature: header(req, 'x-lark-signature'),
      },
      raw,
      encryptKey,
      options.clock().getTime(),
    );
    if (!check.ok) {
      logger.warn('refused unsigned or forged callback', { path: req.url, reason: check.reason });
      return send(res, 401, { code: 401, msg: check.reason });
    }
    const result = await dispatcher.invoke(Object.assign(Object.create({ headers: req.headers }), body));
    if (result === undefined) return send(res, 401, { code: 401, msg: 'verification failed' });
    return send(res, 200, typeof result === 'string' ? {} : result);
  };
}

function tryDecrypt(body: Record<string, unknown>, encryptKey: string): Record<string, unknown> | undefined {
  if (typeof body.encrypt !== 'string') return body;
  try {
    return JSON.parse(new lark.AESCipher(encryptKey).decrypt(body.encrypt)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface Route {
  method: string;
  path: string;
  handle: RouteHandler;
}

/** A plain node:http server over exact-match routes; everything else is 404. */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.method === req.method && r.path === path);
    if (!route) return send(res, 404, { code: 404, msg: 'not found' });
    readBody(req)
      .then((body) =>
        body === undefined ? send(res, 413, { code: 413, msg: 'body too large' }) : route.handle(req, res, body),
      )
      .catch((err: unknown) => {
        logger.error('request failed', { path, error: String(err) });
        if (!res.headersSent) send(res, 500, { code: 500, msg: 'internal error' });
      });
  });
}
