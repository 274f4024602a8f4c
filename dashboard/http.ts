import type { Context } from 'hono';
import type { Html } from './html.js';

/** An answer other than 200 that a handler wants to give (403 forbidden, 404 not found, 400 bad request). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** Extra response headers; `set-cookie` may repeat, so it is a list. */
export interface ExtraHeaders {
  cookies?: readonly string[];
  headers?: Record<string, string>;
}

function withExtras(base: Record<string, string>, extra: ExtraHeaders = {}): Headers {
  const headers = new Headers({ ...base, ...extra.headers });
  for (const c of extra.cookies ?? []) headers.append('set-cookie', c);
  return headers;
}

export function htmlResponse(status: number, page: Html, extra?: ExtraHeaders): Response {
  return new Response(page.value, {
    status,
    headers: withExtras({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, extra),
  });
}

export function jsonResponse(status: number, body: unknown, extra?: ExtraHeaders): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: withExtras({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, extra),
  });
}

export function redirectResponse(location: string, cookies: readonly string[] = []): Response {
  return new Response(null, {
    status: 302,
    headers: withExtras({ location, 'cache-control': 'no-store' }, { cookies }),
  });
}

/** A file body (Node Buffers are backed by a plain ArrayBuffer, never a shared one, hence the cast). */
export function fileResponse(body: Uint8Array, headers: Record<string, string>): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...headers, 'content-length': String(body.length) },
  });
}

export function parseCookies(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A cookie we did not write; ignore it.
    }
  }
  return out;
}

export function cookie(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean; path?: string },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** The header every dashboard POST carries (public/app.js sets it on each fetch). */
export const FORM_HEADER = 'x-duban-form';

/**
 * True when the request carries the page script's custom header: a cross-site form cannot set one (and the
 * dashboard answers no CORS preflight), so with the SameSite cookie this is the CSRF guard.
 */
export function fromPageScript(c: Context, header = FORM_HEADER): boolean {
  return c.req.header(header) === '1';
}

/**
 * An urlencoded form a dashboard page's script sent with its custom header. `from` names the page, for the
 * refusal. The size is capped before this runs, by the route's body limit.
 */
export async function readPageForm(c: Context, from: string): Promise<URLSearchParams> {
  if (!fromPageScript(c)) throw new HttpError(400, `请通过${from}页面提交`);
  return new URLSearchParams(await c.req.text());
}
