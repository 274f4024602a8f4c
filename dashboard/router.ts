/** Path patterns with `:name` segments, matched in order; no framework, just what the dashboard needs. */
export interface Match<R> {
  route: R;
  params: Record<string, string>;
}

export interface Routable {
  method: 'GET' | 'POST';
  pattern: string;
}

export function matchRoute<R extends Routable>(
  routes: readonly R[],
  method: string,
  path: string,
): Match<R> | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
    const params = matchPattern(route.pattern, parts);
    if (params) return { route, params };
  }
  return undefined;
}

function matchPattern(pattern: string, parts: string[]): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  if (want.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const p = parts[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(p);
      } catch {
        return undefined;
      }
    } else if (w !== p) return undefined;
  }
  return params;
}
