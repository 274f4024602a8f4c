import { createHash, timingSafeEqual } from 'node:crypto';

export interface SignatureHeaders {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Lark's Encrypt-Key signature: sha256(utf8(timestamp + nonce + encryptKey) ‖ rawBody), hex.
 * We check the raw bytes as received ourselves (the SDK re-serializes the parsed body) and also refuse
 * stale timestamps, so a captured callback cannot be replayed later.
 */
export function checkSignature(
  headers: SignatureHeaders,
  rawBody: Uint8Array,
  encryptKey: string,
  nowMs: number,
  maxSkewSeconds = 300,
): SignatureCheck {
  const { timestamp, nonce, signature } = headers;
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'missing signature headers' };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - ts) > maxSkewSeconds) return { ok: false, reason: 'stale timestamp' };
  const expected = createHash('sha256')
    .update(timestamp + nonce + encryptKey)
    .update(rawBody)
    .digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'bad signature' };
  return { ok: true };
}
