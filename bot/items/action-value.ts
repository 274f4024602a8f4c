import type { ItemCommandType } from '../../domain/items/index.js';

/** The value every Duban item button carries; the webhook maps it to a Temporal Update. */
export interface ActionValue {
  item: string;
  cmd: ItemCommandType;
}

export function actionValue(itemId: string, cmd: ItemCommandType): ActionValue {
  return { item: itemId, cmd };
}
