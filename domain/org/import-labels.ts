import type { OrgRole, OrgUnitKind } from './types.js';

/** 类型 column: what clerks write, including the everyday synonyms (街道 is a township-level unit). */
export const KIND_BY_LABEL: Readonly<Record<string, OrgUnitKind>> = {
  县: 'county',
  部门: 'department',
  县直部门: 'department',
  乡镇: 'township',
  镇: 'township',
  乡: 'township',
  街道: 'township',
  村: 'village',
  社区: 'village',
};

export const KIND_LABEL: Readonly<Record<OrgUnitKind, string>> = {
  county: '县',
  department: '部门',
  township: '乡镇',
  village: '村',
};

/** 角色 column. 书记 is the unit's leader (a village or township party secretary, a bureau head). */
export const ROLE_BY_LABEL: Readonly<Record<string, OrgRole>> = {
  书记: 'leader',
  负责人: 'leader',
  主要负责人: 'leader',
  副职: 'deputy',
  工作人员: 'staff',
  督查: 'supervisor',
  分管县领导: 'county_leader',
  县委书记: 'secretary',
};

export const ROLE_LABEL: Readonly<Record<OrgRole, string>> = {
  leader: '书记',
  deputy: '副职',
  staff: '工作人员',
  supervisor: '督查',
  county_leader: '分管县领导',
  secretary: '县委书记',
};

/** Which kind of unit may be the parent of which; null means "no parent" (the county is the root). */
export const PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly (OrgUnitKind | null)[]>> = {
  county: [null],
  department: ['county', 'department'],
  township: ['county'],
  village: ['township'],
};
