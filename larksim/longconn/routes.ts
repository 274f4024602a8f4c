import type { Reply, Router } from '../http.js';
import type { LongConnectionHub } from './hub.js';

const parse = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return undefined;
  }
};

/**
 * Endpoint discovery as the SDK's WSClient calls it (outside /open-apis, no token: the body carries the app's
 * credentials), plus the web chat's controls: inspect the connections, drop them.
 */
export function registerLongConnectionRoutes(router: Router, hub: LongConnectionHub): void {
  router.add('POST', '/callback/ws/endpoint', { auth: 'none' }, (ctx): Reply => {
    const host = ctx.headers.host ?? '127.0.0.1';
    return { status: 200, body: hub.endpoint(parse(ctx.body), host) };
  });
  router.add('GET', '/sim/api/long-connection', { auth: 'none' }, (): Reply => {
    const view = hub.facade();
    return { status: 200, body: { active: view.active(), connected: view.connectedCount(), clients: view.clients() } };
  });
  router.add('POST', '/sim/api/long-connection/drop', { auth: 'none' }, (ctx): Reply => {
    const p = parse(ctx.body) as { refuseMs?: unknown } | undefined;
    const refuseMs = typeof p?.refuseMs === 'number' && p.refuseMs >= 0 ? p.refuseMs : 0;
    return { status: 200, body: { dropped: hub.drop({ refuseMs }) } };
  });
}
