import { stableHex } from './ids.js';
import type { LarkSimApp, LarkSimDepartment, LarkSimUser } from './types.js';

/** A small 嵩明县 org for the standalone simulator: county leaders, two bureaus, three towns, two villages. */
export interface DemoOrg {
  app: LarkSimApp;
  users: LarkSimUser[];
  departments: LarkSimDepartment[];
}

const od = (key: string): string => `od-${stableHex(32, 'demo-dept', key)}`;
const ou = (key: string): string => `ou_${stableHex(32, 'demo-user', key)}`;
const oc = (key: string): string => `oc_${stableHex(32, 'demo-chat', key)}`;

/** Demo credentials only: never use them for a real Lark app. */
export const DEMO_APP: LarkSimApp = {
  appId: 'cli_a5d0b1c2d3e4f501',
  appSecret: 'larksim-demo-app-secret',
  encryptKey: 'larksim-demo-encrypt-key',
  verificationToken: 'larksim-demo-verification-token',
  name: '督办助手',
};

export function demoOrg(): DemoOrg {
  const dept = (key: string, name: string, parent: string | null, leader: string, chat = false): LarkSimDepartment => ({
    openDepartmentId: od(key),
    departmentId: `D-${key.toUpperCase()}`,
    name,
    parentOpenDepartmentId: parent ? od(parent) : '0',
    leaderOpenId: ou(leader),
    ...(chat ? { chatId: oc(key) } : {}),
  });
  const departments: LarkSimDepartment[] = [
    dept('county', '嵩明县委', null, 'shuji'),
    dept('xczx', '县乡村振兴局', null, 'juzhang'),
    dept('nyj', '县农业农村局', null, 'nyjz'),
    dept('xj', '小街镇', null, 'xjsj', true),
    dept('klc', '匡郎村', 'xj', 'klcsj'),
    dept('nlj', '牛栏江镇', null, 'nljsj'),
    dept('dqc', '大箐村', 'nlj', 'dqcsj'),
    dept('yl', '杨林镇', null, 'ylsj'),
  ];
  const user = (key: string, name: string, department: string, jobTitle: string, leader?: string): LarkSimUser => ({
    openId: ou(key),
    name,
    departmentIds: [od(department)],
    jobTitle,
    mobile: `+86138${stableHex(8, 'mobile', key).replace(/[a-f]/g, '0')}`,
    ...(leader ? { leaderOpenId: ou(leader) } : {}),
  });
  const users: LarkSimUser[] = [
    user('shuji', '李建国', 'county', '县委书记'),
    user('fenguan', '王振华', 'county', '分管副县长', 'shuji'),
    user('juzhang', '赵明', 'xczx', '县乡村振兴局局长', 'fenguan'),
    user('ducha', '孙丽', 'xczx', '督查室干部', 'juzhang'),
    user('nyjz', '周强', 'nyj', '县农业农村局局长', 'fenguan'),
    user('xjsj', '陈伟', 'xj', '小街镇党委书记', 'fenguan'),
    user('klcsj', '刘洋', 'klc', '匡郎村党委书记', 'xjsj'),
    user('klcdy', '杨帆', 'klc', '驻村第一书记', 'klcsj'),
    user('nljsj', '黄磊', 'nlj', '牛栏江镇党委书记', 'fenguan'),
    user('dqcsj', '吴军', 'dqc', '大箐村党总支书记', 'nljsj'),
    user('ylsj', '郑华', 'yl', '杨林镇党委书记', 'fenguan'),
  ];
  return { app: { ...DEMO_APP }, users, departments };
}
