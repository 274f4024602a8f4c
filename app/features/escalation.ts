import { createEscalationActivities } from '../../activities/escalation/escalation-activities.js';
import type { Feature } from './feature.js';

/** 督办升级: the chain from 责任人 to 县委书记, 加急, leader cards with 催办/批示 (routed as item buttons). */
export const escalation: Feature = {
  name: 'escalation',
  activities: (deps) => createEscalationActivities(deps),
};
