import type { ItemKind, ItemStatus, Urgency } from './types.js';

export const STATUS_LABELS: Record<ItemStatus, string> = {
  assigned: '待签收',
  in_progress: '办理中',
  submitted: '待审核',
  done: '已办结',
  cancelled: '已撤销',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: '一般',
  important: '重要',
  urgent: '紧急',
};

export const KIND_LABELS: Record<ItemKind, string> = {
  task: '督办事项',
  rectification: '整改事项',
  loan: '小额信贷催收',
  project: '衔接资金项目',
  monitoring: '常态化监测',
  ranking: '红黑榜整改',
};
