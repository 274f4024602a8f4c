import { createHash, randomBytes } from 'node:crypto';

/** Random lowercase hex of the given length. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** Deterministic lowercase hex derived from the parts (for ids that must survive simulator restarts). */
export function stableHex(length: number, ...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}

export const newMessageId = (): string => `om_${randomHex(32)}`;
export const newChatId = (): string => `oc_${randomHex(32)}`;
export const newEventId = (): string => randomHex(32);
export const newImageKey = (): string => `img_v2_${randomHex(8)}-${randomHex(4)}-${randomHex(4)}-${randomHex(12)}g`;
export const newLogId = (): string => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}${randomHex(18)}`;
export const newNonce = (): string => String(randomBytes(4).readUInt32BE(0));
