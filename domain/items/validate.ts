import { isValidDate } from '../shanghai-time.js';
import { type Refusal, refuse } from './refusal.js';

/** Input checks shared by the commands: each returns a refusal naming the field, or undefined. */

export function requireText(value: unknown, field: string, max: number): Refusal | undefined {
  if (typeof value !== 'string' || value.trim() === '') return refuse('invalid_value', `请填写${field}`);
  if (value.length > max) return refuse('invalid_value', `${field}不能超过 ${max} 个字`);
  return undefined;
}

export function requireDate(value: unknown, field: string): Refusal | undefined {
  if (typeof value !== 'string' || value === '') return refuse('invalid_value', `请选择${field}`);
  if (!isValidDate(value)) return refuse('invalid_value', `${field}格式不正确：${value}`);
  return undefined;
}

export function requirePercent(value: unknown): Refusal | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    return refuse('invalid_value', '完成进度须为 0–100 的整数');
  }
  return undefined;
}
