import type { ItemState } from '../../domain/items/index.js';
import type { LightResult } from '../../domain/lights.js';

/** What an item card shows; a module of its own so that the action builders can use it without importing the card. */
export interface ItemCardInput {
  state: ItemState;
  viewerId: string;
  /** person id → name, for everyone the card mentions. */
  names: Record<string, string>;
  unitName: string;
  /** Unit members the item may be handed over to (转办). */
  transferCandidates: { id: string; name: string }[];
  now: string;
  /** 红黄绿灯, when the calendar was at hand. */
  light?: LightResult;
}
