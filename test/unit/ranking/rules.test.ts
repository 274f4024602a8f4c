import { describe, expect, it } from 'vitest';
import { checkRuleSet, DEFAULT_RULE_SET, usageTermIn } from '../../../domain/ranking/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the rule sets under test are deliberately malformed JSON.
const clone = () => structuredClone(DEFAULT_RULE_SET) as unknown as Record<string, any>;
const problems = (rules: unknown) => {
  const r = checkRuleSet(rules);
  return r.ok ? [] : r.problems;
};

describe('rule sets as data', () => {
  it('accepts the default 嵩明县 rules', () => {
    expect(checkRuleSet(DEFAULT_RULE_SET)).toEqual({ ok: true, rules: DEFAULT_RULE_SET });
  });

  it('reports every problem at once, in Chinese', () => {
    const r = clone();
    r.dimensions[0].weight = 30;
    r.lists.red.size = 0;
    r.schedule.time = '9am';
    expect(problems(r).map((p) => [p.path, p.message])).toEqual([
      ['dimensions', '各项权重之和须为 100 分，现为 114 分'],
      ['lists.red.size', '红榜名额须为 1–100 的整数'],
      ['schedule.time', '运行时间须为 HH:MM'],
    ]);
  });

  it('refuses a measure Duban does not compute', () => {
    const r = clone();
    r.items.deductions.push({ measure: 'meetings_held', label: '会议次数', points: 1, cap: 5 });
    expect(problems(r)).toEqual([
      { code: 'unknown_metric', path: 'items.deductions[3]', message: '不支持的扣分指标：meetings_held' },
    ]);
  });
});

describe('the compliance guard: no usage metrics, ever', () => {
  it('rejects a deduction on message reads', () => {
    const r = clone();
    r.items.deductions.push({ measure: 'message_read_rate', label: '消息已读率', points: 1, cap: 5 });
    const [p] = problems(r);
    expect(p).toMatchObject({ code: 'usage_metric', path: 'items.deductions[3]' });
    expect(p!.message).toContain('不得按App使用、在线时长、打卡签到、积分或消息已读情况评分');
  });

  it('rejects an inspection dimension that is really online time or check-ins', () => {
    for (const [key, label] of [
      ['online_minutes', '在线时长'],
      ['attendance', '每日打卡'],
      ['app_checkins', '签到次数'],
    ]) {
      const r = clone();
      r.dimensions[4] = { key, label, weight: 16 };
      expect(problems(r).map((p) => p.code)).toEqual(['usage_metric']);
    }
  });

  it('rejects a usage metric smuggled in under a new key', () => {
    const r = clone();
    r.items.appUsage = { weight: 5 };
    r.checkInRate = 0.1;
    expect(problems(r).map((p) => [p.code, p.path])).toEqual([
      ['usage_metric', 'checkInRate'],
      ['usage_metric', 'items.appUsage'],
    ]);
  });

  it('tells usage words from outcome words', () => {
    expect(usageTermIn('loginCount')).toBe('login');
    expect(usageTermIn('check-in rate')).toBe('checkin');
    expect(usageTermIn('sign_in')).toBe('signin');
    expect(usageTermIn('积分排名')).toBe('积分');
    // 签收 (acknowledging an item), 逾期 and 退回 are outcomes.
    expect(usageTermIn('签收及时率')).toBeUndefined();
    expect(usageTermIn('overdue_open 逾期未办结')).toBeUndefined();
    expect(usageTermIn('returned 审核退回')).toBeUndefined();
    expect(usageTermIn('already spread')).toBeUndefined();
  });
});
