import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ItemCommand, ItemCommandType, ItemState } from '../../domain/items/index.js';

/** Arguments of every item Update: who acts, what the edge resolved about them, and the command. */
export interface ItemUpdateArgs {
  actorId: string;
  /** For transfer: the target person's units, resolved from the org by the caller. */
  targetUnitIds?: string[];
  command: ItemCommand;
}

export type ItemUpdate = UpdateDefinition<ItemState, [ItemUpdateArgs]>;

/** One Update per action; the name on the wire is the command type, checked by the validator. */
export const itemUpdates: { readonly [T in ItemCommandType]: ItemUpdate } = {
  sign: defineUpdate('sign'),
  report_progress: defineUpdate('report_progress'),
  submit: defineUpdate('submit'),
  approve: defineUpdate('approve'),
  reject: defineUpdate('reject'),
  request_extension: defineUpdate('request_extension'),
  approve_extension: defineUpdate('approve_extension'),
  reject_extension: defineUpdate('reject_extension'),
  transfer: defineUpdate('transfer'),
  cancel: defineUpdate('cancel'),
  urge: defineUpdate('urge'),
  instruct: defineUpdate('instruct'),
  escalate_now: defineUpdate('escalate_now'),
};

export const itemStateQuery = defineQuery<ItemState>('state');

export function itemWorkflowId(itemId: string): string {
  return itemId;
}
