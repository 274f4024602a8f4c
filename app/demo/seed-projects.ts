/**
 * The seed's 2024 衔接资金 projects (嵩明县 H1 report): 2163 万元 to 15 projects, 13 started (86.67%), 11 industry
 * projects; central funds for industry 1464.60 万元 (89.25%), provincial 511 万元 (97.90%); paid 1182.62 万元, 54.67%.
 *
 * The report's totals are rounded: no split of exactly 2163.00 万元 gives all three percentages (1182.62 / 2163.00
 * is 54.68%). Central 1641.08 + provincial 521.96 = 2163.04 万元 does, and rounds to the report's 2163 万元.
 * Project names and the split between projects are demo data; the totals are the seed's.
 * The demo county (`npm start`) and the project tests share it.
 */
export interface FixtureProject {
  id: string;
  name: string;
  township: string;
  unit: string;
  industry: boolean;
  /** 万元, as written in the ledger. */
  central: string;
  provincial: string;
  plannedStart: string;
  plannedFinish: string;
  started: boolean;
  startedOn?: string;
  percent: number;
  paid: string;
}

const p = (
  id: string,
  name: string,
  township: string,
  unit: string,
  industry: boolean,
  central: string,
  provincial: string,
  plan: [string, string],
  progress: [string | undefined, number, string],
): FixtureProject => ({
  id,
  name,
  township,
  unit,
  industry,
  central,
  provincial,
  plannedStart: plan[0],
  plannedFinish: plan[1],
  started: progress[0] !== undefined,
  ...(progress[0] ? { startedOn: progress[0] } : {}),
  percent: progress[1],
  paid: progress[2],
});

export const SEED_PROJECTS: FixtureProject[] = [
  p(
    'XM2024-01',
    '匡郎村蔬菜保鲜冷库建设项目',
    '小街镇',
    '小街镇',
    true,
    '180.00',
    '60.00',
    ['2024-03-01', '2024-10-31'],
    ['2024-03-05', 65, '170.00'],
  ),
  p(
    'XM2024-02',
    '大箐村肉牛养殖小区建设项目',
    '牛栏江镇',
    '牛栏江镇',
    true,
    '200.00',
    '80.00',
    ['2024-03-01', '2024-11-29'],
    ['2024-03-12', 60, '170.00'],
  ),
  p(
    'XM2024-03',
    '兰茂村中药材种植示范基地项目',
    '杨林镇',
    '县农业农村局',
    true,
    '150.00',
    '50.00',
    ['2024-03-15', '2024-10-31'],
    ['2024-03-18', 55, '110.00'],
  ),
  p(
    'XM2024-04',
    '白邑村花卉产业大棚项目',
    '滇源街道',
    '滇源街道',
    true,
    '160.00',
    '45.00',
    ['2024-04-01', '2024-11-29'],
    ['2024-04-02', 58, '120.00'],
  ),
  p(
    'XM2024-05',
    '铁冲村林下种植项目',
    '阿子营街道',
    '阿子营街道',
    true,
    '120.00',
    '40.00',
    ['2024-04-01', '2024-11-29'],
    ['2024-04-10', 50, '80.00'],
  ),
  p(
    'XM2024-06',
    '白马村农产品初加工厂房项目',
    '嵩阳街道',
    '嵩阳街道',
    true,
    '110.00',
    '36.00',
    ['2024-03-20', '2024-10-31'],
    ['2024-03-25', 62, '90.00'],
  ),
  p(
    'XM2024-07',
    '王四坝村设施蔬菜项目',
    '杨桥街道',
    '杨桥街道',
    true,
    '130.00',
    '40.00',
    ['2024-04-15', '2024-12-20'],
    ['2024-04-16', 52, '95.00'],
  ),
  p(
    'XM2024-08',
    '积德村食用菌种植项目',
    '小街镇',
    '小街镇',
    true,
    '95.00',
    '30.00',
    ['2024-04-01', '2024-11-15'],
    ['2024-04-08', 56, '70.00'],
  ),
  p(
    'XM2024-09',
    '小坝村生猪养殖项目',
    '牛栏江镇',
    '牛栏江镇',
    true,
    '125.00',
    '50.00',
    ['2024-03-15', '2024-11-29'],
    ['2024-03-20', 57, '100.00'],
  ),
  p(
    'XM2024-10',
    '苏海村乡村旅游配套设施项目',
    '滇源街道',
    '滇源街道',
    true,
    '104.60',
    '40.00',
    ['2024-04-01', '2024-12-20'],
    ['2024-04-15', 50, '80.00'],
  ),
  p(
    'XM2024-11',
    '果东村果蔬分拣中心项目',
    '阿子营街道',
    '阿子营街道',
    true,
    '90.00',
    '40.00',
    ['2024-05-06', '2024-12-20'],
    [undefined, 0, '0'],
  ),
  p(
    'XM2024-12',
    '大哨村村内道路硬化项目',
    '杨林镇',
    '杨林镇',
    false,
    '60.00',
    '0',
    ['2024-03-01', '2024-09-30'],
    ['2024-03-04', 80, '40.00'],
  ),
  p(
    'XM2024-13',
    '对龙村人居环境提升项目',
    '牛栏江镇',
    '牛栏江镇',
    false,
    '48.48',
    '10.96',
    ['2024-05-06', '2024-11-29'],
    [undefined, 0, '0'],
  ),
  p(
    'XM2024-14',
    '大树营村农村供水保障项目',
    '嵩阳街道',
    '县水务局',
    false,
    '38.00',
    '0',
    ['2024-03-01', '2024-08-30'],
    ['2024-03-01', 90, '30.00'],
  ),
  p(
    'XM2024-15',
    '凤岗村小型农田水利设施项目',
    '杨桥街道',
    '县水务局',
    false,
    '30.00',
    '0',
    ['2024-03-01', '2024-08-30'],
    ['2024-03-06', 95, '27.62'],
  ),
];

/** The ledger's columns (domain/projects/import-row.ts) and one row per project, as an importer would fill them in. */
export function projectSheetRows(projects: FixtureProject[] = SEED_PROJECTS): string[][] {
  const header = [
    '项目编号',
    '项目名称',
    '乡镇（街道）',
    '责任单位',
    '产业项目',
    '中央衔接资金（万元）',
    '省级衔接资金（万元）',
    '计划开工日期',
    '计划完工日期',
    '是否开工',
    '开工日期',
    '完成进度（%）',
    '累计支付（万元）',
  ];
  return [
    header,
    ...projects.map((x) => [
      x.id,
      x.name,
      x.township,
      x.unit,
      x.industry ? '是' : '否',
      x.central,
      x.provincial,
      x.plannedStart,
      x.plannedFinish,
      x.started ? '是' : '否',
      x.startedOn ?? '',
      String(x.percent),
      x.paid,
    ]),
  ];
}
