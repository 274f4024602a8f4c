import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { MessageEventData } from '../bot/chat/parse.js';
import { createItemCardRoute } from '../bot/items/card-route.js';
import { type CardRoute, createCardRouter } from '../bot/webhook/card-router.js';
import { createHttpServer, larkEndpoint, send } from '../bot/webhook/http-server.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';

export interface BotServerDeps {
  db: Kysely<Database>;
  temporal: Client;
  /** Lark's app credentials: the webhook checks bodies are encrypted and signed, with our token and our app id. */
  lark: { appId: string; encryptKey: string; verificationToken: string };
  logger: Logger;
  clock?: () => Date;
  /** Card routes of other features, by the `kind` their buttons carry. */
  cardRoutes?: Record<string, CardRoute>;
  /** The chat command router (bot/chat), for `im.message.receive_v1`. */
  onMessage?: (data: MessageEventData) => Promise<unknown>;
}

export const CARD_CALLBACK_PATH = '/lark/card';
export const EVENT_CALLBACK_PATH = '/lark/event';

/** The bot's HTTP face (Hono on node:http): Lark card callbacks, Lark events, and a health check. */
export function createBotServer(deps: BotServerDeps): Server {
  const clock = deps.clock ?? (() => new Date());
  const { appId, encryptKey, verificationToken } = deps.lark;
  const common = { appId, encryptKey, verificationToken, logger: deps.logger, clock };
  const onCardAction = createCardRouter(deps, {
    item: createItemCardRoute({ db: deps.db, temporal: deps.temporal, logger: deps.logger, clock }),
    ...deps.cardRoutes,
  });
  return createHttpServer(
    [
      {
        method: 'POST',
        path: CARD_CALLBACK_PATH,
        handle: larkEndpoint({ ...common, handlers: { 'card.action.trigger': onCardAction } }),
      },
      {
        method: 'POST',
        path: EVENT_CALLBACK_PATH,
        handle: larkEndpoint({
          ...common,
          handlers: deps.onMessage ? { 'im.message.receive_v1': deps.onMessage } : {},
        }),
      },
      { method: 'GET', path: '/healthz', handle: async () => send(200, { ok: true }) },
    ],
    deps.logger,
  );
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
