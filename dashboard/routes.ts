import type { Context } from 'hono';
import type { Html } from './html.js';
import type { PageEnv } from './page-env.js';

/** A body limit for a route, with the refusal the viewer reads when it is exceeded (413). */
export interface BodyLimit {
  maxBytes: number;
  tooLarge: string;
}

/** Forms are a few fields; anything larger is not one of ours. */
export const FORM_BODY_LIMIT: BodyLimit = { maxBytes: 16 * 1024, tooLarge: '内容过长' };

interface RouteBase {
  method: 'GET' | 'POST';
  /** Hono path pattern, `:name` for a parameter (read from `env.params`). */
  path: string;
  /** Defaults to FORM_BODY_LIMIT. */
  body?: BodyLimit;
}

/**
 * One logged-in dashboard route that a feature contributes. `page` draws a whole HTML page (200); `handle`
 * answers itself (JSON, a file). Either may throw HttpError for a refusal. Login, logout, the OAuth callback,
 * static files and /healthz are the server's own and never appear here.
 */
export type DashboardRoute =
  | (RouteBase & { page: (env: PageEnv) => Promise<Html> })
  | (RouteBase & { handle: (env: PageEnv, c: Context) => Promise<Response> });

export function pageRoute(method: 'GET' | 'POST', path: string, page: (env: PageEnv) => Promise<Html>): DashboardRoute {
  return { method, path, page };
}

export function rawRoute(
  method: 'GET' | 'POST',
  path: string,
  handle: (env: PageEnv, c: Context) => Promise<Response>,
  body?: BodyLimit,
): DashboardRoute {
  return { method, path, handle, ...(body ? { body } : {}) };
}
