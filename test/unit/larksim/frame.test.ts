import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  eventFrames,
  headerOf,
  parseAck,
  pongFrame,
} from '../../../larksim/longconn/frame.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('pbbp2 frame codec', () => {
  it('encodes a ping exactly as protobuf 2 lays it out (fields 1–5 in order)', () => {
    const ping = { SeqID: 0, LogID: 0, service: 77, method: 0, headers: [{ key: 'type', value: 'ping' }] };
    // 08 00 | 10 00 | 18 4d | 20 00 | 2a 0c (0a 04 "type" 12 04 "ping")
    expect(hex(encodeFrame(ping))).toBe('08001000184d20002a0c0a0474797065120470696e67');
    expect(decodeFrame(encodeFrame(ping))).toEqual(ping);
  });

  it('round-trips a data frame with every field, a uint64 beyond 32 bits and binary payload', () => {
    const frame = {
      SeqID: 2 ** 40 + 7,
      LogID: 123456789012,
      service: 77,
      method: 1,
      headers: [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: 'm1' },
      ],
      payloadEncoding: 'json',
      payloadType: 'event',
      payload: new Uint8Array([0, 255, 10, 13]),
      LogIDNew: 'log-new',
    };
    const back = decodeFrame(encodeFrame(frame));
    expect({ ...back, payload: [...(back.payload ?? [])] }).toEqual({ ...frame, payload: [0, 255, 10, 13] });
  });

  it('refuses bytes that lack the required fields', () => {
    expect(() => decodeFrame(new Uint8Array([0x08, 0x01]))).toThrow();
    expect(() => decodeFrame(new Uint8Array([0xff, 0xff, 0xff]))).toThrow();
  });

  it('splits a large envelope into sum parts with seq 0…n-1 that reassemble to the JSON', () => {
    const json = JSON.stringify({ schema: '2.0', header: { event_id: 'e1' }, event: { text: '督办'.repeat(500) } });
    const payload = Buffer.from(json);
    let seq = 10;
    const frames = eventFrames({
      messageId: 'm1',
      traceId: 't1',
      service: 77,
      nextSeq: () => seq++,
      logId: 5,
      payload,
      maxPayloadBytes: 1000,
    });
    expect(frames).toHaveLength(Math.ceil(payload.length / 1000));
    frames.forEach((f, i) => {
      const decoded = decodeFrame(encodeFrame(f));
      expect(decoded.method).toBe(1);
      expect(decoded.SeqID).toBe(10 + i);
      expect(headerOf(decoded, 'type')).toBe('event');
      expect(headerOf(decoded, 'message_id')).toBe('m1');
      expect(headerOf(decoded, 'sum')).toBe(String(frames.length));
      expect(headerOf(decoded, 'seq')).toBe(String(i));
      expect(headerOf(decoded, 'trace_id')).toBe('t1');
    });
    const joined = Buffer.concat(frames.map((f) => Buffer.from(f.payload ?? [])));
    expect(JSON.parse(joined.toString('utf8'))).toEqual(JSON.parse(json));
    expect(eventFrames({ ...split(payload), maxPayloadBytes: 1 << 20 })).toHaveLength(1);
  });

  it('answers a ping with a pong carrying the ClientConfig as JSON', () => {
    const config = { PingInterval: 1, ReconnectCount: -1, ReconnectInterval: 0.5, ReconnectNonce: 0 };
    const pong = decodeFrame(encodeFrame(pongFrame(77, config)));
    expect(pong).toMatchObject({ method: 0, service: 77, headers: [{ key: 'type', value: 'pong' }] });
    expect(JSON.parse(Buffer.from(pong.payload ?? []).toString('utf8'))).toEqual(config);
  });

  it("reads an ACK's code and the handler's result from base64", () => {
    const ack = (o: unknown) => ({ SeqID: 1, LogID: 1, service: 77, method: 1, headers: [], payload: json(o) });
    const answer = { toast: { type: 'success', content: '已签收' } };
    const data = Buffer.from(JSON.stringify(answer)).toString('base64');
    expect(parseAck(ack({ code: 200, data }))).toEqual({ code: 200, body: JSON.stringify(answer) });
    expect(parseAck(ack({ code: 200 }))).toEqual({ code: 200, body: '' });
    expect(parseAck(ack({ code: 500 }))).toEqual({ code: 500, body: '' });
    expect(parseAck(ack('nope'))).toBeUndefined();
    expect(parseAck({ ...ack({}), payload: Buffer.from('{not json') })).toBeUndefined();
  });
});

const json = (o: unknown): Uint8Array => Buffer.from(JSON.stringify(o));

function split(payload: Uint8Array) {
  return {
    messageId: 'm',
    traceId: 't',
    service: 77,
    nextSeq: () => 1,
    logId: 1,
    payload,
    maxPayloadBytes: 1000,
  };
}
