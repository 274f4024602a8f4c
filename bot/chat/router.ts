import type { Kysely } from 'kysely';
import { loadOrgUnits, loadViewer } from '../../db/org/viewer.js';
import type { Database, Person } from '../../db/schema.js';
import { type AccessScope, type OrgUnit, scopeLabel, scopeOf } from '../../domain/org/access.js';
import type { Logger } from '../../platform/logger.js';
import type { Card } from '../cards/elements.js';
import { LarkApiError } from '../lark/errors.js';
import { helpCard, notRegisteredCard } from './chat-cards.js';
import { type IncomingText, type MessageEventData, parseMessageEvent } from './parse.js';
import { type ChatReplier, replyUuid } from './reply.js';

/** What a command gets: who asks, what they may see, and the rest of their message after the command word. */
export interface ChatContext {
  person: Person;
  scope: AccessScope;
  /** What the scope covers, in Chinese. */
  scopeLabel: string;
  units: OrgUnit[];
  args: string;
  message: IncomingText;
  now: Date;
}

/** A text command. Features add theirs to the list given to createChatRouter. */
export interface ChatCommand {
  /** The words that call it; the first is shown in help. */
  names: string[];
  /** One line of help, in Chinese. */
  summary: string;
  run(ctx: ChatContext): Promise<Card>;
}

export interface ChatRouterDeps {
  db: Kysely<Database>;
  replier: ChatReplier;
  logger: Logger;
  clock?: () => Date;
}

type Handled = Record<string, never>;

const HELP_WORDS = ['帮助', 'help', '?', '？', '菜单'];

/**
 * The `im.message.receive_v1` handler. De-duplicates by message_id (Lark's documented key; event ids differ between
 * redeliveries) before doing anything, and replies with a uuid derived from the message id. If answering fails the
 * dedup mark is removed and the error reaches the webhook (HTTP 500), so Lark's redelivery tries again.
 */
export function createChatRouter(commands: readonly ChatCommand[], deps: ChatRouterDeps) {
  const clock = deps.clock ?? (() => new Date());
  // Always answers a value: the SDK's dispatcher returns undefined only when verification failed.
  return async function onMessage(data: MessageEventData): Promise<Handled> {
    const message = parseMessageEvent(data);
    if (!message) return {};
    if (!(await claim(deps.db, message.messageId))) {
      deps.logger.info('duplicate chat message ignored', { messageId: message.messageId });
      return {};
    }
    try {
      const card = await answer(commands, deps.db, message, clock());
      await deps.replier.replyCard(message.messageId, card, replyUuid(message.messageId));
    } catch (err) {
      if (err instanceof LarkApiError && !err.retryable) {
        deps.logger.warn('chat reply refused by Lark', { messageId: message.messageId, code: err.code });
        return {};
      }
      await deps.db.deleteFrom('inbound_callbacks').where('event_id', '=', message.messageId).execute();
      throw err;
    }
    return {};
  };
}

async function answer(
  commands: readonly ChatCommand[],
  db: Kysely<Database>,
  message: IncomingText,
  now: Date,
): Promise<Card> {
  const [viewer, units] = await Promise.all([findViewer(db, message.senderOpenId), loadOrgUnits(db)]);
  if (!viewer) return notRegisteredCard();
  const matched = match(commands, message.text);
  if (!matched) return helpCard(commands, HELP_WORDS.includes(message.text) ? undefined : message.text);
  const scope = scopeOf(viewer.facts, units);
  return matched.command.run({
    person: viewer.person,
    scope,
    scopeLabel: scopeLabel(scope, units),
    units,
    args: matched.args,
    message,
    now,
  });
}

async function findViewer(db: Kysely<Database>, openId: string) {
  const person = await db.selectFrom('people').select('id').where('open_id', '=', openId).executeTakeFirst();
  return person ? loadViewer(db, person.id) : undefined;
}

/** The command whose name the text starts with (longest name first, so 逾期事项 beats 逾期). */
export function match(
  commands: readonly ChatCommand[],
  text: string,
): { command: ChatCommand; args: string } | undefined {
  const names = commands
    .flatMap((command) => command.names.map((name) => ({ command, name })))
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  for (const { command, name } of names) {
    const n = name.toLowerCase();
    if (lower === n) return { command, args: '' };
    if (lower.startsWith(`${n} `)) return { command, args: text.slice(n.length).trim() };
  }
  return undefined;
}

/** Marks a message as handled; false when it already was (a redelivery). */
async function claim(db: Kysely<Database>, messageId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('inbound_callbacks')
    .values({ event_id: messageId, kind: 'message' })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
