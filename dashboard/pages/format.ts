import type { Light } from '../../domain/lights.js';
import { localDate, toShanghaiIso } from '../../domain/shanghai-time.js';
import { type Html, html } from '../html.js';

export const LEVEL_LABELS: Record<number, string> = {
  0: '未升级',
  1: 'L1 单位负责人',
  2: 'L2 乡镇/部门负责人',
  3: 'L3 分管县领导',
  4: 'L4 县委书记',
};

const LIGHT_TEXT: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

export function date(iso: string | null | undefined): string {
  return iso ? localDate(iso) : '—';
}

export function dateTime(iso: string): string {
  return toShanghaiIso(Date.parse(iso)).slice(0, 16).replace('T', ' ');
}

export function levelLabel(level: number): string {
  return LEVEL_LABELS[level] ?? `L${level}`;
}

export function lightBadge(light: Light | undefined, title = ''): Html {
  if (!light) return html`<span class="muted">—</span>`;
  return html`<span class="light light-${light}" title="${title}">${LIGHT_TEXT[light]}</span>`;
}

/** A figure's percentage with two decimals, as county reports print them; '—' when there is none. */
export function pct(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(2)}%`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
