import { createRankingActivities } from '../../activities/ranking/ranking-activities.js';
import { createRankingCardRoute } from '../../bot/ranking/card-route.js';
import { rankingChatCommands } from '../../bot/ranking/chat-commands.js';
import { createRankingLark } from '../../bot/ranking/ranking-lark.js';
import { rankingDashboardRoutes } from '../../dashboard/ranking/routes.js';
import * as m005 from '../../db/ranking/migrations/005_ranking.js';
import { RANKING_COMMANDS } from '../../services/ranking/cli-commands.js';
import { setUpRankingSchedule } from '../../services/ranking/schedule.js';
import type { Feature } from './feature.js';

/** 红黑榜: the monthly scoring, appeal window, leading-group approval, publication and rectification items. */
export const ranking: Feature = {
  name: 'ranking',
  cli: RANKING_COMMANDS,
  dashboardRoutes: rankingDashboardRoutes,
  workflows: ['monthlyRanking'],
  // Group chats and chart images need the SDK client itself, which only a real Lark connection has.
  activities: (deps) =>
    deps.larkClient ? createRankingActivities({ ...deps, lark: createRankingLark(deps.larkClient, deps.lark) }) : {},
  cardRoutes: (deps) => ({ ranking: createRankingCardRoute(deps) }),
  chatCommands: (deps) => rankingChatCommands(deps),
  migrations: { '005_ranking': m005 },
  schedules: ({ client, db, taskQueue }) => setUpRankingSchedule(client, db, taskQueue),
};
