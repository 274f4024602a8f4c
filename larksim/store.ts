import { newChatId, newMessageId, stableHex } from './ids.js';
import type {
  LarkSimApp,
  LarkSimDepartment,
  LarkSimUser,
  SimDelivery,
  SimEventDelivery,
  SimMessage,
  SimRateViolation,
  SimRequestRecord,
} from './types.js';

export type UserIdType = 'open_id' | 'union_id' | 'user_id' | 'email';

export interface SimUser extends LarkSimUser {
  unionId: string;
  userId: string;
}

export interface StoredChat {
  chatId: string;
  type: 'p2p' | 'group';
  name: string;
  description: string;
  ownerOpenId?: string;
  /** Open ids of the human members. */
  members: Set<string>;
  botMember: boolean;
  /** For p2p chats: the user on the other side of the bot. */
  p2pOpenId?: string;
  createTime: number;
}

/** A message plus the change counter the web chat polls on and the read time per reader (epoch ms). */
export type StoredMessage = SimMessage & { rev: number; readAt: Record<string, number> };

const MAX_LOG = 20_000;

/** All simulator state, in memory. Route modules read and change it; nothing here does I/O. */
export class Store {
  readonly users = new Map<string, SimUser>();
  readonly departments = new Map<string, LarkSimDepartment>();
  readonly chats = new Map<string, StoredChat>();
  readonly messages = new Map<string, StoredMessage>();
  /** uuid → message, for the 1-hour send/reply dedup. */
  readonly messageUuids = new Map<string, { messageId: string; at: number }>();
  /** uuid|owner → chat, for the 10-hour chat-create dedup. */
  readonly chatUuids = new Map<string, { chatId: string; at: number }>();
  readonly images = new Map<string, { bytes: Buffer; contentType: string; imageType: string; at: number }>();
  /** User access tokens `u-…` issued by the OAuth flow. */
  readonly userTokens = new Map<string, { openId: string; expiresAt: number }>();
  /** Card update tokens `c-…` from callbacks: 30 min, 2 uses. */
  readonly cardTokens = new Map<string, { messageId: string; at: number; uses: number }>();
  readonly quota = { sms: 10_000, phone: 10_000 };
  readonly requestLog: SimRequestRecord[] = [];
  readonly deliveryLog: SimDelivery[] = [];
  readonly violations: SimRateViolation[] = [];
  readonly eventLog: SimEventDelivery[] = [];
  readonly botOpenId: string;
  #rev = 0;

  constructor(
    readonly app: LarkSimApp,
    readonly tenantKey: string,
    readonly now: () => number,
  ) {
    this.botOpenId = `ou_${stableHex(32, 'bot', app.appId)}`;
  }

  get botName(): string {
    return this.app.name ?? '督办助手';
  }

  nextRev(): number {
    this.#rev += 1;
    return this.#rev;
  }

  get rev(): number {
    return this.#rev;
  }

  p2pChatId(openId: string): string {
    return `oc_${stableHex(32, 'p2p', this.app.appId, openId)}`;
  }

  upsertUsers(users: LarkSimUser[]): void {
    for (const u of users) {
      const user: SimUser = {
        ...u,
        unionId: u.unionId ?? `on_${stableHex(32, 'union', u.openId)}`,
        userId: u.userId ?? stableHex(8, 'user', u.openId),
      };
      this.users.set(u.openId, user);
      const chatId = this.p2pChatId(u.openId);
      if (!this.chats.has(chatId)) {
        this.chats.set(chatId, {
          chatId,
          type: 'p2p',
          name: '',
          description: '',
          members: new Set([u.openId]),
          botMember: true,
          p2pOpenId: u.openId,
          createTime: this.now(),
        });
      }
    }
    this.#syncDepartmentChats();
  }

  upsertDepartments(departments: LarkSimDepartment[]): void {
    for (const d of departments) this.departments.set(d.openDepartmentId, { ...d });
    this.#syncDepartmentChats();
  }

  /** Department group chats hold the bot and (at least) the department's direct members. */
  #syncDepartmentChats(): void {
    for (const d of this.departments.values()) {
      if (!d.chatId) continue;
      let chat = this.chats.get(d.chatId);
      if (!chat) {
        chat = {
          chatId: d.chatId,
          type: 'group',
          name: d.name,
          description: '',
          members: new Set(),
          botMember: true,
          createTime: this.now(),
        };
        if (d.leaderOpenId) chat.ownerOpenId = d.leaderOpenId;
        this.chats.set(d.chatId, chat);
      }
      for (const u of this.directMembers(d.openDepartmentId)) chat.members.add(u.openId);
      if (d.leaderOpenId && this.users.has(d.leaderOpenId)) chat.members.add(d.leaderOpenId);
    }
  }

  createGroupChat(p: { name: string; description: string; ownerOpenId?: string; members: string[] }): StoredChat {
    const chat: StoredChat = {
      chatId: newChatId(),
      type: 'group',
      name: p.name,
      description: p.description,
      members: new Set(p.members),
      botMember: true,
      createTime: this.now(),
    };
    if (p.ownerOpenId) chat.ownerOpenId = p.ownerOpenId;
    this.chats.set(chat.chatId, chat);
    return chat;
  }

  /** Users whose department list holds this department ('0': users in no department). */
  directMembers(openDepartmentId: string): SimUser[] {
    return [...this.users.values()].filter((u) =>
      openDepartmentId === '0'
        ? (u.departmentIds ?? []).length === 0 || (u.departmentIds ?? []).includes('0')
        : (u.departmentIds ?? []).includes(openDepartmentId),
    );
  }

  findUser(id: string, type: UserIdType = 'open_id'): SimUser | undefined {
    if (type === 'open_id') return this.users.get(id);
    for (const u of this.users.values()) {
      if (type === 'union_id' && u.unionId === id) return u;
      if (type === 'user_id' && u.userId === id) return u;
      if (type === 'email' && u.email === id) return u;
    }
    return undefined;
  }

  userIdOf(u: SimUser, type: string): string {
    if (type === 'union_id') return u.unionId;
    if (type === 'user_id') return u.userId;
    return u.openId;
  }

  findDepartment(id: string, type: string): LarkSimDepartment | undefined {
    if (type !== 'department_id') return this.departments.get(id);
    for (const d of this.departments.values()) if ((d.departmentId ?? d.openDepartmentId) === id) return d;
    return undefined;
  }

  departmentIdOf(openDepartmentId: string, type: string): string {
    if (openDepartmentId === '0' || type !== 'department_id') return openDepartmentId;
    const d = this.departments.get(openDepartmentId);
    return d?.departmentId ?? openDepartmentId;
  }

  addMessage(
    p: Omit<
      StoredMessage,
      'messageId' | 'rev' | 'readAt' | 'createTime' | 'updateTime' | 'updatedCount' | 'deleted' | 'readBy' | 'urgent'
    >,
  ): StoredMessage {
    const at = this.now();
    const msg: StoredMessage = {
      ...p,
      messageId: newMessageId(),
      createTime: at,
      updateTime: at,
      updatedCount: 0,
      deleted: false,
      readBy: [],
      urgent: [],
      rev: this.nextRev(),
      readAt: {},
    };
    this.messages.set(msg.messageId, msg);
    return msg;
  }

  /** Marks a change visible to the web chat; `edited` also bumps update_time as a content update does. */
  touch(msg: StoredMessage, edited: boolean): void {
    msg.rev = this.nextRev();
    if (edited) {
      msg.updateTime = Math.max(this.now(), msg.updateTime + 1);
      msg.updatedCount += 1;
    }
  }

  /** Records a read by a member who did not send the message; returns whether anything changed. */
  markRead(messageId: string, openId: string): boolean {
    const msg = this.messages.get(messageId);
    const chat = msg && this.chats.get(msg.chatId);
    if (!msg || !chat || msg.deleted || !chat.members.has(openId)) return false;
    if (msg.sender.type === 'user' && msg.sender.id === openId) return false;
    if (msg.readBy.includes(openId)) return false;
    msg.readBy.push(openId);
    msg.readAt[openId] = this.now();
    this.touch(msg, false);
    return true;
  }

  /** Messages with an urgent notice to this user that the user has not read yet. */
  unreadUrgentCount(openId: string): number {
    let n = 0;
    for (const m of this.messages.values()) {
      if (m.deleted || m.readBy.includes(openId)) continue;
      if (m.urgent.some((u) => u.openIds.includes(openId))) n += 1;
    }
    return n;
  }

  chatsOf(openId: string): StoredChat[] {
    return [...this.chats.values()].filter((c) => c.members.has(openId));
  }

  logRequest(r: SimRequestRecord): void {
    pushCapped(this.requestLog, r);
  }

  logDelivery(d: SimDelivery): void {
    pushCapped(this.deliveryLog, d);
  }

  logViolation(v: SimRateViolation): void {
    pushCapped(this.violations, v);
  }
}

function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_LOG) list.splice(0, list.length - MAX_LOG);
}

/** A deep copy of a message without the internal bookkeeping. */
export function publicMessage(m: StoredMessage): SimMessage {
  const copy: Partial<StoredMessage> = structuredClone(m);
  delete copy.rev;
  delete copy.readAt;
  return copy as SimMessage;
}
