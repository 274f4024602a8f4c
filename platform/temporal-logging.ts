import { type LogLevel, type LogMetadata, SdkComponent, type Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { LogFields, Logger } from './logger.js';

let installed = false;

/**
 * Sends everything the Temporal SDK logs — its own messages, workflow `log` and activity `log` calls, and the native
 * Core's warnings (forwarded instead of printed raw) — through our logger. Runtime.install must run before the first
 * NativeConnection or Worker, and only once per process; later calls do nothing and return false.
 * No shutdown signals: our processes handle SIGINT/SIGTERM themselves and stop the worker in order.
 */
export function installTemporalLogging(logger: Logger, options: TemporalLoggingOptions = {}): boolean {
  if (installed) return false;
  Runtime.install({
    logger: temporalLogger(logger.child({ component: 'temporal' }), options),
    shutdownSignals: [],
    telemetryOptions: { logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } } },
  });
  installed = true;
  return true;
}

export interface TemporalLoggingOptions {
  /**
   * The SDK's own INFO messages (webpack's bundle report, worker state changes) at debug, for `npm start`'s
   * terminal. Workflow and activity `log.info` calls are ours and stay at info.
   */
  quiet?: boolean;
}

/** What our code logs through Temporal's context loggers, as opposed to what the SDK says about itself. */
const OURS: readonly unknown[] = [SdkComponent.workflow, SdkComponent.activity, SdkComponent.nexus];

/**
 * Temporal's Logger on top of ours. TRACE (one line per workflow activation and activity) is below our lowest
 * level and is dropped; the others map by name, but for `quiet` and the expected paced retries below.
 */
export function temporalLogger(logger: Logger, { quiet = false }: TemporalLoggingOptions = {}): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    const fields = meta as LogFields | undefined;
    if (level === 'TRACE') return;
    if (
      level === 'DEBUG' ||
      (level === 'WARN' && expectedPacedRetry(meta)) ||
      (level === 'INFO' && quiet && !OURS.includes(meta?.sdkComponent))
    )
      logger.debug(message, fields);
    else if (level === 'INFO') logger.info(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else logger.error(message, fields);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

/**
 * The paced messenger asks for a retry when Lark's rate limits are near (a burst of cards at start-up): that is the
 * plan working, not a fault, until it keeps happening — so the first attempts log at debug.
 */
function expectedPacedRetry(meta: LogMetadata | undefined): boolean {
  return (meta?.error as { type?: unknown } | undefined)?.type === 'LarkUnavailable' && Number(meta?.attempt) < 5;
}
