import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogFormat, type LogLevel, logFormatFor } from '../../../platform/logger.js';
import { temporalLogger } from '../../../platform/temporal-logging.js';

/** A logger writing into memory, and the records it wrote, parsed. */
function capture(level: LogLevel, format: LogFormat = 'json') {
  const chunks: string[] = [];
  // pino-pretty pipes into its destination, so it needs a real stream; JSON lines go to any { write }.
  const destination =
    format === 'pretty'
      ? new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk.toString());
            done();
          },
        })
      : { write: (s: string) => chunks.push(s) };
  const logger = createLogger('duban-test', level, { format, destination });
  return {
    logger,
    text: () => chunks.join(''),
    records: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON line per call with level, name, message and fields', () => {
    const out = capture('info');
    out.logger.info('item started', { itemId: 'DB-1' });
    out.logger.warn('slow');
    expect(out.text().endsWith('\n')).toBe(true);
    const [first, second] = out.records();
    expect(first).toMatchObject({ level: 'info', name: 'duban-test', msg: 'item started', itemId: 'DB-1' });
    expect(Date.parse(String(first?.time))).not.toBeNaN();
    expect(second).toMatchObject({ level: 'warn', msg: 'slow' });
    expect(out.records()).toHaveLength(2);
  });

  it('hides debug at info and shows it at debug', () => {
    const atInfo = capture('info');
    atInfo.logger.debug('detail');
    atInfo.logger.error('fault');
    expect(atInfo.records().map((r) => r.msg)).toEqual(['fault']);

    const atDebug = capture('debug');
    atDebug.logger.debug('detail');
    expect(atDebug.records()).toEqual([expect.objectContaining({ level: 'debug', msg: 'detail' })]);
  });

  it('child loggers add their bindings to every line, the parent does not', () => {
    const out = capture('info');
    const worker = out.logger.child({ process: 'worker' });
    const request = worker.child({ requestId: 'r-42' });
    request.info('card action');
    worker.info('polling');
    out.logger.info('root');
    const [a, b, c] = out.records();
    expect(a).toMatchObject({ name: 'duban-test', process: 'worker', requestId: 'r-42', msg: 'card action' });
    expect(b).toMatchObject({ process: 'worker', msg: 'polling' });
    expect(b).not.toHaveProperty('requestId');
    expect(c).not.toHaveProperty('process');
  });

  it('keeps an Error’s type, message and stack under err or error', () => {
    const out = capture('info');
    const boom = new TypeError('boom');
    out.logger.error('click failed', { error: boom });
    out.logger.error('stop failed', { err: new Error('outer', { cause: new Error('inner') }) });
    const [a, b] = out.records();
    expect(a?.error).toMatchObject({ type: 'TypeError', message: 'boom', stack: boom.stack });
    expect(JSON.stringify(a?.error)).toContain('logger.test.ts');
    expect(b?.err).toMatchObject({ type: 'Error', message: 'outer: inner' });
    expect(JSON.stringify(b?.err)).toContain('caused by: Error: inner');
  });

  it('keeps a Temporal failure’s own type beside the class name', () => {
    const out = capture('info');
    const failure = Object.assign(new Error('rate limited'), { type: 'LarkUnavailable' });
    out.logger.warn('retry', { error: failure });
    expect(out.records()[0]?.error).toMatchObject({ type: 'Error', failureType: 'LarkUnavailable' });
  });

  it('redacts secret keys at any depth, inside arrays, objects, errors and child bindings', () => {
    const out = capture('info');
    const err = Object.assign(new Error('lark 401'), {
      config: { headers: { Authorization: 'Bearer t-123', Accept: 'application/json' } },
    });
    out.logger.child({ session: { cookie: 'sid=abc' } }).info('sync', {
      appId: 'cli_x',
      app_secret: 's-1',
      steps: [{ request: { headers: { authorization: 'Bearer t-456', host: 'open.feishu.cn' } } }],
      lark: { credentials: { encryptKey: 'k-1', encrypt_key: 'k-2', verificationToken: 'v-1' } },
      users: [{ name: '张三', password: 'p-1' }],
      error: err,
    });
    const text = out.text();
    for (const secret of ['s-1', 't-123', 't-456', 'k-1', 'k-2', 'v-1', 'p-1', 'sid=abc'])
      expect(text).not.toContain(secret);
    const [r] = out.records();
    expect(r).toMatchObject({
      appId: 'cli_x',
      app_secret: '[redacted]',
      session: { cookie: '[redacted]' },
      steps: [{ request: { headers: { authorization: '[redacted]', host: 'open.feishu.cn' } } }],
      lark: { credentials: { encryptKey: '[redacted]', encrypt_key: '[redacted]', verificationToken: '[redacted]' } },
      users: [{ name: '张三', password: '[redacted]' }],
      error: { message: 'lark 401', config: { headers: { Authorization: '[redacted]', Accept: 'application/json' } } },
    });
  });

  it('survives cycles and does not dump class instances', () => {
    const out = capture('info');
    const loop: Record<string, unknown> = { id: 1 };
    loop.self = loop;
    out.logger.info('odd', { loop, at: new Date('2025-01-02T03:04:05Z'), socket: new (class Socket {})() });
    expect(out.records()[0]).toMatchObject({
      loop: { id: 1, self: '[Circular]' },
      at: '2025-01-02T03:04:05.000Z',
      socket: '[Socket]',
    });
  });

  it('writes nothing when silent', () => {
    const out = capture('silent');
    out.logger.error('fault', { error: new Error('x') });
    out.logger.child({ process: 'worker' }).warn('slow');
    expect(out.text()).toBe('');
  });

  it('pretty output is for people: readable lines, secrets still redacted', async () => {
    const out = capture('info', 'pretty');
    out.logger.info('item started', { itemId: 'DB-1', token: 't-1' });
    await new Promise((resolve) => setImmediate(resolve));
    const text = out.text();
    expect(text).toContain('INFO');
    expect(text).toContain('item started');
    expect(text).toContain('DB-1');
    expect(text).not.toContain('t-1');
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe('logFormatFor', () => {
  it('auto is pretty only when interactive; an explicit setting wins', () => {
    expect(logFormatFor('auto', true)).toBe('pretty');
    expect(logFormatFor('auto', false)).toBe('json');
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor('pretty', false)).toBe('pretty');
  });
});

describe('temporalLogger', () => {
  it('maps Temporal levels onto ours and drops TRACE', () => {
    const out = capture('debug');
    const t = temporalLogger(out.logger.child({ component: 'temporal' }));
    t.trace('Creating workflow');
    t.debug('Activity started', { activityType: 'sendCard' });
    t.info('Worker state changed', { state: 'RUNNING' });
    t.log('WARN', 'Activity failed', { error: new Error('db down'), attempt: 1 });
    t.error('Worker failed');
    expect(out.records().map((r) => [r.level, r.msg, r.component])).toEqual([
      ['debug', 'Activity started', 'temporal'],
      ['info', 'Worker state changed', 'temporal'],
      ['warn', 'Activity failed', 'temporal'],
      ['error', 'Worker failed', 'temporal'],
    ]);
  });

  it('quiet moves the SDK’s own INFO to debug and keeps workflow and activity info', () => {
    const out = capture('info');
    const t = temporalLogger(out.logger, { quiet: true });
    t.info('Workflow bundle created', { sdkComponent: 'worker' });
    t.info('Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' });
    t.info('round opened', { sdkComponent: 'workflow' });
    t.info('cards sent', { sdkComponent: 'activity' });
    t.warn('Worker slow', { sdkComponent: 'worker' });
    expect(out.records().map((r) => r.msg)).toEqual(['round opened', 'cards sent', 'Worker slow']);
  });

  it('logs the paced messenger’s first retries at debug, later ones as warnings', () => {
    const out = capture('info');
    const t = temporalLogger(out.logger);
    const paced = () => Object.assign(new Error('rate limited'), { type: 'LarkUnavailable' });
    t.warn('Activity failed', { error: paced(), attempt: 2 });
    t.warn('Activity failed', { error: paced(), attempt: 5 });
    expect(out.records()).toEqual([expect.objectContaining({ level: 'warn', attempt: 5 })]);
  });
});
