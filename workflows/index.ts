/** The worker's workflow entry point: every workflow type Duban runs. */

export { cadencePeriod } from './cadence-period.js';
export { campaign } from './campaign.js';
export { crosscheckRound } from './crosscheck-round.js';
export { dailyDigest } from './daily-digest.js';
export { loanCollection } from './loan.js';
export { monthlyRanking } from './monthly-ranking.js';
export { projectFollowUp } from './project.js';
export { supervisionItem } from './supervision-item.js';
