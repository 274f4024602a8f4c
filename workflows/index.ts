/** The worker's workflow entry point: every workflow type Duban runs. */
export { supervisionItem } from './supervision-item.js';
