import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, NO_OVERRIDES, rankMonth } from '../../../domain/ranking/index.js';
import { fixtureVillages, MONTH } from './fixture-month.js';

const priors = { 'xiaojie-v1': { onBlack: false, compliantStreak: 0, lastTenths: 912 } };
const { texts } = rankMonth(MONTH, fixtureVillages(), DEFAULT_RULE_SET, priors, NO_OVERRIDES);

describe('the text published for each listed village', () => {
  it('is written from the village’s own numbers and problems', () => {
    expect(texts['niulanjiang-v1']).toBe(
      '牛栏江镇大箐村 54.6 分，列全县第 18 名（共 19 个参评村）。检查失分集中在垃圾 55 分（河道垃圾堆积），' +
        '厕所 60 分（公厕无专人保洁、户厕粪污外溢），长效管护 60 分（保洁员未按时到岗）；本月到期督办事项 2 件仅按期办结 1 件，' +
        '《大箐村垃圾收集点建设》 1 件逾期未办结，1 件升级至县领导督办。',
    );
    expect(texts['xiaojie-v1']).toBe(
      '小街镇匡郎村 96.0 分，列全县第 3 名（共 19 个参评村）。人居环境 5 项检查均为 95 分；本月到期督办事项 1 件全部按期办结；较上月提高 4.8 分。',
    );
    expect(texts['yangqiao-v2']).toContain('列全县并列第 5 名');
    expect(texts['xiaojie-v2']).toContain(
      '本月到期督办事项 1 件未按期办结，《墩白村卫生户厕改造》、《墩白村公厕保洁责任落实》 2 件逾期未办结',
    );
  });

  it('leaves out what it has nothing specific to say about, so no two villages read alike', () => {
    const listed = Object.entries(texts);
    expect(listed).toHaveLength(9);
    expect(new Set(listed.map(([, t]) => t.slice(t.indexOf('分，') + 2))).size).toBeGreaterThanOrEqual(8);
    expect(texts['yanglin-v1']).not.toContain('督办事项');
    expect(texts['songyang-v2']).not.toContain('较上月');
    for (const [id, t] of listed) expect(t, id).not.toMatch(/0 件逾期|被退回 0|；；|。。/);
  });
});
