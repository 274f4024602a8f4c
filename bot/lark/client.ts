import * as lark from '@larksuiteoapi/node-sdk';

export interface LarkClientOptions {
  appId: string;
  appSecret: string;
  /** Lark's domain, or the simulator's URL. */
  domain: string;
}

/**
 * The official SDK client. Each client gets its own token cache: the SDK's default cache is
 * process-global and keyed by app id only, so two clients (or a restarted simulator) would
 * otherwise share tokens issued by a different server.
 */
export function createLarkClient(options: LarkClientOptions): lark.Client {
  return new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    cache: new lark.DefaultCache(),
    // Failures are classified and logged by our callers; the SDK would print raw axios dumps.
    // (A silent logger, because `loggerLevel: fatal` is 0 and the SDK turns it back into info.)
    logger: SILENT,
  });
}

const drop = () => {};
const SILENT = { error: drop, warn: drop, info: drop, debug: drop, trace: drop };
