/** Card JSON checks Lark applies when a card is sent, patched or returned from a callback. */

export const CARD_MAX_BYTES = 30 * 1024;
export const CARD_MAX_ELEMENTS = 200;

const V2_TOP_KEYS = new Set(['schema', 'config', 'card_link', 'header', 'body']);
const V2_BODY_KEYS = new Set([
  'direction',
  'padding',
  'horizontal_spacing',
  'horizontal_align',
  'vertical_spacing',
  'vertical_align',
  'elements',
]);
/** 1.0 modules that JSON 2.0 dropped. */
const V2_REMOVED_TAGS = new Set(['action', 'note']);
/** Where child components live: `columns` only in column_set, `actions` only in the 1.0 action module. */
const childKey = (tag: string): string =>
  tag === 'column_set' ? 'columns' : tag === 'action' ? 'actions' : 'elements';

export type Card = Record<string, unknown>;
export type CardCheck = { ok: true; card: Card; v2: boolean } | { ok: false; code: number; msg: string };

const fail = (code: number, ext: number, detail: string): CardCheck => ({
  ok: false,
  code,
  msg: `Failed to create card content, ext=ErrCode: ${ext}; ErrMsg: ${detail}`,
});

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses and checks an `interactive` content string (raw card JSON; templates and card entities are not hosted). */
export function checkCardContent(content: string, userExists: (openId: string) => boolean): CardCheck {
  if (Buffer.byteLength(content, 'utf8') > CARD_MAX_BYTES) {
    return { ok: false, code: 230025, msg: 'The message content is too long (cards are limited to 30 KB).' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return fail(230099, 200621, 'parse card json err, please check whether the card json is correct');
  }
  return checkCard(parsed, userExists);
}

export function checkCard(parsed: unknown, userExists: (openId: string) => boolean): CardCheck {
  if (!isObject(parsed)) return fail(230099, 200621, 'card json must be an object');
  if (parsed.type === 'template' || parsed.type === 'card') {
    return fail(230099, 200380, `card ${String(parsed.type)} is not hosted by the simulator; send raw card JSON`);
  }
  const v2 = parsed.schema === '2.0';
  if (parsed.schema !== undefined && !v2) return fail(230099, 200621, `unknown card schema ${String(parsed.schema)}`);
  if (v2) {
    const problem = checkV2Shape(parsed);
    if (problem) return fail(230099, 200621, problem);
  } else if (parsed.elements !== undefined && !Array.isArray(parsed.elements)) {
    return fail(230099, 200621, 'elements must be an array');
  }
  const elements = v2 ? (isObject(parsed.body) ? parsed.body.elements : undefined) : parsed.elements;
  const walk = walkElements(Array.isArray(elements) ? elements : [], v2);
  if (walk.problem) return fail(230099, 200621, walk.problem);
  if (v2 && walk.count > CARD_MAX_ELEMENTS) {
    return fail(230099, 11310, `element exceeds the limit: ${walk.count} > ${CARD_MAX_ELEMENTS}`);
  }
  const unknown = mentionedIds(JSON.stringify(parsed)).find((id) => !userExists(id));
  if (unknown) return fail(230099, 100290, `invalid user id in <at>: ${unknown}`);
  return { ok: true, card: parsed, v2 };
}

function checkV2Shape(card: Card): string | undefined {
  for (const key of Object.keys(card)) {
    if (!V2_TOP_KEYS.has(key)) return `unknown property "${key}" at card root (schema 2.0)`;
  }
  if (card.body !== undefined) {
    if (!isObject(card.body)) return 'body must be an object';
    for (const key of Object.keys(card.body)) {
      if (!V2_BODY_KEYS.has(key)) return `unknown property "${key}" in body (schema 2.0)`;
    }
    if (card.body.elements !== undefined && !Array.isArray(card.body.elements)) return 'body.elements must be an array';
  }
  if (isObject(card.config) && card.config.update_multi === false) {
    return 'config.update_multi only supports true in schema 2.0';
  }
  return undefined;
}

/** Counts components recursively and checks tags and element_id rules. */
function walkElements(elements: unknown[], v2: boolean): { count: number; problem?: string } {
  let count = 0;
  const ids = new Set<string>();
  const stack = [...elements];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!isObject(el) || typeof el.tag !== 'string') return { count, problem: 'every element needs a string tag' };
    count += 1;
    if (v2 && V2_REMOVED_TAGS.has(el.tag)) {
      return { count, problem: `tag "${el.tag}" is not supported in schema 2.0` };
    }
    if (el.element_id !== undefined) {
      const id = el.element_id;
      if (typeof id !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]{0,19}$/.test(id)) {
        return { count, problem: `invalid element_id ${JSON.stringify(id)}` };
      }
      if (ids.has(id)) return { count, problem: `duplicate element_id ${id}` };
      ids.add(id);
    }
    const children = el[childKey(el.tag)];
    if (Array.isArray(children)) stack.push(...children);
  }
  return { count };
}

/** open_ids named in card markdown `<at id=…>` / `<at ids=a,b>` tags. */
function mentionedIds(json: string): string[] {
  const ids: string[] = [];
  for (const m of json.matchAll(/<at ids?=\\?['"]?([^>'"\\\s]+)/g)) {
    for (const id of (m[1] ?? '').split(',')) if (id.startsWith('ou_')) ids.push(id);
  }
  return ids;
}

/** `config.update_multi`: JSON 2.0 cards are always shared; 1.0 cards default to false. */
export function isUpdateMulti(card: Card, v2: boolean): boolean {
  if (v2) return true;
  return isObject(card.config) && card.config.update_multi === true;
}

/** Tag of every named form component (name → tag), to format callback values as Lark does. */
export function namedComponentTags(card: unknown): Map<string, string> {
  const tags = new Map<string, string>();
  const stack: unknown[] = [card];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.tag === 'string' && typeof node.name === 'string') tags.set(node.name, node.tag);
      for (const value of Object.values(node)) if (typeof value === 'object') stack.push(value);
    }
  }
  return tags;
}
