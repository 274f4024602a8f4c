import type { SignedHeaders } from './crypto.js';
import type { SimLongConnection, SimLongConnectionOptions } from './longconn/types.js';

/** Public types of the Lark Open Platform simulator. The lead's code is written against these names. */

export interface LarkSimApp {
  /** `cli_` + 16 hex (the SDK's WSClient refuses anything else). */
  appId: string;
  appSecret: string;
  encryptKey: string;
  verificationToken: string;
  cardCallbackUrl?: string;
  eventCallbackUrl?: string;
  /** The bot's display name in chats and in the web chat; default 督办助手. */
  name?: string;
}

export interface LarkSimUser {
  /** `ou_…` */
  openId: string;
  /** `on_…`; derived from openId when absent. */
  unionId?: string;
  /** Tenant-scoped id; derived from openId when absent. */
  userId?: string;
  name: string;
  mobile?: string;
  email?: string;
  /** open_department_id values (`od-…`). */
  departmentIds?: string[];
  leaderOpenId?: string;
  jobTitle?: string;
}

export interface LarkSimDepartment {
  /** `od-…` */
  openDepartmentId: string;
  /** Custom department id; defaults to openDepartmentId. */
  departmentId?: string;
  name: string;
  /** `'0'` for children of the root. */
  parentOpenDepartmentId: string;
  leaderOpenId?: string;
  /** The department's group chat `oc_…`; the simulator creates it with the direct members and the bot. */
  chatId?: string;
}

export interface LarkSimOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  app: LarkSimApp;
  users?: LarkSimUser[];
  departments?: LarkSimDepartment[];
  tenantKey?: string;
  /** Card-callback and event response budget; default 3000 ms, Lark's. */
  callbackTimeoutMs?: number;
  /** Remaining urgent-SMS quota; default 10000. */
  smsQuota?: number;
  /** Remaining urgent-phone quota; default 10000. */
  phoneQuota?: number;
  /** Delays between event redeliveries; default [200, 1000]. Real Lark: 15 s, 5 min, 1 h, 6 h. */
  eventRetryDelaysMs?: number[];
  /**
   * Clock in epoch ms used for every time rule (uuid windows, 14-day patch limit, rate-limit windows, OAuth code
   * expiry). Default Date.now. Tests pass a movable clock to cross day-sized windows instantly.
   */
  now?: () => number;
  /** The long connection's ClientConfig (small by default, so tests reconnect fast) and frame size. */
  longConnection?: SimLongConnectionOptions;
}

/** One request to `/open-apis/...` as the simulator answered it. */
export interface SimRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** HTTP status sent. */
  status: number;
  /** Lark `code` in the response body, when the body had one. */
  code?: number;
  /** Epoch ms (simulator clock) when the request arrived. */
  at: number;
  /** Wall-clock handling time, including injected slowness. */
  durationMs: number;
  /** Set when the answer came from injectFault. */
  fault?: 'http429' | 'http500' | 'slow';
}

export type SimDeliveryKind =
  | 'send'
  | 'reply'
  | 'patch'
  | 'delete'
  | 'urgent_app'
  | 'urgent_sms'
  | 'urgent_phone'
  | 'image_upload'
  | 'card_update'
  | 'callback_card';

/** A message-side effect the bot attempted through the API (or a card replaced by a callback answer). */
export interface SimDelivery {
  kind: SimDeliveryKind;
  /** Epoch ms (simulator clock). */
  at: number;
  /** 0 on success, else the Lark error code returned. */
  code: number;
  messageId?: string;
  chatId?: string;
  /** Recipients: the p2p user for sends, the buzzed users for urgent calls. */
  openIds?: string[];
  /** For urgent calls: ids returned in invalid_user_id_list. */
  invalidIds?: string[];
  imageKey?: string;
  /** Human-readable reason when code != 0. */
  detail?: string;
}

/** A request over a rate limit and how the simulator answered it: always 429/99991400 or 400/230020. */
export interface SimRateViolation {
  at: number;
  method: string;
  path: string;
  /** app-qps / app-qpm: gateway tier-4 limits; recipient / chat: 5 QPS send limits; message-patch: 5 QPS per card. */
  scope: 'app-qps' | 'app-qpm' | 'recipient' | 'chat' | 'message-patch';
  /** The bucket key (route, open_id, chat_id or message_id). */
  key: string;
  limit: number;
  httpStatus: 429 | 400;
  code: 99991400 | 230020;
  /** Value of x-ogw-ratelimit-reset for 429 answers. */
  resetSeconds?: number;
}

export interface SimMessage {
  messageId: string;
  chatId: string;
  /** For messages the bot sent into a user's p2p chat: that user. */
  receiverOpenId?: string;
  /** Who sent it: the app (bot) or a user acting through the simulator. */
  sender: { type: 'app' | 'user'; id: string };
  msgType: string;
  /** The content string as sent (after a patch or callback: the latest card). */
  content: string;
  /** Parsed card JSON when interactive. */
  card?: unknown;
  /** `@_user_N` placeholders of a text message and whom they stand for. */
  mentions?: { key: string; openId: string; name: string }[];
  uuid?: string;
  parentId?: string;
  rootId?: string;
  createTime: number;
  updateTime: number;
  updatedCount: number;
  deleted: boolean;
  /** Open ids of readers, in reading order. */
  readBy: string[];
  urgent: { kind: 'app' | 'sms' | 'phone'; openIds: string[]; at: number }[];
  lastToast?: unknown;
}

export type SimCallbackErrorCode = 200340 | 200341 | 200342 | 200671 | 200672 | 200673 | 200830;

export interface SimClickResult {
  /** HTTP status of the bot's answer; 0 when there was none (timeout, connection refused, no URL). */
  httpStatus: number;
  eventId: string;
  toast?: { type: string; content: string };
  cardReplaced: boolean;
  /**
   * Lark's client-side error: 200340 no callback URL, 200341 timeout, 200342 connection failed, 200671 non-200,
   * 200672 bad body, 200673 bad card, 200830 a 2.0 card replaced by a non-2.0 one.
   */
  errorCode?: SimCallbackErrorCode;
  rawBody: string;
  elapsedMs: number;
}

/** One attempt to push an event to eventCallbackUrl. */
export interface SimEventAttempt {
  /** Epoch ms (wall clock). */
  at: number;
  /** HTTP status, 0 when there was none. */
  status: number;
  error?: 'timeout' | 'connection' | 'no-url';
  elapsedMs: number;
  /** True for the on-purpose duplicate requested by duplicateNextEvent(). */
  duplicate: boolean;
}

/** The push of one event (all its attempts, same event_id and bytes). */
export interface SimEventDelivery {
  eventId: string;
  eventType: string;
  /** True once an attempt got HTTP 200 in time. */
  delivered: boolean;
  attempts: SimEventAttempt[];
}

export interface SimEventResult extends SimEventDelivery {
  /** The stored user message (`om_…`). */
  messageId: string;
  chatId: string;
  /** False when the event was not pushed at all (a group message without @bot is not subscribed). */
  pushed: boolean;
}

export interface SimUrlVerification {
  ok: boolean;
  status: number;
  body: string;
  elapsedMs: number;
}

export interface SimClickParams {
  messageId: string;
  operatorOpenId: string;
  value: Record<string, unknown>;
  /** Form values by component name; date pickers may be given as `YYYY-MM-DD` and are sent as `YYYY-MM-DD +0800`. */
  formValue?: Record<string, unknown>;
  name?: string;
  /** Component tag; default button. */
  tag?: string;
  /** Standalone components (outside a form): input → inputValue, select/date → option, multi-select → options. */
  inputValue?: string;
  option?: string;
  options?: string[];
  checked?: boolean;
}

export interface SimSendTextParams {
  fromOpenId: string;
  /** Default: the user's p2p chat with the bot. */
  chatId?: string;
  text: string;
  mentionBot?: boolean;
}

export interface SimFault {
  path: RegExp;
  kind: 'http429' | 'http500' | 'slow';
  times: number;
  /** For slow: delay before the normal answer; default 3500. */
  delayMs?: number;
  /** For http429: x-ogw-ratelimit-reset; default 1. */
  resetSeconds?: number;
}

export interface LarkSim {
  /** e.g. http://127.0.0.1:4010; pass as the SDK's domain. */
  url: string;
  close(): Promise<void>;
  setCallbackUrls(urls: { card?: string; event?: string }): void;
  upsertUsers(users: LarkSimUser[]): void;
  upsertDepartments(d: LarkSimDepartment[]): void;
  messages(filter?: { receiverOpenId?: string; chatId?: string; includeDeleted?: boolean }): SimMessage[];
  message(messageId: string): SimMessage | undefined;
  requests(filter?: { path?: string | RegExp }): SimRequestRecord[];
  deliveries(): SimDelivery[];
  rateLimitViolations(): SimRateViolation[];
  eventDeliveries(): SimEventDelivery[];
  click(p: SimClickParams): Promise<SimClickResult>;
  sendText(p: SimSendTextParams): Promise<SimEventResult>;
  markRead(messageId: string, openId: string): void;
  /** Encrypted and signed exactly as Lark POSTs it (compact JSON `{"encrypt":…}` and the X-Lark headers). */
  buildCallback(envelope: object): { body: string; headers: SignedHeaders };
  postRaw(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  redeliverLastCallback(): Promise<SimClickResult>;
  duplicateNextEvent(): void;
  verifyUrl(url: string): Promise<SimUrlVerification>;
  injectFault(f: SimFault): void;
  setQuota(kind: 'sms' | 'phone', remaining: number): void;
  /** The p2p chat id between a user and the bot. */
  p2pChatId(openId: string): string;
  /** The SDK's long connection (WSClient): connections, pushes, and a control to drop them. */
  longConnection: SimLongConnection;
}
