import { describe, expect, it } from 'vitest';
import {
  formatImportError,
  type OrgSnapshot,
  type RawWorkbook,
  SHEET_COLUMNS,
  type SheetName,
  validateOrgImport,
} from '../../../domain/org/index.js';
import { demoSnapshot } from './fixtures.js';

const EMPTY: OrgSnapshot = { units: [], people: [], posts: [], leaderDomains: [], acting: [] };

/** A workbook from plain rows in the documented column order; data starts on spreadsheet row 2. */
function book(tables: Partial<Record<SheetName, string[][]>>): RawWorkbook {
  const out: RawWorkbook = {};
  for (const [sheet, rows] of Object.entries(tables) as [SheetName, string[][]][]) {
    out[sheet] = { header: [...SHEET_COLUMNS[sheet]], rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
  }
  return out;
}

/** A small but complete county: 嵩明县, 县财政局 (金融), 小街镇 and 匡郎村. */
function goodTables(): Record<SheetName, string[][]> {
  return {
    单位: [
      ['xiaojie-v1', '小街镇匡郎村', '村', 'xiaojie', ''],
      ['songming', '嵩明县', '县', '', ''],
      ['xiaojie', '小街镇', '乡镇', 'songming', ''],
      ['caizheng', '县财政局', '部门', 'songming', '金融'],
    ],
    人员: [
      ['p-sec', '李建国', 'ou_0001', '13800000001', 'songming', '县委书记'],
      ['p-fin', '王海燕', '', '', 'songming', '副县长'],
      ['p-town', '张志刚', '', '138-0000-0003', 'xiaojie', '镇党委书记'],
      ['p-v1', '刘丽娟', '', '', 'xiaojie-v1', '村党总支书记'],
    ],
    职务: [
      ['songming', 'p-sec', '县委书记', '县委书记'],
      ['songming', 'p-fin', '分管县领导', '副县长（分管金融）'],
      ['xiaojie', 'p-town', '书记', '党委书记'],
      ['xiaojie-v1', 'p-v1', '书记', '村党总支书记'],
    ],
    分管: [['p-fin', '金融']],
    代理: [['p-fin', 'p-town', '2024/6/10', '2024年6月14日', '参加党校培训']],
  };
}

function errorsOf(tables: Partial<Record<SheetName, string[][]>>, existing: OrgSnapshot = EMPTY): string[] {
  const result = validateOrgImport(book(tables), existing);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors.map(formatImportError);
}

describe('validateOrgImport', () => {
  it('accepts a good file, orders units parents first and normalises dates and phone numbers', () => {
    const result = validateOrgImport(book(goodTables()), EMPTY);
    if (!result.ok) throw new Error(result.errors.map(formatImportError).join('\n'));
    expect(result.plan.units.map((u) => u.id)).toEqual(['songming', 'xiaojie', 'caizheng', 'xiaojie-v1']);
    expect(result.plan.units.find((u) => u.id === 'caizheng')).toEqual({
      id: 'caizheng',
      name: '县财政局',
      kind: 'department',
      parentId: 'songming',
      domain: '金融',
    });
    expect(result.plan.people.find((p) => p.id === 'p-town')?.mobile).toBe('13800000003');
    expect(result.plan.posts).toContainEqual({
      unitId: 'xiaojie',
      personId: 'p-town',
      role: 'leader',
      title: '党委书记',
    });
    expect(result.plan.acting).toEqual([
      { personId: 'p-fin', actingForPersonId: 'p-town', from: '2024-06-10', to: '2024-06-14', reason: '参加党校培训' },
    ]);
  });

  it('names sheet, row and reason for a person in an unknown unit', () => {
    const t = goodTables();
    t.人员.push(['p-5', '赵桂芳', '', '', 'songming', ''], ['p-6', '孙玉兰', '', '', 'nowhere', '']);
    expect(errorsOf(t)).toEqual(['「人员」第7行：所属单位编号 nowhere 不存在']);
  });

  it('reports every bad row at once: unknown parent, duplicate id, unknown role, bad date', () => {
    const t = goodTables();
    t.单位.push(['xiaojie-v2', '小街镇墩白村', '村', 'xiaojie-x', ''], ['xiaojie', '小街镇', '乡镇', 'songming', '']);
    t.职务.push(['xiaojie-v1', 'p-town', '村长', '村长']);
    t.代理.push(['p-sec', 'p-v1', '2024-02-30', '2024-03-01', '休假']);
    expect(errorsOf(t)).toEqual([
      '「单位」第6行：上级编号 xiaojie-x 不存在',
      '「单位」第7行：单位编号 xiaojie 重复（与第4行）',
      '「职务」第6行：角色「村长」无效，应为 书记/副职/工作人员/督查/分管县领导/县委书记',
      '「代理」第3行：开始日期「2024-02-30」不是有效日期（例：2024-06-10）',
    ]);
  });

  it('finds a cycle in the unit tree', () => {
    const t = goodTables();
    t.单位.push(['d-a', '县农业农村局', '部门', 'd-b', ''], ['d-b', '县农技站', '部门', 'd-a', '']);
    expect(errorsOf(t)).toEqual([
      '「单位」第6行：上级关系形成循环：d-a → d-b → d-a',
      '「单位」第7行：上级关系形成循环：d-b → d-a → d-b',
    ]);
  });

  it('enforces the levels: a village belongs to a township, a township to the county', () => {
    const t = goodTables();
    t.单位[0] = ['xiaojie-v1', '小街镇匡郎村', '村', 'songming', ''];
    t.单位[2] = ['xiaojie', '小街镇', '街道', '', ''];
    expect(errorsOf(t)).toEqual([
      '「单位」第2行：村的上级应为乡镇，现为嵩明县（县）',
      '「单位」第4行：乡镇的上级应为县，现为空',
    ]);
  });

  it('refuses a 分管 domain with no department and a domain holder without a county-leader post', () => {
    const t = goodTables();
    t.分管.push(['p-fin', '水务'], ['p-town', '金融']);
    t.人员.push(['p-x', '陈晓东', '', '', 'songming', '']);
    t.分管.push(['p-x', '金融']);
    expect(errorsOf(t)).toEqual([
      '「分管」第3行：领域「水务」没有对应的县直部门（请在「单位」表的分管领域中填写）',
      '「分管」第4行：人员 p-town 没有「分管县领导」职务，不能分管领域',
      '「分管」第4行：领域「金融」已由 p-fin 分管，一个领域只能有一位分管县领导',
      '「分管」第5行：人员 p-x 没有「分管县领导」职务，不能分管领域',
      '「分管」第5行：领域「金融」已由 p-fin 分管，一个领域只能有一位分管县领导',
    ]);
  });

  it('refuses two leaders in one unit, county posts outside the county and overlapping acting windows', () => {
    const t = goodTables();
    t.职务.push(['xiaojie', 'p-v1', '书记', '党委书记'], ['xiaojie', 'p-fin', '分管县领导', '副县长']);
    t.代理.push(['p-sec', 'p-town', '2024-06-14', '2024-06-20', '出差']);
    expect(errorsOf(t)).toEqual([
      '「职务」第6行：单位 xiaojie 已有书记（第4行），每个单位只能有一位',
      '「职务」第7行：「分管县领导」只能设在县级单位',
      '「代理」第3行：与第2行的代理时间重叠（同一被代理人同一时间只能有一位代理人）',
    ]);
  });

  it('names missing sheets and columns, and skips blank rows', () => {
    const t = goodTables();
    const b = book({ 单位: t.单位, 人员: [...t.人员, ['', '', '', '', '', '']] });
    b.人员 = { ...b.人员!, header: ['编号', '姓名', '手机', '所属单位编号'] };
    const result = validateOrgImport(b, EMPTY);
    expect(result.ok ? [] : result.errors.map(formatImportError)).toEqual([
      '「人员」：缺少列：「飞书open_id」「职务」',
      '「职务」：缺少工作表「职务」',
    ]);
  });

  it('matches headers regardless of spaces and case, and checks open_id and phone formats', () => {
    const t = goodTables();
    const b = book(t);
    b.人员 = { ...b.人员!, header: ['编号', '姓名', '飞书 Open_ID', '手机', '所属单位编号', '职务'] };
    expect(validateOrgImport(b, EMPTY).ok).toBe(true);
    t.人员[1] = ['p-fin', '王海燕', 'u_123', '电话', 'songming', '副县长'];
    expect(errorsOf(t)).toEqual([
      '「人员」第3行：飞书open_id「u_123」格式不对，应以 ou_ 开头',
      '「人员」第3行：手机号「电话」格式不对',
    ]);
  });

  it('checks a partial file against the stored org: refers to stored units, guards stored open_ids', () => {
    const stored = demoSnapshot();
    const partial = {
      单位: [['xiaojie-v4', '小街镇新村', '村', 'xiaojie', '']],
      人员: [['p-new', '杨春梅', stored.people[0]!.openId ?? '', '', 'xiaojie-v4', '村党总支书记']],
      职务: [['xiaojie-v4', 'p-new', '书记', '村党总支书记']],
    };
    expect(errorsOf(partial, stored)).toEqual([
      `「人员」第2行：飞书open_id ${stored.people[0]!.openId} 已属于人员 ${stored.people[0]!.id}`,
    ]);
    partial.人员[0]![2] = '';
    expect(validateOrgImport(book(partial), stored).ok).toBe(true);
    const foreignPost = { ...partial, 职务: [['xiaojie', 'p-new', '副职', '副镇长']] };
    expect(errorsOf(foreignPost, stored)).toEqual([
      '「职务」第2行：单位 xiaojie 不在本文件「单位」表中（职务按单位整体导入）',
    ]);
  });

  it('refuses changing the type of a stored unit that still has children of another level', () => {
    const stored = demoSnapshot();
    expect(errorsOf({ 单位: [['xiaojie', '小街镇', '部门', 'songming', '']], 人员: [], 职务: [] }, stored)).toEqual([
      '「单位」第2行：类型不能改为部门：已有下级村 小街镇匡郎村、小街镇墩白村、小街镇积德村',
    ]);
  });
});
