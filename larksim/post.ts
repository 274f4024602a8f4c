import { type ClientRequest, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type PostOutcome =
  | { kind: 'response'; status: number; body: string; elapsedMs: number }
  | { kind: 'timeout' | 'connection'; elapsedMs: number; message: string };

/**
 * POSTs `body` and waits for the whole answer at most `timeoutMs` (Lark's budget covers connect + response).
 * Never rejects; `inflight` lets the owner abort pending requests on shutdown.
 */
export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  inflight?: Set<ClientRequest>,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (req) inflight?.delete(req);
      resolve(outcome);
    };
    let req: ClientRequest | undefined;
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', elapsedMs: elapsed(), message: `no answer within ${timeoutMs} ms` });
      req?.destroy();
    }, timeoutMs);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ kind: 'connection', elapsedMs: elapsed(), message: `invalid URL ${url}` });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    req = send(
      target,
      {
        method: 'POST',
        headers: { 'user-agent': 'Lark-Sim/1.0', ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            elapsedMs: elapsed(),
          }),
        );
        res.on('error', (e) => finish({ kind: 'connection', elapsedMs: elapsed(), message: e.message }));
      },
    );
    inflight?.add(req);
    req.on('error', (e) => finish({ kind: 'connection', elapsedMs: elapsed(), message: e.message }));
    req.end(body);
  });
}
