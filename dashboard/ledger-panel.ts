import type { CalendarData } from '../domain/calendar/index.js';
import type { LedgerVisibility } from '../domain/org/access.js';
import type { Html } from './html.js';
import type { PageEnv } from './page-env.js';

/** What the 专项台账 page has worked out once for every panel on it. */
export interface LedgerPanelContext {
  env: PageEnv;
  /** The month shown, YYYY-MM. */
  month: string;
  calendar: CalendarData;
  /** Which rows the viewer may see. */
  visible: LedgerVisibility;
  /** Unit names by id, for the rows. */
  unitNames: Map<string, string>;
  /** 督查室 and county leaders may act from the page (dispatch, pause), not only read. */
  mayAdminister: boolean;
}

/** One supervision line's section of the 专项台账 page, contributed by its feature. */
export type LedgerPanel = (ctx: LedgerPanelContext) => Promise<Html>;
