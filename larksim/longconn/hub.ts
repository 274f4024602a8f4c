import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { randomHex } from '../ids.js';
import type { PostOutcome } from '../post.js';
import {
  type Ack,
  type ClientConfig,
  decodeFrame,
  encodeFrame,
  eventFrames,
  type Frame,
  headerOf,
  METHOD,
  parseAck,
  pongFrame,
} from './frame.js';
import type {
  SimLongConnection,
  SimLongConnectionAttempt,
  SimLongConnectionClient,
  SimLongConnectionOptions,
  SimLongConnectionPush,
} from './types.js';

export const WS_PATH = '/ws/v2';
const SERVICE_ID = 77;
const TICKET_TTL_MS = 60_000;
const MAX_CONNECTIONS = 50;
/** Connection drops while a message is in flight do not use up its retries, but they are bounded. */
const MAX_DROPS_PER_MESSAGE = 20;

interface Connection {
  record: SimLongConnectionClient;
  socket: WebSocket;
  seq: number;
  /**
   * Set by the client's first ping. The SDK attaches its message listener a few ticks after 'open' (and pings in
   * 'open'), so a frame pushed at once could land before anyone listens and be lost.
   */
  ready: boolean;
  /** Resolves when the socket closes. */
  closed: Promise<void>;
}

interface PendingMessage {
  push: SimLongConnectionPush;
  payload: Uint8Array;
  /** Waiters for this message's next ACK (the attempt in progress). */
  listeners: Set<(ack: Ack) => void>;
  firstAck: Promise<Ack>;
  resolveFirstAck: (ack: Ack) => void;
}

export interface HubOptions extends SimLongConnectionOptions {
  appId: string;
  appSecret: string;
  /** How long a client has to ACK a message (Lark: 3 s). */
  ackTimeoutMs: number;
  /** Waits between failed attempts (no ACK in time, code ≠ 200, nobody connected); then it gives up. */
  retryDelaysMs: number[];
}

/**
 * Lark's side of the SDK's long connection: endpoint discovery hands out one-time tickets, the WebSocket on the
 * simulator's HTTP server speaks pbbp2 frames (ping → pong with ClientConfig, data frames → ACKs), and each message
 * goes to one random connected client (cluster delivery) and is re-pushed until a client ACKs it with 200: at once
 * on another (or the next) connection when its connection drops, after the retry delays when it is not ACKed in time.
 */
export class LongConnectionHub {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  readonly #connections = new Set<Connection>();
  readonly #clientLog: SimLongConnectionClient[] = [];
  readonly #tickets = new Map<string, { deviceId: string; expiresAt: number }>();
  readonly #messages = new Map<string, PendingMessage>();
  readonly #pushLog: SimLongConnectionPush[] = [];
  readonly #connectionWaiters = new Set<() => void>();
  readonly #timers = new Map<NodeJS.Timeout, () => void>();
  readonly #config: ClientConfig;
  readonly #maxPayload: number;
  #everConnected = false;
  #refuseUntil = 0;
  #closed: boolean = false;
  #logId = 1;

  constructor(readonly options: HubOptions) {
    this.#config = {
      PingInterval: options.pingIntervalS ?? 30,
      ReconnectCount: options.reconnectCount ?? -1,
      ReconnectInterval: options.reconnectIntervalS ?? 1,
      ReconnectNonce: options.reconnectNonceS ?? 1,
    };
    this.#maxPayload = options.maxFramePayloadBytes ?? 64 * 1024;
  }

  /** Events and callbacks go over the long connection once a client has connected. */
  get active(): boolean {
    return this.#everConnected;
  }

  /** `POST /callback/ws/endpoint` with `{AppID, AppSecret}`; `host` is where the client reached the simulator. */
  endpoint(body: unknown, host: string): { code: number; msg: string; data: Record<string, unknown> } {
    const b = (body ?? {}) as { AppID?: unknown; AppSecret?: unknown };
    if (b.AppID !== this.options.appId || b.AppSecret !== this.options.appSecret) {
      return { code: 514, msg: 'auth failed', data: {} };
    }
    if (this.#closed || Date.now() < this.#refuseUntil) return { code: 1000040343, msg: 'internal error', data: {} };
    if (this.#connections.size >= MAX_CONNECTIONS) {
      return { code: 1000040350, msg: 'exceed connection limit', data: {} };
    }
    const ticket = randomHex(32);
    const deviceId = randomHex(16);
    this.#tickets.set(ticket, { deviceId, expiresAt: Date.now() + TICKET_TTL_MS });
    // device_id and service_id must not come first: the SDK runs querystring.parse over the whole URL.
    const query = `fpid=1&device_id=${deviceId}&service_id=${SERVICE_ID}&access_key=${randomHex(32)}&ticket=${ticket}`;
    return { code: 0, msg: 'ok', data: { URL: `ws://${host}${WS_PATH}?${query}`, ClientConfig: this.#config } };
  }

  /** The HTTP server's `upgrade` event: only `/ws/v2` with a fresh ticket becomes a connection. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://larksim');
    const ticket = this.#tickets.get(url.searchParams.get('ticket') ?? '');
    if (url.pathname !== WS_PATH || !ticket || ticket.expiresAt < Date.now() || this.#closed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.#tickets.delete(url.searchParams.get('ticket') ?? '');
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, ticket.deviceId));
  }

  #accept(socket: WebSocket, deviceId: string): void {
    const record: SimLongConnectionClient = { id: randomHex(12), deviceId, connectedAt: Date.now(), pings: 0 };
    let markClosed: () => void = () => undefined;
    const conn: Connection = { record, socket, seq: 1, ready: false, closed: new Promise((r) => (markClosed = r)) };
    socket.on('message', (data) => this.#onFrame(conn, data));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      record.closedAt ??= Date.now();
      record.closedBy ??= 'client';
      this.#connections.delete(conn);
      markClosed();
    });
    this.#connections.add(conn);
    this.#clientLog.push(record);
    this.#everConnected = true;
  }

  #onFrame(conn: Connection, data: Buffer): void {
    let frame: Frame;
    try {
      frame = decodeFrame(data);
    } catch {
      return; // Lark ignores what it cannot decode; so does the simulator.
    }
    const type = headerOf(frame, 'type');
    if (frame.method === METHOD.control && type === 'ping') {
      conn.record.pings += 1;
      this.#send(conn, pongFrame(frame.service, this.#config));
      if (!conn.ready) {
        conn.ready = true;
        for (const wake of this.#connectionWaiters) wake();
        this.#connectionWaiters.clear();
      }
      return;
    }
    if (frame.method !== METHOD.data) return;
    const ack = parseAck(frame);
    const msg = this.#messages.get(headerOf(frame, 'message_id') ?? '');
    if (!ack || !msg) return;
    msg.push.acks += 1;
    if (ack.code === 200) msg.push.acked = true;
    msg.resolveFirstAck(ack);
    for (const listener of msg.listeners) listener(ack);
  }

  #send(conn: Connection, frame: Frame): void {
    if (conn.socket.readyState === 1) conn.socket.send(encodeFrame(frame));
  }

  /**
   * Queues a v2 envelope (plaintext JSON, as Lark sends it over the long connection) and pushes it until it is
   * ACKed with 200 or the retries run out. `firstAck` is the first answer of any client; `done` tells whether a
   * 200 ACK came at all.
   */
  push(envelope: { header: { event_id: string; event_type: string } }): {
    /** Live record (its attempts fill in as they happen). */
    record: SimLongConnectionPush;
    firstAck: Promise<Ack>;
    done: Promise<boolean>;
  } {
    let resolveFirstAck: (ack: Ack) => void = () => undefined;
    const firstAck = new Promise<Ack>((r) => (resolveFirstAck = r));
    const push: SimLongConnectionPush = {
      messageId: randomHex(24),
      eventId: envelope.header.event_id,
      eventType: envelope.header.event_type,
      attempts: [],
      acks: 0,
      acked: false,
      pending: true,
    };
    const msg: PendingMessage = {
      push,
      payload: Buffer.from(JSON.stringify(envelope)),
      listeners: new Set(),
      firstAck,
      resolveFirstAck,
    };
    this.#messages.set(push.messageId, msg);
    this.#pushLog.push(push);
    const done = this.#run(msg).finally(() => {
      push.pending = false;
    });
    return { record: push, firstAck, done };
  }

  /** A card callback: the first ACK within `budgetMs` is the answer; re-pushing goes on in the background. */
  async request(
    envelope: { header: { event_id: string; event_type: string } },
    budgetMs: number,
  ): Promise<PostOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const { firstAck } = this.push(envelope);
    const ack = await Promise.race([firstAck, this.#sleep(budgetMs).then(() => undefined)]);
    if (!ack) return { kind: 'timeout', elapsedMs: elapsed(), message: `no ACK within ${budgetMs} ms` };
    return { kind: 'response', status: ack.code, body: ack.body, elapsedMs: elapsed() };
  }

  async #run(msg: PendingMessage): Promise<boolean> {
    let retry = 0;
    let drops = 0;
    while (!this.#closed && !msg.push.acked) {
      const attempt = await this.#attempt(msg);
      msg.push.attempts.push(attempt);
      if (msg.push.acked) return true;
      if (attempt.outcome === 'dropped' && drops < MAX_DROPS_PER_MESSAGE) {
        drops += 1;
        continue; // Re-push at once on whichever connection is (or comes) up.
      }
      const delay = this.options.retryDelaysMs[retry];
      retry += 1;
      if (delay === undefined) break;
      await this.#sleep(delay);
    }
    return msg.push.acked;
  }

  async #attempt(msg: PendingMessage): Promise<SimLongConnectionAttempt> {
    const at = Date.now();
    const started = performance.now();
    const elapsedMs = (): number => Math.round(performance.now() - started);
    const conn = await this.#someConnection(this.options.ackTimeoutMs);
    if (!conn) return { at, outcome: 'no-client', elapsedMs: elapsedMs() };
    const remaining = Math.max(0, this.options.ackTimeoutMs - elapsedMs());
    let listener: (ack: Ack) => void = () => undefined;
    const acked = new Promise<Ack>((r) => (listener = r));
    msg.listeners.add(listener);
    try {
      const frames = eventFrames({
        messageId: msg.push.messageId,
        traceId: randomHex(16),
        service: SERVICE_ID,
        nextSeq: () => conn.seq++,
        logId: this.#logId++,
        payload: msg.payload,
        maxPayloadBytes: this.#maxPayload,
      });
      for (const frame of frames) this.#send(conn, frame);
      const outcome = await Promise.race([
        acked,
        conn.closed.then(() => 'dropped' as const),
        this.#sleep(remaining).then(() => 'timeout' as const),
      ]);
      const base = { at, clientId: conn.record.id, elapsedMs: elapsedMs() };
      if (typeof outcome === 'string') return { ...base, outcome };
      return { ...base, outcome: 'ack', code: outcome.code };
    } finally {
      msg.listeners.delete(listener);
    }
  }

  /** A random open connection that has pinged (cluster delivery), waiting up to `ms` for one. */
  async #someConnection(ms: number): Promise<Connection | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const open = [...this.#connections].filter((c) => c.ready && c.socket.readyState === 1);
      if (open.length > 0) return open[Math.floor(Math.random() * open.length)];
      const left = deadline - Date.now();
      if (left <= 0 || this.#closed) return undefined;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.#connectionWaiters.delete(wake);
          resolve();
        };
        this.#connectionWaiters.add(wake);
        void this.#sleep(left).then(wake);
      });
    }
  }

  /** Resolves after `ms`, or at once on close(). */
  #sleep(ms: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.set(timer, resolve);
    });
  }

  drop(options: { refuseMs?: number } = {}): number {
    this.#refuseUntil = Date.now() + (options.refuseMs ?? 0);
    return this.#terminateAll();
  }

  #terminateAll(): number {
    const open = [...this.#connections];
    for (const conn of open) {
      conn.record.closedAt = Date.now();
      conn.record.closedBy = 'simulator';
      conn.socket.terminate();
    }
    return open.length;
  }

  close(): void {
    this.#closed = true;
    this.#terminateAll();
    for (const [timer, resolve] of this.#timers) {
      clearTimeout(timer);
      resolve();
    }
    this.#timers.clear();
    for (const wake of this.#connectionWaiters) wake();
    this.#connectionWaiters.clear();
    this.#wss.close();
  }

  /** What tests and the web chat see. Results are copies. */
  facade(): SimLongConnection {
    return {
      active: () => this.active,
      clients: () => structuredClone(this.#clientLog),
      connectedCount: () => this.#connections.size,
      pushes: () => structuredClone(this.#pushLog),
      drop: (options) => this.drop(options),
    };
  }
}
