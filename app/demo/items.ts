import type { ItemSpec } from '../../domain/items/index.js';
import { endOfDay, localDate, toShanghaiIso } from '../../domain/shanghai-time.js';

const DAY_MS = 86_400_000;

/**
 * A handful of open items taken from the seed report's own work lines, due a few days to a
 * few weeks from `now`, so the demo shows cards that can be worked straight away.
 */
export function demoItemSpecs(now: Date): ItemSpec[] {
  const createdAt = toShanghaiIso(now.getTime());
  const due = (days: number) => endOfDay(localDate(now.getTime() + days * DAY_MS));
  const base = {
    kind: 'task' as const,
    issuerId: 'p-ducha-head',
    reviewerId: 'p-ducha-staff',
    createdAt,
    signBy: due(1),
    evidenceRequired: false,
  };
  return [
    {
      ...base,
      id: 'DB-SM-001',
      title: '匡郎村党委软弱涣散整顿提升',
      description: '采取“四个一”措施整顿提升小街镇匡郎村党委，完成后报送整顿台账。',
      urgency: 'important',
      domain: '农业农村',
      ownerUnitId: 'xiaojie-v1',
      assigneeId: 'p-xiaojie-v1-secretary',
      dueAt: due(14),
    },
    {
      ...base,
      id: 'DB-SM-002',
      title: '大箐村党总支软弱涣散整顿提升',
      description: '采取“四个一”措施整顿提升牛栏江镇大箐村党总支，完成后报送整顿台账。',
      urgency: 'important',
      domain: '农业农村',
      ownerUnitId: 'niulanjiang-v1',
      assigneeId: 'p-niulanjiang-v1-secretary',
      dueAt: due(14),
    },
    {
      ...base,
      id: 'DB-SM-003',
      title: '小额信贷到期贷款催缴（积德村）',
      description: '积德村脱贫人口小额信贷 3 笔本月到期，共 15 万元，请逐户提醒并落实还款或展期。',
      urgency: 'normal',
      domain: '金融',
      ownerUnitId: 'xiaojie-v3',
      assigneeId: 'p-xiaojie-v3-cadre',
      dueAt: due(10),
    },
    {
      ...base,
      id: 'DB-SM-004',
      title: '防返贫监测收入信息采集核查',
      description: '对监测系统异常数据与纸质采集表逐户复核，按月报送监测帮扶措施统计清单（监测标准线 9500 元）。',
      urgency: 'normal',
      domain: '农业农村',
      ownerUnitId: 'yanglin',
      assigneeId: 'p-yanglin-staff',
      dueAt: due(7),
    },
    {
      ...base,
      id: 'DB-SM-005',
      title: '抗旱应急保供水项目建成投用',
      description: '全县抗旱应急保供水项目 15 个，已建成投用 11 个，剩余 4 个须尽快建成投用。',
      urgency: 'urgent',
      domain: '水务',
      ownerUnitId: 'shuiwu',
      assigneeId: 'p-shuiwu-staff',
      dueAt: due(5),
    },
    {
      ...base,
      id: 'DB-SM-006',
      title: '农村公厕建设进度',
      description: '上半年完成 17 座农村公厕选址、完工 5 座，请报送剩余公厕建设计划和进度。',
      urgency: 'normal',
      domain: '农业农村',
      ownerUnitId: 'songyang',
      assigneeId: 'p-songyang-staff',
      dueAt: due(21),
    },
    {
      // Already overdue when the demo starts: its policy catches up at once, so the chain's
      // escalation cards (村书记 → 镇党委书记) can be seen straight away.
      ...base,
      id: 'DB-SM-007',
      title: '自建房安全隐患排查整治（大箐村）',
      description: '对农村低收入群体等6类重点对象住房安全情况逐户摸底排查，建立台账并落实整改。',
      urgency: 'important',
      domain: '住建',
      ownerUnitId: 'niulanjiang-v1',
      assigneeId: 'p-niulanjiang-v1-cadre',
      createdAt: toShanghaiIso(now.getTime() - 20 * DAY_MS),
      signBy: due(-18),
      dueAt: due(-6),
    },
  ];
}
