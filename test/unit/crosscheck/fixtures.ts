import type { CrosscheckRound, TownshipRoster } from '../../../domain/crosscheck/index.js';
import { planRound } from '../../../domain/crosscheck/index.js';

/** The demo county's seven townships (嵩明县), each with three villages and a team (lead + one member). */
export const TOWNSHIPS: TownshipRoster[] = [
  ['songyang', '嵩阳街道', ['北街社区', '白马村', '大树营村']],
  ['yangqiao', '杨桥街道', ['杨桥村', '王四坝村', '凤岗村']],
  ['xiaojie', '小街镇', ['匡郎村', '墩白村', '积德村']],
  ['yanglin', '杨林镇', ['兰茂村', '大哨村', '嘉丽泽村']],
  ['niulanjiang', '牛栏江镇', ['大箐村', '小坝村', '对龙村']],
  ['dianyuan', '滇源街道', ['白邑村', '苏海村', '甸尾村']],
  ['aziying', '阿子营街道', ['阿子营村', '铁冲村', '果东村']],
].map(([id, name, villages]) => ({
  id: id as string,
  name: name as string,
  villages: (villages as string[]).map((v, i) => ({ id: `${id}-v${i + 1}`, name: `${name}${v}` })),
  leadId: `p-${id}-mayor`,
  memberIds: [`p-${id}-staff`],
}));

export const RESPONSIBLE: Record<string, string> = Object.fromEntries(
  TOWNSHIPS.flatMap((t) => t.villages.map((v) => [v.id, `p-${v.id}-cadre`])),
);

export function demoRound(over: Partial<CrosscheckRound> = {}, id = 'cc-2024h1'): CrosscheckRound {
  const r = planRound({
    id,
    title: '2024年上半年巩固衔接交叉检查',
    organizerId: 'p-ducha-staff',
    startedAt: '2024-06-03T09:00:00+08:00',
    townships: TOWNSHIPS,
    responsible: RESPONSIBLE,
    names: { 'p-ducha-staff': '督查员' },
  });
  if (!r.ok) throw new Error(r.message);
  return { ...r.round, ...over };
}
