import { createItemActivities } from '../../activities/items/item-activities.js';
import { createItemCardRoute } from '../../bot/items/card-route.js';
import { builtinCommands } from '../../bot/items/chat-commands.js';
import { itemDashboardRoutes } from '../../dashboard/items/routes.js';
import { FOUNDATION_MIGRATIONS } from '../../db/migrations/index.js';
import { ITEM_COMMANDS } from '../../services/items/cli-commands.js';
import type { Feature } from './feature.js';

/** 督办事项: the base item every other kind builds on; its buttons (`item`) are on every kind's cards. */
export const items: Feature = {
  name: 'items',
  cli: ITEM_COMMANDS,
  dashboardRoutes: itemDashboardRoutes,
  workflows: ['supervisionItem'],
  activities: (deps) => createItemActivities(deps),
  cardRoutes: (deps) => ({ item: createItemCardRoute(deps) }),
  chatCommands: (deps) => builtinCommands(deps),
  migrations: FOUNDATION_MIGRATIONS,
};
