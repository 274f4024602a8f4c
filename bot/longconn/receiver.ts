import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../platform/logger.js';

/** The SDK's WSClient silently refuses to start with any other app id. */
const APP_ID_PATTERN = /^cli_[0-9a-fA-F]{16}$/;

export interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  /** The Open Platform base URL (https://open.feishu.cn, or the simulator's). */
  domain: string;
  /** The webhook's handlers, keyed by event type ('card.action.trigger', 'im.message.receive_v1'). */
  handlers: Record<string, (data: never) => Promise<unknown>>;
  logger: Logger;
}

export interface LongConnection {
  /** Resolves once the first connection is up (the process keeps retrying in the background until then). */
  ready: Promise<void>;
  close(): void;
}

/**
 * Receives events and card callbacks over Lark's long connection: the SDK's WSClient (endpoint discovery, the
 * WebSocket, ping/pong, reconnects) in front of an EventDispatcher holding the same handler functions the webhook
 * dispatches to. The SDK ACKs each message with the handler's result, which for a card click is the toast and the
 * replacement card. No signature check here: the connection was authenticated with the app secret.
 */
export function startLongConnection(options: LongConnectionOptions): LongConnection {
  const { logger } = options;
  if (!APP_ID_PATTERN.test(options.appId)) {
    throw new Error(`long connection: the app id must be cli_ + 16 hex digits (the SDK refuses others)`);
  }
  const sdkLogger = toSdkLogger(logger);
  const dispatcher = new lark.EventDispatcher({ logger: sdkLogger, loggerLevel: lark.LoggerLevel.warn });
  dispatcher.register(options.handlers as never);

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let droppedAt: number | undefined;
  const client = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    logger: sdkLogger,
    loggerLevel: lark.LoggerLevel.info,
    autoReconnect: true,
    // A handshake stuck behind a proxy would otherwise hang the reconnect loop.
    handshakeTimeoutMs: 10_000,
    onReady: () => {
      logger.info('long connection ready');
      markReady();
    },
    onReconnecting: () => {
      droppedAt = Date.now();
      logger.warn('long connection lost, reconnecting');
    },
    onReconnected: () => {
      logger.info('long connection restored', droppedAt ? { downMs: Date.now() - droppedAt } : {});
      droppedAt = undefined;
    },
    onError: (err) => logger.error('long connection gave up', { error: err.message }),
  });
  void client.start({ eventDispatcher: dispatcher });
  return {
    ready,
    close: () => client.close({ force: true }),
  };
}

/**
 * The SDK logs arrays of parts. Its info lines (a banner per start, one per reconnect) go to debug; the connect URL
 * it prints at debug carries a short-lived ticket and access key, which are masked.
 */
function toSdkLogger(logger: Logger): lark.Logger {
  const text = (parts: unknown[]): string =>
    parts
      .flat()
      .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
      .join(' ')
      .replace(/(ticket|access_key)=[^&\s]+/g, '$1=***');
  return {
    error: (...parts: unknown[]) => logger.error(`lark sdk: ${text(parts)}`),
    warn: (...parts: unknown[]) => logger.warn(`lark sdk: ${text(parts)}`),
    info: (...parts: unknown[]) => logger.debug(`lark sdk: ${text(parts)}`),
    debug: (...parts: unknown[]) => logger.debug(`lark sdk: ${text(parts)}`),
    trace: () => undefined,
  };
}
