import { escalationOf, type ItemState } from './types.js';

export type ItemRole = 'assignee' | 'reviewer' | 'issuer' | 'leader' | 'former_assignee' | 'observer';

/** The roles a person holds on an item right now; cards show the buttons of these roles. */
export function rolesOf(state: ItemState, personId: string): ItemRole[] {
  const roles: ItemRole[] = [];
  if (state.assigneeId === personId) roles.push('assignee');
  if (state.spec.reviewerId === personId) roles.push('reviewer');
  if (state.spec.issuerId === personId) roles.push('issuer');
  if (escalationOf(state).recipients.includes(personId)) roles.push('leader');
  if (roles.length === 0) roles.push(state.spec.assigneeId === personId ? 'former_assignee' : 'observer');
  return roles;
}
