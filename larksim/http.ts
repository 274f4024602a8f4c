import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { newLogId } from './ids.js';

/** A Lark business error: HTTP 400 (unless stated) with `{code, msg, error:{log_id, troubleshooter}}`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Reply {
  status: number;
  /** Objects are sent as JSON; strings and buffers as they are. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Map<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The app (tenant token) or user (user token) the request was authorised as; set by the auth step. */
  auth?: { kind: 'tenant'; appId: string } | { kind: 'user'; openId: string };
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** How a route is guarded: tenant token, user token, or nothing (token endpoints, pages). */
export type AuthKind = 'tenant' | 'user' | 'none';

export interface Route {
  method: string;
  pattern: string;
  auth: AuthKind;
  /** Counted against the app-level tier-4 limits (50/s and 1000/min per API). */
  tier4: boolean;
  handler: Handler;
  regex: RegExp;
  keys: string[];
}

export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, opts: { auth: AuthKind; tier4?: boolean }, handler: Handler): void {
    const keys: string[] = [];
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.#routes.push({
      method,
      pattern,
      auth: opts.auth,
      tier4: opts.tier4 ?? false,
      handler,
      regex: new RegExp(`^${source}$`),
      keys,
    });
  }

  match(method: string, path: string): { route: Route; params: Map<string, string> } | undefined {
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params = new Map<string, string>();
      route.keys.forEach((key, i) => {
        params.set(key, decodeURIComponent(m[i + 1] ?? ''));
      });
      return { route, params };
    }
    return undefined;
  }
}

export const ok = (data: unknown = {}, msg = 'success'): Reply => ({ status: 200, body: { code: 0, msg, data } });

export function errorBody(code: number, msg: string): Record<string, unknown> {
  const logId = newLogId();
  return {
    code,
    msg,
    error: {
      log_id: logId,
      troubleshooter: `排查建议查看(Troubleshooting suggestions): https://open.feishu.cn/search?from=openapi&log_id=${logId}&code=${code}`,
    },
  };
}

export function errorReply(e: ApiError): Reply {
  return { status: e.status, body: errorBody(e.code, e.message), headers: e.headers };
}

/** JSON body as an object; empty bodies (the SDK sends `{}` or nothing on GET/DELETE) read as `{}`. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(99992402, 'field validation failed: request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(99992402, 'field validation failed: request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function readBody(req: IncomingMessage, limitBytes = 25 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new ApiError(99992402, 'request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer;
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
    payload = reply.body;
  } else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** The `code` field of a JSON reply body, for the request log. */
export function replyCode(reply: Reply): number | undefined {
  const body = reply.body as { code?: unknown } | null;
  return body !== null && typeof body === 'object' && typeof body.code === 'number' ? body.code : undefined;
}

export function queryString(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name);
  return v === null || v === '' ? undefined : v;
}

/** page_size within [1, max] (default `def`) and a numeric offset page token. */
export function paging(q: URLSearchParams, def: number, max: number): { size: number; offset: number } {
  const raw = queryString(q, 'page_size');
  const size = raw === undefined ? def : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new ApiError(99992402, `field validation failed: page_size must be between 1 and ${max}`);
  }
  const token = queryString(q, 'page_token');
  let offset = 0;
  if (token !== undefined) {
    const decoded = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0) throw new ApiError(99992402, 'field validation failed: page_token');
    offset = decoded;
  }
  return { size, offset };
}

/** One page of items with Lark's has_more / page_token fields. */
export function page<T>(
  items: T[],
  p: { size: number; offset: number },
): { items: T[]; has_more: boolean; page_token?: string } {
  const slice = items.slice(p.offset, p.offset + p.size);
  const next = p.offset + p.size;
  const hasMore = next < items.length;
  return hasMore
    ? { items: slice, has_more: true, page_token: Buffer.from(String(next)).toString('base64url') }
    : { items: slice, has_more: false };
}
