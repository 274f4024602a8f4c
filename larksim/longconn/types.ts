/** Public types of the simulator's long connection (the SDK's WSClient protocol). */

export interface SimLongConnectionOptions {
  /** ClientConfig, in seconds (fractions allowed, the SDK multiplies by 1000). Default 30. */
  pingIntervalS?: number;
  /** Seconds between reconnect attempts after the first one; default 1 (Lark: 120). */
  reconnectIntervalS?: number;
  /** Upper bound of the random wait before the first reconnect attempt; default 1 (Lark: 30). */
  reconnectNonceS?: number;
  /** -1 (default) retries forever. */
  reconnectCount?: number;
  /** Data frames carry at most this many payload bytes; larger envelopes are split (sum/seq). Default 64 KiB. */
  maxFramePayloadBytes?: number;
}

/** One WebSocket a client opened, open or closed. */
export interface SimLongConnectionClient {
  id: string;
  deviceId: string;
  /** Epoch ms (wall clock). */
  connectedAt: number;
  closedAt?: number;
  /** Who ended it: the client, or the simulator (drop() or close()). */
  closedBy?: 'client' | 'simulator';
  pings: number;
}

/** One try at handing a message to a client. */
export interface SimLongConnectionAttempt {
  /** Epoch ms (wall clock). */
  at: number;
  /** The connection the frames went to; absent when no client was connected in time. */
  clientId?: string;
  /**
   * ack: the client answered (see code); timeout: no ACK in time; dropped: the connection closed before the ACK;
   * no-client: nobody was connected within the time budget.
   */
  outcome: 'ack' | 'timeout' | 'dropped' | 'no-client';
  /** The ACK's code: 200, or 500 when the handler threw. */
  code?: number;
  elapsedMs: number;
}

/** A message (event or card callback) pushed over the long connection until a client ACKed it with 200. */
export interface SimLongConnectionPush {
  messageId: string;
  eventId: string;
  eventType: string;
  attempts: SimLongConnectionAttempt[];
  /** ACK frames received for it, late ones (after their attempt gave up) included. */
  acks: number;
  acked: boolean;
  /** False once re-pushing stopped without a 200 ACK. */
  pending: boolean;
}

export interface SimLongConnection {
  /**
   * True once a client of the app has connected: from then on events and card callbacks go over the long
   * connection (queued while no client is connected), as when an app's subscription mode is 长连接.
   */
  active(): boolean;
  /** Every connection so far, oldest first. */
  clients(): SimLongConnectionClient[];
  /** Open connections now. */
  connectedCount(): number;
  pushes(): SimLongConnectionPush[];
  /**
   * Terminates every open connection (the SDK reconnects). For `refuseMs` afterwards, endpoint discovery answers
   * 1000040343 (internal error, retryable), so the client stays away that long. Returns how many were dropped.
   */
  drop(options?: { refuseMs?: number }): number;
}
