import pino, { type DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { redactDeep, redactRecord } from './log-redact.js';

/**
 * Structured logs through pino: JSON lines on stderr, or pino-pretty for a person at a terminal (the caller decides:
 * config.ts reads LOG_FORMAT, this module reads no environment). Every record is deep-redacted (log-redact.ts), and
 * an Error under `err` or `error` (or anywhere else) keeps its stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'json' | 'pretty';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings`: one per process, one per request. */
  child(bindings: LogFields): Logger;
}

export interface LoggerOptions {
  /** Default 'json'. */
  format?: LogFormat;
  /** Where lines go; default stderr. Tests pass a stream to read what was written (for 'pretty', a Writable). */
  destination?: DestinationStream;
}

export function createLogger(name: string, level: LogLevel = 'info', options: LoggerOptions = {}): Logger {
  return wrap(
    pino(
      {
        name,
        level,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }), log: redactRecord },
        // formatters.log has already serialized and redacted these; the override keeps pino's default err
        // serializer from serializing the result a second time (it would call the plain copy an "Object").
        serializers: { err: redactDeep, error: redactDeep },
      },
      stream(options),
    ),
  );
}

/**
 * LOG_FORMAT 'auto' means pretty only for a person: `npm start` at a terminal. Deployed processes pass
 * interactive = false, so they write JSON lines unless told otherwise.
 */
export function logFormatFor(setting: 'auto' | LogFormat, interactive: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return interactive ? 'pretty' : 'json';
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => p.debug(f ?? {}, m),
    info: (m, f) => p.info(f ?? {}, m),
    warn: (m, f) => p.warn(f ?? {}, m),
    error: (m, f) => p.error(f ?? {}, m),
    // pino runs no formatter over child bindings, so they are redacted here.
    child: (bindings) => wrap(p.child(redactRecord(bindings))),
  };
}

function stream({ format = 'json', destination }: LoggerOptions): DestinationStream {
  if (format === 'pretty')
    return pretty({
      destination: destination ?? 2,
      sync: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss.l',
    });
  return destination ?? stderr();
}

let stderrStream: DestinationStream | undefined;

/** One synchronous stderr writer per process: lines keep their order and none is lost when the process exits. */
function stderr(): DestinationStream {
  stderrStream ??= pino.destination({ fd: 2, sync: true });
  return stderrStream;
}
