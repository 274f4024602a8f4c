import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { newNonce, stableHex } from './ids.js';

/** Lark's event/callback encryption: base64(iv ‖ AES-256-CBC(key = sha256(encryptKey), PKCS7(plaintext))). */
export function encrypt(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey, 'utf8').digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function decrypt(encryptKey: string, encrypted: string): string {
  const key = createHash('sha256').update(encryptKey, 'utf8').digest();
  const buf = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, buf.subarray(0, 16));
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
}

/** X-Lark-Signature = sha256hex(timestamp + nonce + encryptKey + body), body being the exact bytes sent. */
export function sign(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256')
    .update(timestamp + nonce + encryptKey + body, 'utf8')
    .digest('hex');
}

/** Headers Lark sends with every event and callback (a type alias so it also fits Record<string, string>). */
export type SignedHeaders = {
  'content-type': string;
  'x-lark-request-timestamp': string;
  'x-lark-request-nonce': string;
  'x-lark-signature': string;
};

/**
 * Encrypts and signs an envelope the way Lark POSTs it: compact JSON `{"encrypt":"…"}` plus the three X-Lark headers.
 * The SDK re-serializes the parsed body before checking the signature, so the body must be compact JSON.stringify
 * output and the signature must cover exactly that string.
 */
export function sealEnvelope(
  encryptKey: string,
  envelope: object,
  nowMs: number = Date.now(),
): { body: string; headers: SignedHeaders } {
  const body = JSON.stringify({ encrypt: encrypt(encryptKey, JSON.stringify(envelope)) });
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = newNonce();
  return {
    body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': sign(timestamp, nonce, encryptKey, body),
    },
  };
}

/**
 * tenant_access_token derived from app id and secret, so a token the SDK cached (process-global, ~2 h) stays valid
 * across simulator restarts.
 */
export function deriveTenantToken(appId: string, appSecret: string): string {
  return `t-${stableHex(40, 'tenant_access_token', appId, appSecret)}`;
}
