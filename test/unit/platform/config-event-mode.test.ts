import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../platform/config.js';

const REAL = {
  LARK_APP_ID: 'cli_0123456789abcdef',
  LARK_APP_SECRET: 's',
  LARK_ENCRYPT_KEY: 'k',
  LARK_VERIFICATION_TOKEN: 't',
  DUBAN_SESSION_SECRET: 'x'.repeat(32),
};

describe('LARK_EVENT_MODE', () => {
  it('defaults to the long connection for real Lark without a public URL, to the webhook with one', () => {
    expect(loadConfig(REAL).lark.eventMode).toBe('ws');
    expect(loadConfig({ ...REAL, DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn' }).lark.eventMode).toBe('webhook');
  });

  it('keeps the webhook for the embedded simulator unless set', () => {
    expect(loadConfig({}).lark.eventMode).toBe('webhook');
    expect(loadConfig({ LARK_EVENT_MODE: 'ws' }).lark.eventMode).toBe('ws');
  });

  it('an explicit setting wins, and anything else is refused', () => {
    expect(loadConfig({ ...REAL, LARK_EVENT_MODE: 'webhook' }).lark.eventMode).toBe('webhook');
    expect(
      loadConfig({ ...REAL, DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn', LARK_EVENT_MODE: 'ws' }).lark.eventMode,
    ).toBe('ws');
    expect(() => loadConfig({ ...REAL, LARK_EVENT_MODE: 'websocket' })).toThrow(ConfigError);
  });
});
