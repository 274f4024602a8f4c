import { types } from 'node:util';
import { stdSerializers } from 'pino';

/**
 * Deep redaction for log records. pino's `redact` paths cannot say "this key at any depth", and secrets arrive
 * nested: a Lark SDK error carries its request config and headers, a payload carries an app_secret.
 */
export const SECRET_KEY = /secret|token|password|encrypt_?key|authorization|cookie|app_secret/i;
export const REDACTED = '[redacted]';

/** Deeper than any record we write on purpose; beyond it lie sockets and request objects, not facts. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` that is safe to print: every key matching SECRET_KEY, at any depth, holds REDACTED; Errors
 * (wherever they sit) become pino's stdSerializers.err shape, stack included, and are redacted in turn.
 * Only plain objects, arrays, Errors and toJSON values are walked: other class instances (sockets, requests,
 * buffers) print as their class name, so nothing unexamined reaches the output.
 */
export function redactDeep(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

export function redactRecord(record: Record<string, unknown>): Record<string, unknown> {
  return walk(record, 0, new WeakSet()) as Record<string, unknown>;
}

function walk(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, ancestors));
    if (isError(value)) return walkEntries(serializeError(value), depth, ancestors);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walk(toJSON.call(value), depth, ancestors);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `[${proto?.constructor?.name ?? 'Object'}]`;
    return walkEntries(value as Record<string, unknown>, depth, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function walkEntries(o: Record<string, unknown>, depth: number, ancestors: WeakSet<object>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = SECRET_KEY.test(k) ? REDACTED : walk(v, depth + 1, ancestors);
  return out;
}

/** isNativeError also recognises Errors made in another realm (the workflow sandbox). */
function isError(v: object): v is Error {
  return v instanceof Error || types.isNativeError(v);
}

/**
 * pino's stdSerializers.err gives type, message and stack (causes appended); the error's other own fields are
 * copied as they are so that the walk redacts them and serializes nested Errors the same way.
 */
function serializeError(err: Error): Record<string, unknown> {
  const std = stdSerializers.err(err);
  const out: Record<string, unknown> = { type: std.type, message: std.message, stack: std.stack };
  const fields = err as unknown as Record<string, unknown>;
  for (const key in fields) {
    const v = fields[key];
    // Causes are already in message and stack.
    if (key === 'cause' && v !== null && typeof v === 'object' && isError(v)) continue;
    if (!(key in out)) out[key] = v;
  }
  // AggregateError keeps its errors in a non-enumerable field.
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors) && !('errors' in out)) out.aggregateErrors = errors;
  // stdSerializers.err puts the class name in `type`, over a Temporal failure's own type (e.g. LarkUnavailable).
  const own = fields.type;
  if (typeof own === 'string' && own !== out.type) out.failureType = own;
  return out;
}
