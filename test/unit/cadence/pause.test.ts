import { describe, expect, it } from 'vitest';
import { type CadencePause, checkPause, checkResume, pauseInForce } from '../../../domain/cadence/index.js';

const pause: CadencePause = {
  cadenceId: 'village-weekly',
  unitId: 'niulanjiang-v1',
  from: '2026-02-10',
  reason: '森林火灾应急处置',
  by: 'p-ducha-head',
  at: '2026-02-10T15:00:00+08:00',
};

describe('pausing a cadence for a unit', () => {
  it('is in force from its first date until lifted, for that cadence and unit only', () => {
    const find = (at: string, pauses = [pause]) => pauseInForce(pauses, 'village-weekly', 'niulanjiang-v1', at);
    expect(find('2026-02-09T08:30:00+08:00')).toBeUndefined();
    expect(find('2026-02-10T08:30:00+08:00')).toEqual(pause); // the whole first day
    expect(find('2026-03-30T08:30:00+08:00')).toEqual(pause);
    const lifted = { ...pause, resumedAt: '2026-02-20T10:00:00+08:00' };
    expect(find('2026-02-16T08:30:00+08:00', [lifted])).toEqual(lifted);
    expect(find('2026-02-23T08:30:00+08:00', [lifted])).toBeUndefined();
    expect(pauseInForce([pause], 'village-weekly', 'niulanjiang-v2', '2026-02-16T08:30:00+08:00')).toBeUndefined();
    expect(pauseInForce([pause], 'township-halfmonth', 'niulanjiang-v1', '2026-02-16T08:30:00+08:00')).toBeUndefined();
  });

  it('needs a reason and is not stacked; resuming needs a pause', () => {
    expect(checkPause('', undefined)?.message).toBe('请填写暂停理由');
    expect(checkPause('x'.repeat(201), undefined)?.message).toContain('不能超过 200 个字');
    expect(checkPause('防汛', pause)?.message).toBe('该单位已暂停（自 2026-02-10 起，理由：森林火灾应急处置）');
    expect(checkPause('防汛', undefined)).toBeUndefined();
    expect(checkResume(undefined)?.message).toContain('没有暂停');
    expect(checkResume(pause)).toBeUndefined();
  });
});
