import { TOWNSHIPS, villageId } from '../../../app/demo/county.js';
import type { InspectionInput, ItemOutcome, VillageInput } from '../../../domain/ranking/index.js';

/**
 * June 2024 in 嵩明县 (the seed report's half-year), for the 21 demo villages across 7 townships. Inspection scores
 * are multiples of 5 so each dimension is worth exactly 1.6 × score tenths; the expected scores in the tests are
 * worked out by hand from this table, not by running the code.
 */
export const MONTH = '2024-06';

export const DIMENSIONS = ['toilet', 'garbage', 'sewage', 'appearance', 'maintenance'] as const;

/** villageId → scores in DIMENSIONS order (fewer entries = dimensions not inspected) and problems per dimension. */
export const INSPECTIONS: Record<string, { scores: number[]; problems?: Partial<Record<string, string[]>> }> = {
  'yanglin-v1': { scores: [100, 100, 100, 100, 100] },
  'songyang-v2': { scores: [95, 100, 95, 100, 100] },
  'xiaojie-v1': { scores: [95, 95, 95, 95, 95] },
  'dianyuan-v1': { scores: [90, 95, 95, 90, 95] },
  'yangqiao-v2': { scores: [90, 90, 90, 90, 90] },
  'aziying-v1': { scores: [90, 90, 90, 90, 90] },
  'yangqiao-v1': { scores: [85, 85, 85, 85, 85] },
  'yanglin-v3': { scores: [85, 85, 80, 80, 85] },
  'xiaojie-v3': { scores: [85, 80, 80, 85, 80] },
  'yanglin-v2': { scores: [80, 80, 80, 80, 80] },
  'niulanjiang-v3': { scores: [80, 75, 80, 80, 75] },
  'aziying-v2': { scores: [80, 80, 75, 75, 80] },
  'dianyuan-v3': { scores: [75, 80, 80, 75, 80] },
  'songyang-v1': { scores: [85, 90, 85, 90, 85] },
  'niulanjiang-v2': { scores: [75, 70, 70, 75, 70], problems: { garbage: ['村口垃圾桶满溢'] } },
  'songyang-v3': {
    scores: [70, 65, 70, 65, 70],
    problems: { garbage: ['垃圾转运点未及时清运'], appearance: ['乱堆乱放'] },
  },
  'yangqiao-v3': { scores: [80, 85, 80, 85, 80] },
  'niulanjiang-v1': {
    scores: [60, 55, 65, 70, 60],
    problems: {
      toilet: ['公厕无专人保洁', '户厕粪污外溢'],
      garbage: ['河道垃圾堆积'],
      maintenance: ['保洁员未按时到岗'],
    },
  },
  'xiaojie-v2': {
    scores: [70, 65, 70, 70, 65],
    problems: { garbage: ['垃圾收集点破损'], maintenance: ['无管护台账'] },
  },
  'aziying-v3': { scores: [85, 85, 85] },
  // dianyuan-v2 (苏海村) was not inspected this month.
};

const at = (date: string, time = '18:00') => `${date}T${time}:00+08:00`;

function item(id: string, title: string, due: string, o: Partial<ItemOutcome> = {}): ItemOutcome {
  return { id, title, status: 'in_progress', originalDueAt: at(due), returns: [], escalations: [], ...o };
}
const done = (date: string) => ({ status: 'done', closedAt: at(date, '10:00') });

/** The villages' supervision items; anything not listed has none. */
export const ITEMS: Record<string, ItemOutcome[]> = {
  'yanglin-v1': [item('RH-T-LM-1', '兰茂村公厕选址', '2024-06-10', { status: 'cancelled' })],
  'songyang-v2': [
    item('RH-T-BM-1', '白马村户厕问题排查', '2024-06-14', done('2024-06-12')),
    item('RH-T-BM-2', '白马村村庄清洁行动', '2024-06-28', done('2024-06-27')),
  ],
  'xiaojie-v1': [item('RH-T-KL-1', '匡郎村党委软弱涣散整顿提升', '2024-06-28', done('2024-06-26'))],
  'dianyuan-v1': [item('RH-T-BY-1', '白邑村垃圾分类宣传', '2024-06-21', done('2024-06-20'))],
  'yangqiao-v3': [
    item('RH-T-FG-1', '凤岗村户厕问题整改', '2024-06-14', done('2024-06-13')),
    item('RH-T-FG-2', '凤岗村生活污水管网接户', '2024-06-21'),
  ],
  'dianyuan-v3': [
    item('RH-T-DW-1', '甸尾村公厕管护责任落实', '2024-06-20', {
      ...done('2024-06-19'),
      returns: [{ seq: 5, at: at('2024-06-17', '15:00'), reason: '缺少整改前后对比照片' }],
    }),
  ],
  'songyang-v1': [
    item('RH-T-BJ-1', '北街社区垃圾分类督导', '2024-06-14', done('2024-06-14')),
    // Extended to 5 July, closed 27 June: late against the original deadline, which is what counts.
    item('RH-T-BJ-2', '北街社区污水管网修复', '2024-06-20', done('2024-06-27')),
  ],
  'niulanjiang-v1': [
    item('RH-T-DQ-1', '大箐村党总支软弱涣散整顿提升', '2024-06-14', done('2024-06-13')),
    item('RH-T-DQ-2', '大箐村垃圾收集点建设', '2024-06-21', {
      escalations: [
        { seq: 4, at: at('2024-06-24', '09:00'), level: 1 },
        { seq: 6, at: at('2024-06-28', '09:00'), level: 3 },
      ],
    }),
  ],
  'xiaojie-v2': [
    item('RH-T-DB-0', '墩白村卫生户厕改造', '2024-05-31'),
    item('RH-T-DB-1', '墩白村公厕保洁责任落实', '2024-06-20'),
  ],
};

/** Every demo village as scoring input for the month. */
export function fixtureVillages(): VillageInput[] {
  return TOWNSHIPS.flatMap((t) =>
    t.villages.map((name, i) => {
      const id = villageId(t.id, i);
      const insp = INSPECTIONS[id];
      const inspections: InspectionInput[] = (insp?.scores ?? []).map((score, d) => {
        const dimension = DIMENSIONS[d]!;
        return {
          id: `insp-${MONTH}-${id}-${dimension}`,
          dimension,
          score,
          inspectorName: '督查员',
          inspectedOn: '2024-06-12',
          problems: insp?.problems?.[dimension] ?? [],
          photoCount: 0,
        };
      });
      return {
        villageId: id,
        name: `${t.name}${name}`,
        townshipId: t.id,
        townshipName: t.name,
        inspections,
        items: ITEMS[id] ?? [],
      };
    }),
  );
}

/** Expected scores (points), worked out by hand: inspections 1.6 × Σscores / 10, plus items. */
export const EXPECTED: Record<string, number> = {
  'yanglin-v1': 100.0, // 80 + 20 (its only item was cancelled: no items due)
  'songyang-v2': 98.4, // 78.4 + 20
  'xiaojie-v1': 96.0,
  'dianyuan-v1': 94.4,
  'yangqiao-v2': 92.0,
  'aziying-v1': 92.0,
  'yangqiao-v1': 88.0,
  'yanglin-v3': 86.4,
  'xiaojie-v3': 85.6,
  'yanglin-v2': 84.0,
  'niulanjiang-v3': 82.4,
  'aziying-v2': 82.4,
  'dianyuan-v3': 81.4, // 62.4 + 20 − 1 (returned once)
  'songyang-v1': 79.6, // 69.6 + 10 (one of two on time: the extension does not count)
  'niulanjiang-v2': 77.6,
  'songyang-v3': 74.4,
  'yangqiao-v3': 73.6, // 65.6 + 10 − 2 (one overdue)
  'niulanjiang-v1': 54.6, // 49.6 + 10 − 2 (overdue) − 3 (escalated to L3)
  'xiaojie-v2': 50.4, // 54.4 + 0 − 2 − 2 (two overdue, one from May)
};
