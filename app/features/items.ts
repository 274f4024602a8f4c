import { createItemActivities } from '../../activities/items/item-activities.js';
import { builtinCommands } from '../../bot/items/chat-commands.js';
import { itemDashboardRoutes } from '../../dashboard/items/routes.js';
import { FOUNDATION_MIGRATIONS } from '../../db/migrations/index.js';
import { ITEM_COMMANDS } from '../../services/items/cli-commands.js';
import type { Feature } from './feature.js';

/**
 * 督办事项: the base item every other kind builds on. Its card route (`item`) is the webhook's own
 * (bot/webhook/card-action.ts), since every card carries item buttons.
 */
export const items: Feature = {
  name: 'items',
  cli: ITEM_COMMANDS,
  dashboardRoutes: itemDashboardRoutes,
  workflows: ['supervisionItem'],
  activities: (deps) => createItemActivities(deps),
  chatCommands: (deps) => builtinCommands(deps),
  migrations: FOUNDATION_MIGRATIONS,
};
