import type { ItemSpec } from '../../domain/items/index.js';

/**
 * A base item from the seed report: 小街镇匡郎村's party branch was one of the two 软弱涣散
 * organisations rectified with the "四个一" measures.
 */
export function kuanglangSpec(overrides: Partial<ItemSpec> = {}): ItemSpec {
  return {
    id: 'DB-2024-0001',
    kind: 'task',
    title: '匡郎村党委软弱涣散整顿提升',
    description: '落实“四个一”措施，整顿提升小街镇匡郎村党委，6月底前完成整改并报送材料。',
    urgency: 'important',
    domain: '农业农村',
    ownerUnitId: 'xiaojie-v1',
    issuerId: 'p-ducha-head',
    reviewerId: 'p-ducha-staff',
    assigneeId: 'p-xiaojie-v1-secretary',
    createdAt: '2024-06-03T09:00:00+08:00',
    signBy: '2024-06-04T18:00:00+08:00',
    dueAt: '2024-06-28T18:00:00+08:00',
    evidenceRequired: false,
    ...overrides,
  };
}
