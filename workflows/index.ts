/** The worker's workflow entry point: every workflow type Duban runs. */

export { dailyDigest } from './daily-digest.js';
export { monthlyRanking } from './monthly-ranking.js';
export { supervisionItem } from './supervision-item.js';
