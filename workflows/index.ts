/** The worker's workflow entry point: every workflow type Duban runs. */

export { cadencePeriod } from './cadence/cadence-period.js';
export { campaign } from './campaigns/campaign.js';
export { crosscheckRound } from './crosscheck/crosscheck-round.js';
export { dailyDigest } from './digest/daily-digest.js';
export { supervisionItem } from './items/supervision-item.js';
export { loanCollection } from './loans/loan.js';
export { projectFollowUp } from './projects/project.js';
export { monthlyRanking } from './ranking/monthly-ranking.js';
