import { createHash } from 'node:crypto';
import type { NewPerson, NewPost, NewUnit, PostRole } from '../../db/schema.js';

/**
 * The demo county: 嵩明县 from the seed report (2024 H1). The seven townships/subdistricts are
 * the county's real ones; 小街镇匡郎村 and 牛栏江镇大箐村 are named in the report (the two
 * 软弱涣散 party organisations it rectified). Other village names are demo data, and all
 * people are fictional.
 */
export const COUNTY = { id: 'songming', name: '嵩明县' } as const;

export const TOWNSHIPS = [
  { id: 'songyang', name: '嵩阳街道', villages: ['北街社区', '白马村', '大树营村'] },
  { id: 'yangqiao', name: '杨桥街道', villages: ['杨桥村', '王四坝村', '凤岗村'] },
  { id: 'xiaojie', name: '小街镇', villages: ['匡郎村', '墩白村', '积德村'] },
  { id: 'yanglin', name: '杨林镇', villages: ['兰茂村', '大哨村', '嘉丽泽村'] },
  { id: 'niulanjiang', name: '牛栏江镇', villages: ['大箐村', '小坝村', '对龙村'] },
  { id: 'dianyuan', name: '滇源街道', villages: ['白邑村', '苏海村', '甸尾村'] },
  { id: 'aziying', name: '阿子营街道', villages: ['阿子营村', '铁冲村', '果东村'] },
] as const;

/** 县直部门 and the 分管 domain each belongs to. */
export const DEPARTMENTS = [
  { id: 'ducha', name: '县委督查室', domain: '综合' },
  { id: 'nongye', name: '县农业农村局', domain: '农业农村' },
  { id: 'caizheng', name: '县财政局', domain: '金融' },
  { id: 'renshe', name: '县人力资源和社会保障局', domain: '人社' },
  { id: 'zhujian', name: '县住房和城乡建设局', domain: '住建' },
  { id: 'shuiwu', name: '县水务局', domain: '水务' },
  { id: 'jiaoyu', name: '县教育体育局', domain: '教育' },
  { id: 'minzheng', name: '县民政局', domain: '民政' },
] as const;

/** 分管县领导 and their domains; 县委书记 sits above them all. */
export const COUNTY_LEADERS = [
  { id: 'p-county-secretary', role: 'secretary' as const, title: '县委书记', domains: [] as string[] },
  {
    id: 'p-vice-agri',
    role: 'county_leader' as const,
    title: '副县长（分管农业农村、水务）',
    domains: ['农业农村', '水务', '综合'],
  },
  { id: 'p-vice-finance', role: 'county_leader' as const, title: '副县长（分管金融、财政）', domains: ['金融'] },
  {
    id: 'p-vice-social',
    role: 'county_leader' as const,
    title: '副县长（分管人社、教育、民政）',
    domains: ['人社', '教育', '民政'],
  },
  { id: 'p-vice-housing', role: 'county_leader' as const, title: '副县长（分管住建）', domains: ['住建'] },
];

export interface DemoOrg {
  units: NewUnit[];
  people: NewPerson[];
  posts: Omit<NewPost, 'id'>[];
  leaderDomains: { person_id: string; domain: string }[];
}

const SURNAMES = '李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '建华国强海燕志刚丽娟秀英明辉文杰春梅永红晓东玉兰桂芳德明金凤新民俊峰雪梅家伟红梅';

/** Deterministic fictional names, so demo data and tests are stable across runs. */
export function demoName(key: string): string {
  const h = createHash('sha256').update(key).digest();
  const surname = SURNAMES[h[0]! % SURNAMES.length]!;
  const g1 = GIVEN[h[1]! % GIVEN.length]!;
  const g2 = GIVEN[h[2]! % GIVEN.length]!;
  return h[3]! % 3 === 0 ? `${surname}${g1}` : `${surname}${g1}${g2}`;
}

export function demoOpenId(personId: string): string {
  return `ou_${createHash('sha256').update(`open:${personId}`).digest('hex').slice(0, 32)}`;
}

export function villageId(townshipId: string, index: number): string {
  return `${townshipId}-v${index + 1}`;
}

export function buildDemoOrg(): DemoOrg {
  const org: DemoOrg = { units: [], people: [], posts: [], leaderDomains: [] };
  const person = (id: string, unitId: string, title: string, role: PostRole) => {
    org.people.push({ id, name: demoName(id), open_id: demoOpenId(id), mobile: null, unit_id: unitId, title });
    org.posts.push({ unit_id: unitId, person_id: id, role, title, starts_on: null, ends_on: null });
  };

  org.units.push({
    id: COUNTY.id,
    name: COUNTY.name,
    kind: 'county',
    parent_id: null,
    domain: null,
    lark_department_id: null,
  });
  for (const leader of COUNTY_LEADERS) {
    person(leader.id, COUNTY.id, leader.title, leader.role);
    for (const domain of leader.domains) org.leaderDomains.push({ person_id: leader.id, domain });
  }
  for (const d of DEPARTMENTS) {
    org.units.push({
      id: d.id,
      name: d.name,
      kind: 'department',
      parent_id: COUNTY.id,
      domain: d.domain,
      lark_department_id: null,
    });
    person(
      `p-${d.id}-head`,
      d.id,
      d.id === 'ducha' ? '督查室主任' : '局长',
      d.id === 'ducha' ? 'supervisor' : 'leader',
    );
    person(
      `p-${d.id}-staff`,
      d.id,
      d.id === 'ducha' ? '督查员' : '股室负责人',
      d.id === 'ducha' ? 'supervisor' : 'staff',
    );
  }
  for (const t of TOWNSHIPS) {
    org.units.push({
      id: t.id,
      name: t.name,
      kind: 'township',
      parent_id: COUNTY.id,
      domain: null,
      lark_department_id: null,
    });
    person(`p-${t.id}-secretary`, t.id, '党（工）委书记', 'leader');
    person(`p-${t.id}-mayor`, t.id, t.name.endsWith('镇') ? '镇长' : '办事处主任', 'deputy');
    person(`p-${t.id}-staff`, t.id, '乡村振兴专干', 'staff');
    t.villages.forEach((name, i) => {
      const id = villageId(t.id, i);
      org.units.push({
        id,
        name: `${t.name}${name}`,
        kind: 'village',
        parent_id: t.id,
        domain: null,
        lark_department_id: null,
      });
      person(`p-${id}-secretary`, id, name.endsWith('社区') ? '社区党总支书记' : '村党总支书记', 'leader');
      person(`p-${id}-cadre`, id, '村委会副主任', 'staff');
      person(`p-${id}-first`, id, '驻村第一书记', 'staff');
    });
  }
  return org;
}
