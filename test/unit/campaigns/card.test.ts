import { describe, expect, it } from 'vitest';
import { campaignCard, progressBar } from '../../../bot/campaigns/campaign-card.js';
import { type CampaignItemFacts, rollUp } from '../../../domain/campaigns/index.js';

const NOW = '2025-10-13T10:00:00+08:00';

function facts(n: number, status: CampaignItemFacts['status'], dueAt = '2025-10-20T18:00:00+08:00', tag = '') {
  return Array.from({ length: n }, (_, i) => ({
    unitId: `${status}${tag}-${i}`,
    unitName: `${status}${tag}${i}村`,
    itemId: `CP-1-${status}${tag}-${i}`,
    status,
    signedAt: status === 'assigned' ? null : NOW,
    signBy: '2025-10-20T18:00:00+08:00',
    dueAt,
  }));
}

const input = (items: CampaignItemFacts[], status: 'running' | 'done' | 'withdrawn' = 'running') => ({
  campaignId: 'CP-20251009-abc',
  title: '防返贫动态监测集中排查',
  targetText: '全县行政村（社区）',
  dueAt: '2025-10-20T18:00:00+08:00',
  status,
  closeReason: status === 'withdrawn' ? '并入月度调度' : null,
  rollup: rollUp(items, NOW),
  now: NOW,
});

describe('the issuer’s roll-up card', () => {
  it('draws a text progress bar', () => {
    expect(progressBar(0, 21)).toBe('░░░░░░░░░░ 0%');
    expect(progressBar(7, 21)).toBe('▇▇▇░░░░░░░ 33%');
    expect(progressBar(21, 21)).toBe('▇▇▇▇▇▇▇▇▇▇ 100%');
    expect(progressBar(0, 0)).toBe('░░░░░░░░░░ 0%');
  });

  it('shows the counts and names the overdue units, red while any is overdue', () => {
    const late = facts(12, 'in_progress', '2025-10-10T18:00:00+08:00', '-late');
    const card = campaignCard(input([...facts(3, 'done'), ...facts(2, 'in_progress'), ...late]));
    const text = JSON.stringify(card);
    expect(card.header.template).toBe('red');
    expect(text).toContain('已办结\\n**3** / 17');
    expect(text).toContain('逾期');
    expect(text).toContain('滞后单位**（12）');
    expect(text).toContain('另有 2 个单位');
    expect(text).toContain('3/17');
  });

  it('turns green when all are done and grey with the reason when withdrawn', () => {
    expect(campaignCard(input(facts(4, 'done'), 'done')).header.template).toBe('green');
    const withdrawn = campaignCard(input(facts(4, 'cancelled'), 'withdrawn'));
    expect(withdrawn.header.template).toBe('grey');
    expect(JSON.stringify(withdrawn)).toContain('撤回理由**：并入月度调度');
  });
});
