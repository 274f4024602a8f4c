import protobuf from 'protobufjs';

/**
 * The long connection's wire format: protobuf 2 `pbbp2.Frame`, as the SDK's generated code (ws-client/proto-buf)
 * defines it. Field names follow protobufjs' camel-casing, which is what the SDK's own encoder uses.
 */
const PROTO = `
syntax = "proto2";
package pbbp2;
message Header { required string key = 1; required string value = 2; }
message Frame {
  required uint64 SeqID = 1;
  required uint64 LogID = 2;
  required int32 service = 3;
  required int32 method = 4;
  repeated Header headers = 5;
  optional string payload_encoding = 6;
  optional string payload_type = 7;
  optional bytes payload = 8;
  optional string LogIDNew = 9;
}`;

const FrameType = protobuf.parse(PROTO).root.lookupType('pbbp2.Frame');

/** method 0 carries ping/pong, method 1 carries events and their ACKs. */
export const METHOD = { control: 0, data: 1 } as const;

export interface FrameHeader {
  key: string;
  value: string;
}

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

export function encodeFrame(frame: Frame): Uint8Array {
  return FrameType.encode(FrameType.fromObject(frame)).finish();
}

/** Throws on bytes that are not a Frame (missing required fields included). */
export function decodeFrame(bytes: Uint8Array): Frame {
  const message = FrameType.decode(bytes);
  const o = FrameType.toObject(message, { longs: Number, defaults: false, arrays: true }) as Omit<Frame, 'headers'> & {
    headers?: FrameHeader[];
  };
  return { ...o, headers: o.headers ?? [] };
}

export function headerOf(frame: Frame, key: string): string | undefined {
  return frame.headers.find((h) => h.key === key)?.value;
}

/**
 * A v2 envelope as the data frames Lark sends: headers type=event, message_id, sum, seq, trace_id, the UTF-8 JSON
 * split into `sum` parts of at most `maxPayloadBytes` (the SDK reassembles them by message_id).
 */
export function eventFrames(p: {
  messageId: string;
  traceId: string;
  service: number;
  nextSeq: () => number;
  logId: number;
  payload: Uint8Array;
  maxPayloadBytes: number;
}): Frame[] {
  const size = Math.max(1, p.maxPayloadBytes);
  const sum = Math.max(1, Math.ceil(p.payload.length / size));
  return Array.from({ length: sum }, (_, seq) => ({
    SeqID: p.nextSeq(),
    LogID: p.logId,
    service: p.service,
    method: METHOD.data,
    headers: [
      { key: 'type', value: 'event' },
      { key: 'message_id', value: p.messageId },
      { key: 'sum', value: String(sum) },
      { key: 'seq', value: String(seq) },
      { key: 'trace_id', value: p.traceId },
    ],
    payload: p.payload.subarray(seq * size, (seq + 1) * size),
  }));
}

/** The answer to a client's ping: its ClientConfig, which the SDK adopts. */
export function pongFrame(service: number, config: ClientConfig): Frame {
  return {
    SeqID: 0,
    LogID: 0,
    service,
    method: METHOD.control,
    headers: [{ key: 'type', value: 'pong' }],
    payload: Buffer.from(JSON.stringify(config)),
  };
}

/** Seconds (the SDK multiplies by 1000); ReconnectCount -1 retries forever. */
export interface ClientConfig {
  PingInterval: number;
  ReconnectCount: number;
  ReconnectInterval: number;
  ReconnectNonce: number;
}

/** An ACK's payload: `{"code":200}` or `{"code":200,"data":"<base64 JSON of the handler's result>"}`; 500 if it threw. */
export interface Ack {
  code: number;
  /** The handler's result as the JSON text it sent (decoded from base64); '' when it returned nothing. */
  body: string;
}

export function parseAck(frame: Frame): Ack | undefined {
  if (!frame.payload) return undefined;
  try {
    const o = JSON.parse(Buffer.from(frame.payload).toString('utf8')) as { code?: unknown; data?: unknown };
    if (typeof o.code !== 'number') return undefined;
    const body = typeof o.data === 'string' ? Buffer.from(o.data, 'base64').toString('utf8') : '';
    return { code: o.code, body };
  } catch {
    return undefined;
  }
}
