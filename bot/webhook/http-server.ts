import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import * as lark from '@larksuiteoapi/node-sdk';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../../platform/logger.js';
import { checkSignature } from './signature.js';

export interface LarkEndpointOptions {
  /** Lark's Encrypt Key: bodies are encrypted with it and signed with it. */
  encryptKey: string;
  verificationToken: string;
  /** Our app's id: an event for another app (header.app_id) is refused. */
  appId: string;
  /** Handlers keyed by Lark event type, e.g. 'card.action.trigger', 'im.message.receive_v1'. */
  handlers: Record<string, (data: never) => Promise<unknown>>;
  logger: Logger;
  clock: () => Date;
}

/** A webhook route's handler: the request and its raw body bytes, read once (and capped) by the server. */
export type RouteHandler = (c: Context, raw: Uint8Array) => Promise<Response>;

const MAX_BODY_BYTES = 1 << 20;

type Json = Record<string, unknown>;

/**
 * One Lark endpoint (events or card callbacks). The signature is checked on the raw bytes first; then the body must
 * be a JSON object, encrypted with our key; the URL challenge (which Lark sends unsigned) is answered when its
 * verification token is ours; anything else must be signed, fresh, carry our verification token and our app id.
 * Every refusal is a 4xx before the SDK sees the body (the SDK alone would answer 200 with an empty body, and
 * checks neither token nor app id); only then does the SDK's EventDispatcher decrypt and dispatch.
 */
export function larkEndpoint(options: LarkEndpointOptions): RouteHandler {
  const { encryptKey, verificationToken, appId, logger } = options;
  const dispatcher = new lark.EventDispatcher({ encryptKey, verificationToken, loggerLevel: lark.LoggerLevel.error });
  dispatcher.register(options.handlers as never);

  return async (c, raw) => {
    const refuse = (status: 400 | 401 | 403, msg: string) => {
      logger.warn('refused webhook request', { path: c.req.path, status, reason: msg });
      return send(status, { code: status, msg });
    };
    const signature = checkSignature(
      {
        timestamp: c.req.header('x-lark-request-timestamp'),
        nonce: c.req.header('x-lark-request-nonce'),
        signature: c.req.header('x-lark-signature'),
      },
      raw,
      encryptKey,
      options.clock().getTime(),
    );
    const text = utf8(raw);
    if (text === undefined) return refuse(400, 'body is not UTF-8');
    const body = parseObject(text);
    if (!body) return refuse(400, 'body is not a JSON object');
    // With an Encrypt Key, Lark encrypts every body; a plaintext one was not sent by Lark, whatever it claims.
    if (encryptKey && typeof body.encrypt !== 'string') return refuse(400, 'body is not encrypted');
    const decrypted = typeof body.encrypt === 'string' ? decrypt(body.encrypt, encryptKey) : body;
    if (decrypted === undefined) return refuse(401, 'cannot decrypt body');
    const plain = typeof decrypted === 'string' ? parseObject(decrypted) : decrypted;
    if (!plain) return refuse(400, 'encrypted body is not a JSON object');
    if (plain.type === 'url_verification') {
      if (plain.token !== verificationToken) return refuse(401, 'verification token mismatch');
      return send(200, { challenge: plain.challenge });
    }
    if (!signature.ok) return refuse(401, signature.reason);
    const header = isObject(plain.header) ? plain.header : undefined;
    if (!header) return refuse(400, 'not a schema 2.0 envelope');
    if (header.token !== verificationToken) return refuse(401, 'verification token mismatch');
    if (header.app_id !== appId) return refuse(403, 'event is for another app');
    const result = await dispatcher.invoke(Object.assign(Object.create({ headers: headersOf(c) }), body));
    if (result === undefined) return refuse(401, 'verification failed');
    return send(200, typeof result === 'string' ? {} : result);
  };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or undefined when its bytes are not UTF-8 (Lark sends JSON in UTF-8, nothing else). */
function utf8(raw: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(raw);
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The plaintext, or undefined when it was not encrypted with our key. */
function decrypt(encrypted: string, encryptKey: string): string | undefined {
  try {
    return new lark.AESCipher(encryptKey).decrypt(encrypted);
  } catch {
    return undefined;
  }
}

/** The SDK reads the X-Lark headers from a node-style lowercase record. */
function headersOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export function send(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle: RouteHandler;
}

/** The webhook server on Hono: exact-path routes, each body read once under a 1 MiB cap; everything else is 404. */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  const app = new Hono();
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => send(413, { code: 413, msg: 'body too large' }) });
  for (const route of routes) {
    app.on(route.method, route.path, limit, async (c) => route.handle(c, new Uint8Array(await c.req.arrayBuffer())));
  }
  app.notFound(() => send(404, { code: 404, msg: 'not found' }));
  app.onError((err, c) => {
    logger.error('request failed', { path: c.req.path, err });
    return send(500, { code: 500, msg: 'internal error' });
  });
  return createAdaptorServer({ fetch: app.fetch }) as Server;
}
